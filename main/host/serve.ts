import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveAppPath } from '../appPaths';
import { defaultSampleKbPath, defaultUserDataDir } from './defaultPaths';
import { isFirstRun } from './openAtStart';
import { startBrowserHost } from './startBrowserHost';

const USAGE = `Usage: node --import tsx main/host/serve.ts [options]

Runs Casebook in your web browser (no Electron needed) on 127.0.0.1.

  --kb FILE         open this knowledge base
  --sample FILE     open FILE, creating the sample knowledge base there if it does not exist
  --user-data DIR   folder for settings and recent files (default: ${defaultUserDataDir()})
  --port N          port to listen on (default: a free one)
  --help            show this text

Without --kb or --sample, the knowledge base open last time is reopened; on the very first start the
sample knowledge base is created in your Documents folder.`;

/** Command-line entry of the browser host; prints one "running at" line that scripts and tests wait for. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kb: { type: 'string' },
      sample: { type: 'string' },
      'user-data': { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.kb !== undefined && values.sample !== undefined) throw new Error('Give either --kb or --sample, not both.');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port: “${values.port}” is not a port number (0–65535).`);

  const userDataDir = resolve(values['user-data'] ?? defaultUserDataDir());
  const rendererDir = resolveAppPath('dist', 'renderer');
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    console.error(`Warning: the interface is not built (${rendererDir} is missing); run \`npm run build\` first.`);
  }
  const named = values.kb ?? values.sample;
  const host = await startBrowserHost({
    userDataDir,
    rendererDir,
    port,
    kbPath: named === undefined ? undefined : resolve(named),
    createSample: values.sample !== undefined,
    firstRunSamplePath: isFirstRun(userDataDir) ? defaultSampleKbPath(userDataDir) : undefined,
  });

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    host.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('Casebook could not shut down cleanly:', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log(`Casebook is running at ${host.url}`);
}

main().catch((e: unknown) => {
  console.error(`Casebook could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
