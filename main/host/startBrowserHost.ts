import { createAppCore, type AppCore } from '../app/createAppCore';
import { createEventHub } from './eventHub';
import { forkJobProcess } from '../jobs/forkJobProcess';
import { listenHostServer } from './hostServer';
import { openAtStart } from './openAtStart';

export interface BrowserHostOptions {
  /** Open this knowledge base; without it the last one is reopened. */
  kbPath?: string;
  /** With `kbPath`: create the sample knowledge base there if the file does not exist. */
  createSample?: boolean;
  /** Without `kbPath`, on a first start: create or open the sample here. */
  firstRunSamplePath?: string;
  userDataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer folder (`dist/renderer`). */
  rendererDir: string;
}

export interface BrowserHost {
  url: string;
  token: string;
  port: number;
  core: AppCore;
  /** Stops serving, ends every event stream and closes the knowledge base. */
  close(): Promise<void>;
}

/**
 * Runs Casebook without Electron: the same app core as the desktop app, its push events fanned
 * out to the pages' event streams, served over a token-protected HTTP server on 127.0.0.1. This
 * is how the app runs headless and how it is tested where no Electron binary exists.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const events = createEventHub();
  const core = createAppCore({
    userDataDir: options.userDataDir,
    ports: { host: 'browser', dialogs: null, push: (channel, payload) => events.push(channel, payload), spawnJob: forkJobProcess },
  });
  try {
    openAtStart(core, options);
  } catch (e) {
    core.shutdown();
    throw e;
  }
  const server = await listenHostServer({ dispatch: core.dispatch, events, rendererDir: options.rendererDir, port: options.port });
  return {
    url: server.url,
    token: server.token,
    port: server.port,
    core,
    async close() {
      await server.close();
      core.shutdown();
    },
  };
}
