import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext } from '@playwright/test';
import { CasebookApi } from '../pages/CasebookApi';
import { startHostProcess } from './startHostProcess';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * A colleague working on their own copy: a second browser host on `kbPath` with its own settings
 * (signed `displayName`), driven through the same HTTP API the app uses. The host stops, and so
 * closes the file, before this resolves, so the file can be merged afterwards.
 */
export async function asColleague<T>(request: APIRequestContext, kbPath: string, displayName: string, work: (api: CasebookApi) => Promise<T>): Promise<T> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'casebook-colleague-'));
  const host = await startHostProcess(root, ['--kb', kbPath, '--user-data', userDataDir]);
  try {
    const api = new CasebookApi(request, host.url);
    await api.call('settings.set', { displayName });
    return await work(api);
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\nThe colleague's host said:\n${host.output()}`);
  } finally {
    await host.stop();
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}
