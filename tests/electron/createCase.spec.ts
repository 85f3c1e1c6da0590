import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test } from '@playwright/test';
import { createKb } from '../../main/db/openKb';
import { findElectronBinary } from '../../scripts/electronBinary.mjs';
import { CaseDetail } from '../e2e/pages/CaseDetail';
import { CasesPage } from '../e2e/pages/CasesPage';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronBinary = findElectronBinary(root);

// The one place where skipping is allowed: machines (like CI) that have no Electron binary.
test.skip(electronBinary === null, 'Electron binary not installed; Electron suite skipped');

test.beforeAll(() => {
  // Electron loads better-sqlite3 built for its own ABI; the script is a no-op when it is current.
  const rebuilt = spawnSync(process.execPath, [join(root, 'scripts', 'rebuild-electron-sqlite.mjs')], { cwd: root, stdio: 'inherit' });
  expect(rebuilt.status, 'building better-sqlite3 for Electron').toBe(0);
});

test('the desktop app creates a case on a new knowledge base', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-electron-'));
  const kbPath = join(dir, 'test.casebook');
  createKb(kbPath);
  const app = await _electron.launch({
    executablePath: electronBinary ?? undefined,
    args: [root, '--kb', kbPath, '--user-data', join(dir, 'user')],
    cwd: root,
  });
  try {
    const page = await app.firstWindow();
    const cases = new CasesPage(page);
    const detail = new CaseDetail(page);

    await expect(cases.grid.getByText('No cases yet')).toBeVisible();
    await cases.newCase();
    await detail.fill('Title', 'Operation Atalanta, 2008');
    await expect(cases.row('Operation Atalanta, 2008')).toBeVisible();
    await cases.expectCount(1);
    // The page runs sandboxed: no Node, only the bridge.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as { casebook?: unknown }).casebook)).toBe('object');
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
