import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKb } from '../../main/db/openKb';
import { sha256, tempDir } from './support/builders';
import { IMPORT_FIXTURES, storedSources } from './support/importSupport';
import { casebook } from './support/cliSupport';



function freshKb(): string {
  const path = join(tempDir(), 'kb.casebook');
  createKb(path);
  return path;
}

interface Report {
  imported: number;
  merged: number;
  skipped: number;
  duplicates: number;
  errors: { file: string; entry: string; line: number; message: string }[];
}

describe('casebook import', { timeout: 90_000 }, () => {
  it('imports several files of different formats and prints a JSON report', () => {
    const kb = freshKb();
    const r = casebook('import', kb, join(IMPORT_FIXTURES, 'horn-of-africa.bib'), join(IMPORT_FIXTURES, 'hostile.json'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout) as Report).toEqual({ imported: 9, merged: 0, skipped: 0, duplicates: 0, errors: [] });
    expect(storedSources(kb)).toHaveLength(9);

    // The same file again: every entry is a duplicate, skipped by default, and the run still succeeds.
    const again = casebook('import', kb, join(IMPORT_FIXTURES, 'horn-of-africa.bib'), '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout) as Report).toMatchObject({ imported: 0, skipped: 8, duplicates: 8 });
    expect(storedSources(kb)).toHaveLength(9);
  });

  it('refuses the whole import when an entry has a problem, lists each with file and line, and writes nothing', () => {
    const kb = freshKb();
    const before = sha256(kb);
    const file = join(IMPORT_FIXTURES, 'malformed.bib');
    const r = casebook('import', kb, file, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('casebook: import refused: 4 entries have problems; nothing was written.\n');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.imported).toBe(0);
    expect(report.errors).toContainEqual({ file, entry: 'smith2001', line: 11, message: 'has no closing brace' });
    expect(report.errors.map((e) => e.entry)).toEqual(['smith2001', 'omar2019', 'notitle2012', 'prunier2005']);
    expect(sha256(kb)).toBe(before);
  });

  it('honours --format and --on-duplicate, and refuses bad option values as usage errors', () => {
    const kb = freshKb();
    const ris = join(tempDir(), 'export.txt');
    writeFileSync(ris, 'TY  - BOOK\nAU  - Harper, Mary\nPY  - 2012\nTI  - Getting Somalia Wrong?\nSN  - 9781780321080\nER  - \n');
    expect(casebook('import', kb, ris, '--format', 'ris', '--json').code).toBe(0);
    writeFileSync(ris, 'TY  - BOOK\nAU  - Harper, Mary\nPY  - 2012\nTI  - Getting Somalia Wrong? Faith and War in a Shattered State\nPB  - Zed Books\nSN  - 978-1-78032-108-0\nER  - \n');
    const merged = casebook('import', kb, ris, '--format', 'ris', '--on-duplicate', 'merge', '--json');
    expect(JSON.parse(merged.stdout) as Report).toMatchObject({ imported: 0, merged: 1, duplicates: 1 });
    expect(storedSources(kb)).toHaveLength(1);

    const bad = casebook('import', kb, ris, '--on-duplicate', 'overwrite');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--on-duplicate must be skip, merge or keep/);
    expect(casebook('import', kb).code).toBe(2);
  });

  it('says clearly when a file is empty or binary', () => {
    const kb = freshKb();
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.bib'), '');
    const empty = casebook('import', kb, join(dir, 'empty.bib'));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe('casebook: “empty.bib” is empty: no entries found.\n');
    writeFileSync(join(dir, 'scan.ris'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const binary = casebook('import', kb, join(dir, 'scan.ris'));
    expect(binary.code).toBe(1);
    expect(binary.stderr).toMatch(/“scan\.ris” is not a text bibliography/);
  });
});
