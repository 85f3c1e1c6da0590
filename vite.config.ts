import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer bundle. `base: './'` keeps asset URLs relative, so the same build loads from the
 * browser host's HTTP server and from Electron's custom protocol.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // A desktop app loading from local disk: one bundle is fine.
    chunkSizeWarningLimit: 2000,
  },
});
