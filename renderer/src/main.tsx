import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { PlatformProvider } from './app/PlatformContext';
import { detectPlatform } from './platform/platform';
import { ToastProvider } from './ui/Toasts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <PlatformProvider platform={detectPlatform()}>
      <ToastProvider>
        <App />
      </ToastProvider>
    </PlatformProvider>
  </StrictMode>,
);
