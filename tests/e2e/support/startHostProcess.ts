import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface HostProcess {
  url: string;
  /** Everything the host printed so far (stdout and stderr), for failure reports. */
  output(): string;
  /** Stops the host the way Ctrl+C does (it closes the knowledge base), killing it if it hangs. */
  stop(): Promise<void>;
}

const READY = /^Casebook is running at (\S+)$/m;

/**
 * Starts `main/host/serve.ts` as its own process, exactly as a user would, and resolves once it
 * prints its "running at" line; fails with the host's own output if it exits or stays silent.
 */
export function startHostProcess(root: string, args: readonly string[], timeoutMs = 30_000): Promise<HostProcess> {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, ['--import', 'tsx', 'main/host/serve.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let log = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The Casebook host did not start within ${timeoutMs} ms. Its output:\n${log}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: string) => {
      log += chunk;
      const match = READY.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], output: () => log, stop });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The Casebook host exited (${signal ?? `code ${code}`}) before it was ready. Its output:\n${log}`));
    });
  });
}
