import { utilityProcess } from 'electron';
import type { JobChild, JobMessage, ParentMessage, SpawnJob } from '../jobs/jobProtocol';
import { resolveAppPath } from '../appPaths';

/**
 * Job processes in Electron: `dist/main/job.mjs` (bundled from `main/jobs/jobEntry.ts`) in a
 * utility process, which Electron kills with the app. `sqliteBinding` is the Electron-ABI
 * better-sqlite3 build the job must load too (undefined in packaged apps, which are rebuilt).
 */
export function createUtilityJobSpawner(sqliteBinding: () => string | undefined): SpawnJob {
  return (): JobChild => {
    const binding = sqliteBinding();
    const child = utilityProcess.fork(resolveAppPath('dist', 'main', 'job.mjs'), binding ? [`--sqlite-binding=${binding}`] : [], {
      serviceName: 'Casebook import',
      stdio: 'inherit',
    });
    // Messages posted before the process has spawned are queued here, then sent in order.
    let spawned = false;
    const queue: ParentMessage[] = [];
    child.once('spawn', () => {
      spawned = true;
      for (const m of queue.splice(0)) child.postMessage(m);
    });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    return {
      send(message) {
        if (exited) return;
        if (spawned) child.postMessage(message);
        else queue.push(message);
      },
      onMessage(listener) {
        child.on('message', (m: unknown) => listener(m as JobMessage));
      },
      onExit(listener) {
        child.once('exit', (code: number) => listener(code));
      },
      kill() {
        if (!exited) child.kill();
      },
    };
  };
}
