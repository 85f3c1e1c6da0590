import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { MergeReport } from '../../common/domain/sharing';
import { tempDir } from './support/builders';
import { colleagueCopy, fingerprint, newKb, openTestKb } from './support/mergeSupport';
import { casebook } from './support/cliSupport';



/** Amina's file and Bob's copy of it, each changed since, both closed. */
function twoFiles(): { mine: string; theirs: string; caseId: string } {
  const amina = newKb(tempDir(), 'amina', 'Amina');
  const caseId = amina.store.cases.create({ title: 'UN–AU cooperation in Darfur' }).id;
  const bob = colleagueCopy(amina, 'bob', 'Bob');
  amina.store.cases.update(caseId, { title: 'Darfur (Amina)' });
  bob.store.cases.update(caseId, { title: 'Darfur (Bob)' });
  bob.store.cases.create({ title: 'Aceh peace process' });
  amina.close();
  bob.close();
  return { mine: amina.path, theirs: bob.path, caseId };
}

// Each run starts Node and tsx; several runs per test need more than the default timeout.
describe('casebook merge', { timeout: 180_000 }, () => {
  it('backs up, merges, and reports in JSON; the conflicts stay for review; a second run finds nothing', () => {
    const { mine, theirs, caseId } = twoFiles();
    const before = fingerprint(theirs);
    const backups = join(tempDir(), 'backups');

    const r = casebook('merge', theirs, '--into', mine, '--backup-dir', backups, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as MergeReport;
    expect(report).toMatchObject({ peerName: 'bob', added: { cases: 1 }, duplicates: [], notes: [] });
    expect(report.conflicts).toEqual([expect.objectContaining({ table: 'cases', kind: 'both-edited', label: 'Darfur (Amina)', caseId })]);
    expect(report.backupPath).toMatch(/amina\.merge\..*\.casebook$/);
    expect(readdirSync(backups)).toEqual([report.backupPath!.split('/').pop()]);
    expect(fingerprint(theirs)).toEqual(before);

    const kb = openTestKb(mine, 'amina', 'Amina');
    expect(kb.store.cases.get(caseId).title).toBe('Darfur (Amina)');
    expect(kb.store.cases.list({ search: 'Aceh', filters: [], sort: [], trash: false, offset: 0, limit: 10 }).rows).toHaveLength(1);
    kb.close();
    // The backup is the file as it was before the merge.
    const backup = new Database(report.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
    backup.close();

    const again = casebook('merge', theirs, '--into', mine, '--backup-dir', backups);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to merge: “amina” already has everything in “bob”\./);
  });

  it('prints a summary in words, with the conflicts to review', () => {
    const { mine, theirs } = twoFiles();
    const r = casebook('merge', theirs, '--into', mine, '--backup-dir', join(tempDir(), 'b'), '--name', 'Bob Smith');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Merged “Bob Smith” into “amina”: added 1 case');
    expect(r.stdout).toContain('1 conflict to review in Casebook');
    expect(r.stdout).toContain('  - Darfur (Amina) (changed on both sides)');
    expect(r.stdout).toMatch(/Backup taken before the merge: .*amina\.merge\./);
  });

  it('refuses a file with a planted trigger in one line, changing neither file and writing no backup', () => {
    const { mine, theirs } = twoFiles();
    const db = new Database(theirs);
    db.exec("CREATE TRIGGER evil AFTER INSERT ON cases BEGIN DELETE FROM sources; END;");
    db.close();
    const theirsBefore = fingerprint(theirs);
    const mineBefore = fingerprint(mine);
    const backups = join(tempDir(), 'backups');

    const r = casebook('merge', theirs, '--into', mine, '--backup-dir', backups);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^casebook: “bob\.casebook” cannot be merged: it has a trigger “evil” on table “cases” that Casebook does not create/);
    expect(fingerprint(theirs)).toEqual(theirsBefore);
    expect(fingerprint(mine)).toEqual(mineBefore);
    expect(existsSync(backups)).toBe(false);
  });

  it('needs --into, and refuses to merge a file into itself', () => {
    const { mine } = twoFiles();
    expect(casebook('merge', mine)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--into is required/) });
    expect(casebook('merge', mine, '--into', mine)).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot be merged into itself/) });
  });
});
