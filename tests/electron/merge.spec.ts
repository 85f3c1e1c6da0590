import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test } from '@playwright/test';
import type Database from 'better-sqlite3';
import { createKb, openKb } from '../../main/db/openKb';
import { recordPeer } from '../../main/share/peers';
import { saveCopy } from '../../main/share/snapshot';
import { createKbSession } from '../../main/store/kbSession';
import { kbStoreFor } from '../../main/store/kbStore';
import { findElectronBinary } from '../../scripts/electronBinary.mjs';
import { ConflictReview } from '../e2e/pages/ConflictReview';
import { MergeDialog } from '../e2e/pages/ShareDialogs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronBinary = findElectronBinary(root);

// The one place where skipping is allowed: machines (like CI) that have no Electron binary.
test.skip(electronBinary === null, 'Electron binary not installed; Electron suite skipped');

/** Edits a knowledge base file as `who`, closing it after. */
function edit(path: string, who: string, fn: (store: ReturnType<typeof kbStoreFor>, db: Database.Database) => void): void {
  const session = createKbSession(openKb(path), () => who);
  try {
    fn(kbStoreFor(session), session.db);
  } finally {
    session.close();
  }
}

test('the desktop app merges a colleague’s file chosen in the native dialog, and a conflict is resolved', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-electron-'));
  const ours = join(dir, 'ann.casebook');
  const theirs = join(dir, 'bea.casebook');
  createKb(ours);
  let caseId = '';
  edit(ours, 'Ann', (store) => {
    caseId = store.cases.create({ title: 'Horn of Africa piracy, 2009' }).id;
  });
  // Bea's file is a copy made by Casebook, so the two share their history.
  const copy = saveCopy(ours, theirs, { kind: 'all' });
  // As the app records it after a copy: Ann's file knows what Bea's holds.
  edit(ours, 'Ann', (_store, db) => recordPeer(db, { peerId: copy.kbId, peerName: 'bea', seenUpTo: copy.seenUpTo }));
  edit(theirs, 'Bea', (store) => store.cases.update(caseId, { summary: 'Bea: naval patrols' }));
  edit(ours, 'Ann', (store) => store.cases.update(caseId, { summary: 'Ann: ransoms' }));

  const app = await _electron.launch({ executablePath: electronBinary ?? undefined, args: [root, '--kb', ours, '--user-data', join(dir, 'user')], cwd: root });
  try {
    // The native open dialog answers with Bea's file.
    await app.evaluate(({ dialog }, file) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog;
    }, theirs);
    const page = await app.firstWindow();
    await page.keyboard.press('Control+Shift+M');
    const merge = new MergeDialog(page);
    await merge.chooseAndMerge();
    await expect(merge.report()).toContainText('1 record changed on both sides waits for your review');
    await merge.reviewConflicts();
    const review = new ConflictReview(page);
    await review.choose('Summary', 'theirs');
    await review.resolve();
    await expect(review.empty()).toBeVisible();
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
