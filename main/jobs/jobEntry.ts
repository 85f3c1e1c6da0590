import { setSqliteNativeBinding } from '../db/openKb';
import type { JobMessage, ParentMessage } from './jobProtocol';
import { runJobRequest } from './runJobRequest';

/**
 * Entry of a job process (DESIGN §3): a Node child started with `fork` (browser host, tests) or
 * an Electron utility process (which talks through `process.parentPort`). It runs one request and
 * exits; main kills it to cancel.
 */
interface ParentPort {
  on(event: 'message', listener: (e: { data: ParentMessage }) => void): void;
  postMessage(message: JobMessage): void;
}
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

const bindingArg = process.argv.find((a) => a.startsWith('--sqlite-binding='));
if (bindingArg) setSqliteNativeBinding(bindingArg.slice('--sqlite-binding='.length));

const post = (message: JobMessage): void => {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
};

let started = false;
let go: (() => void) | null = null;
const goPromise = new Promise<void>((resolve) => {
  go = resolve;
});

function receive(message: ParentMessage): void {
  if (message.type === 'go') {
    go?.();
    return;
  }
  if (started) return;
  started = true;
  void runJobRequest(message.request, post, () => goPromise).finally(() => {
    // Give the last message time to leave, then end; main also kills the process once it has the answer.
    setTimeout(() => process.exit(0), 500);
  });
}

if (parentPort) parentPort.on('message', (e) => receive(e.data));
else {
  process.on('message', (m) => receive(m as ParentMessage));
  // Main has gone (closed or crashed): stop at once; a commit waiting for `go` then writes nothing.
  process.on('disconnect', () => process.exit(0));
}
