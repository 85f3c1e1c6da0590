import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { createKb } from '../../main/db/openKb';
import { startHostProcess } from './support/startHostProcess';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CasebookSession {
  page: Page;
  /** The host's address, with its token. */
  url: string;
  /** The knowledge base file this test works on. */
  kbPath: string;
  userDataDir: string;
}

interface CasebookOptions {
  /** Start on the sample knowledge base instead of an empty one. */
  sample: boolean;
}

/**
 * `test` with a `casebook` fixture: each test gets its own browser host process on a fresh
 * knowledge base in a temporary folder (empty, or the sample with `test.use({ sample: true })`),
 * with the page already open at the host's URL. The process and the folder go away afterwards.
 */
export const test = base.extend<CasebookOptions & { casebook: CasebookSession }>({
  sample: [false, { option: true }],
  casebook: async ({ page, sample }, use, testInfo) => {
    if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
      throw new Error('The renderer is not built (dist/renderer/index.html is missing). Run `npm run build` before the e2e tests.');
    }
    const dir = mkdtempSync(join(tmpdir(), 'casebook-e2e-'));
    const kbPath = join(dir, 'test.casebook');
    const userDataDir = join(dir, 'user');
    mkdirSync(userDataDir);
    if (!sample) createKb(kbPath);
    const host = await startHostProcess(root, [sample ? '--sample' : '--kb', kbPath, '--user-data', userDataDir]);
    try {
      await page.goto(host.url);
      await use({ page, url: host.url, kbPath, userDataDir });
    } finally {
      await host.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('casebook-host-output', { body: host.output(), contentType: 'text/plain' });
      }
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    }
  },
});

export { expect };
