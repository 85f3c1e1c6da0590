import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { JobChild, JobMessage } from './jobProtocol';

/**
 * A job process for Node hosts (browser host, tests): `jobEntry.ts` forked under tsx. Electron
 * uses `utilityProcess` instead (see `main/electron/utilityJob.ts`).
 */
export function forkJobProcess(): JobChild {
  // From this module's own path, not `new URL('./jobEntry.ts', import.meta.url)`: a bundler (Vite in
  // the jsdom tests) rewrites that pattern into a web address.
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'jobEntry.ts');
  // `--import tsx` would resolve from the working directory; the host may run from anywhere.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = fork(entry, [], { execArgv: ['--import', tsx], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let exited = false;
  const exitListeners: ((code: number | null) => void)[] = [];
  child.on('exit', (code) => {
    exited = true;
    for (const l of exitListeners) l(code);
  });
  child.on('error', () => {
    if (!exited) child.kill('SIGKILL');
  });
  return {
    send(message) {
      if (child.connected) child.send(message);
    },
    onMessage(listener) {
      child.on('message', (m) => listener(m as JobMessage));
    },
    onExit(listener) {
      exitListeners.push(listener);
    },
    kill() {
      if (!exited) child.kill('SIGKILL');
    },
  };
}
