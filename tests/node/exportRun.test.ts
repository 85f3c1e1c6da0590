import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../common/domain/exports';
import { newId } from '../../common/ids';
import { createKb, openKb } from '../../main/db/openKb';
import { runExport, type ExportJobRequest } from '../../main/export/runExport';
import { createWriteContext } from '../../main/store/kbSession';
import { kbStoreFor } from '../../main/store/kbStore';
import { appWithKb, tempDir } from './support/builders';
import { buildArticle, buildBook, cite, noteWithFootnotes } from './support/sourceBuilders';
import { casebookWith, ROOT } from './support/cliSupport';

const FIXTURES = join(ROOT, 'tests/fixtures');

interface Kb {
  dir: string;
  file: string;
  caseId: string;
  otherCaseId: string;
  trashedCaseId: string;
  gurrId: string;
}

/**
 * A knowledge base with two cases. "Horn of Africa piracy, 2009" cites Crocker (p. 49), Crocker
 * again (p. 50), Menkhaus (p. 471), Crocker (p. 12): full, then "Ibid." (where the style uses it),
 * then another source, then a short form. A third source is never cited; a third case is in the Trash.
 */
function makeKb(): Kb {
  const dir = tempDir();
  const file = join(dir, 'kb.casebook');
  createKb(file);
  const opened = openKb(file);
  try {
    const store = kbStoreFor(createWriteContext(opened.db, () => 'tester'));
    const crocker = store.sources.create(buildBook(), 'crocker2004taming');
    const menkhaus = store.sources.create(buildArticle(), 'menkhaus2009piracy');
    const gurr = store.sources.create(buildBook({ title: 'Why Men Rebel', author: [{ family: 'Gurr', given: 'Ted Robert' }], issued: { 'date-parts': [[1970]] } }), 'gurr1970why');
    const piracy = store.cases.create({ title: 'Horn of Africa piracy, 2009', region: 'Horn of Africa' });
    store.cases.setTags(piracy.id, ['maritime']);
    store.cases.saveNote(
      piracy.id,
      noteWithFootnotes(
        [cite(crocker.id, { locator: '49' })],
        [cite(crocker.id, { locator: '50' })],
        [cite(menkhaus.id, { locator: '471' })],
        [cite(crocker.id, { locator: '12' })],
      ),
    );
    const liberia = store.cases.create({ title: 'Liberia peace talks, 2003' });
    store.cases.setTags(liberia.id, ['mediation']);
    store.cases.saveNote(liberia.id, noteWithFootnotes([cite(menkhaus.id, { locator: '480' })]));
    const trashed = store.cases.create({ title: 'Withdrawn case' });
    store.cases.setTags(trashed.id, ['maritime']);
    store.cases.trash([trashed.id]);
    return { dir, file, caseId: piracy.id, otherCaseId: liberia.id, trashedCaseId: trashed.id, gurrId: gurr.id };
  } finally {
    opened.db.close();
  }
}

function request(kb: Kb, more: Partial<ExportJobRequest>): ExportJobRequest {
  return { kbPath: kb.file, format: 'bibtex', scope: { kind: 'kb' }, bibliographyFormat: 'text', cacheDir: join(kb.dir, 'cache'), ...more };
}

function casebook(...args: string[]) {
  return casebookWith({ CASEBOOK_CACHE_DIR: join(tempDir(), 'cache') }, ...args);
}

describe('export scopes', () => {
  it('exports the sources cited by one case, by a tag, or every source of the knowledge base', async () => {
    const kb = makeKb();
    const keys = (r: ExportResult) => JSON.parse(r.text ?? '[]').map((i: { id: string }) => i.id);
    const one = await runExport(request(kb, { format: 'csl-json', scope: { kind: 'cases', caseIds: [kb.otherCaseId] } }));
    expect(keys(one)).toEqual(['menkhaus2009piracy']);
    const tag = await runExport(request(kb, { format: 'csl-json', scope: { kind: 'tag', tag: 'MARITIME' } }));
    expect(tag.cases).toBe(1);
    expect(keys(tag)).toEqual(['crocker2004taming', 'menkhaus2009piracy']);
    const all = await runExport(request(kb, { format: 'csl-json' }));
    expect(keys(all)).toEqual(['crocker2004taming', 'gurr1970why', 'menkhaus2009piracy']);
    const cited = await runExport(request(kb, { format: 'csl-json', sources: 'cited' }));
    expect(keys(cited)).toEqual(['crocker2004taming', 'menkhaus2009piracy']);
    const allForCase = await runExport(request(kb, { format: 'csl-json', scope: { kind: 'cases', caseIds: [kb.otherCaseId] }, sources: 'all' }));
    expect(keys(allForCase)).toHaveLength(3);
  });

  it('refuses a case in the Trash, a missing case and an unused tag by name', async () => {
    const kb = makeKb();
    await expect(runExport(request(kb, { scope: { kind: 'cases', caseIds: [kb.trashedCaseId] } }))).rejects.toThrow(/“Withdrawn case” is in the Trash/);
    await expect(runExport(request(kb, { scope: { kind: 'cases', caseIds: [newId()] } }))).rejects.toThrow(/no case with id/);
    await expect(runExport(request(kb, { scope: { kind: 'tag', tag: 'nothing' } }))).rejects.toThrow(/no case outside the Trash has the tag “nothing”/);
  });
});

describe('footnotes follow the style', () => {
  it('Chicago full note: first citation in full, later ones short, locators kept', async () => {
    const kb = makeKb();
    const out = join(kb.dir, 'piracy.html');
    const result = await runExport(request(kb, { format: 'html', scope: { kind: 'cases', caseIds: [kb.caseId] }, style: 'chicago-fullnote-bibliography', path: out }));
    expect(result.footnotes).toBe(4);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Chester A. Crocker, Fen Osler Hampson, and Pamela Aall, <i>Taming Intractable Conflicts</i>');
    // Chicago 17th: an immediate repeat is shortened to the authors (it replaces "Ibid.").
    expect(html).toMatch(/>Crocker, Hampson, and Aall, 50\. </);
    expect(html).toMatch(/Crocker, Hampson, and Aall, <i>Taming Intractable Conflicts<\/i>, 12\./);
    expect(html).toContain('Bibliography');
  });

  it('International Affairs: "Ibid." with labelled locators, no bibliography, and a warning that says so', async () => {
    const kb = makeKb();
    const out = join(kb.dir, 'piracy.html');
    const result = await runExport(request(kb, { format: 'html', scope: { kind: 'cases', caseIds: [kb.caseId] }, style: 'international-affairs', path: out }));
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<i>Ibid\.<\/i>/);
    expect(html).toContain('p. 49');
    // The page is in the style's own language (en-GB) when no locale was chosen; a chosen one wins.
    expect(html).toContain('<html lang="en-GB">');
    await runExport(request(kb, { format: 'html', scope: { kind: 'cases', caseIds: [kb.caseId] }, style: 'international-affairs', locale: 'en-US', path: out }));
    expect(readFileSync(out, 'utf8')).toContain('<html lang="en-US">');
    expect(html).not.toMatch(/Bibliography|References/);
    expect(result.warnings).toContain('International Affairs has no bibliography, so none is included.');
    await expect(runExport(request(kb, { format: 'bibliography', style: 'international-affairs' }))).rejects.toThrow(/International Affairs has no bibliography/);
  });

  it('a chosen locale changes the terms (German "ebd." and "S.")', async () => {
    const kb = makeKb();
    const out = join(kb.dir, 'piracy.html');
    await runExport(request(kb, { format: 'html', scope: { kind: 'cases', caseIds: [kb.caseId] }, style: 'international-affairs', locale: 'de-DE', path: out }));
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/[Ee]bd\./);
    expect(html).toContain('S. 49');
    await expect(runExport(request(kb, { format: 'html', locale: 'xx-YY', path: out }))).rejects.toThrow(/“xx-YY” is not a known citation locale/);
  });

  it('APA gives in-text citations and a reference list', async () => {
    const kb = makeKb();
    const result = await runExport(request(kb, { format: 'bibliography', style: 'apa', bibliographyFormat: 'text', sources: 'cited' }));
    // citeproc-js prints titles as stored (APA's sentence case is the analyst's to enter).
    expect(result.text).toBe(
      'Crocker, C. A., Hampson, F. O., & Aall, P. (2004). Taming Intractable Conflicts. United States Institute of Peace Press.\n\n' +
        'Menkhaus, K. (2009). Piracy off the Horn of Africa. International Affairs, 85(3), 471–489.\n',
    );
    expect(result.html).toContain('<i>Taming Intractable Conflicts</i>');
  });
});

describe('formatted references are cached', () => {
  it('a second export of the same scope comes from the cache; a changed source misses it', async () => {
    const kb = makeKb();
    const req = request(kb, { format: 'bibliography', style: 'apa', sources: 'all' });
    expect((await runExport(req)).cached).toBe(false);
    const again = await runExport(req);
    expect(again.cached).toBe(true);
    const opened = openKb(kb.file);
    try {
      const store = kbStoreFor(createWriteContext(opened.db, () => 'tester'));
      store.sources.update(kb.gurrId, { csl: buildBook({ title: 'Why Men Rebel (40th anniversary edition)', author: [{ family: 'Gurr', given: 'Ted Robert' }] }) });
    } finally {
      opened.db.close();
    }
    const changed = await runExport(req);
    expect(changed.cached).toBe(false);
    expect(changed.text).toContain('40th anniversary edition');
    expect(changed.text).not.toBe(again.text);
  });
});

describe('styles from .csl files', () => {
  it('formats with a style file given on the command line', async () => {
    const kb = makeKb();
    const r = casebook('export', kb.file, '--format', 'bibliography', '--style', join(FIXTURES, 'minimal-note-style.csl'), '--sources', 'cited');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Crocker, Chester A., Fen Osler Hampson, and Pamela Aall. Taming Intractable Conflicts. 2004.');
  });

  it('refuses a malformed style file with the reason, and leaves the existing output file as it was', async () => {
    const kb = makeKb();
    const bad = join(kb.dir, 'broken.csl');
    writeFileSync(bad, '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" class="note"><citation><layout>');
    const out = join(kb.dir, 'refs.html');
    writeFileSync(out, 'the previous good export');
    const r = casebook('export', kb.file, '--format', 'bibliography', '--style', bad, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.csl: is not well-formed XML/);
    expect(readFileSync(out, 'utf8')).toBe('the previous good export');
    expect(readdirSync(kb.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const notAStyle = join(kb.dir, 'page.csl');
    writeFileSync(notAStyle, '<html><body>not a style</body></html>');
    expect(casebook('export', kb.file, '--format', 'bibliography', '--style', notAStyle).stderr).toMatch(/page\.csl: is not a CSL style: its root element is <html>/);

    const entity = join(kb.dir, 'entity.csl');
    writeFileSync(entity, '<?xml version="1.0"?><!DOCTYPE style [<!ENTITY x SYSTEM "file:///etc/passwd">]><style xmlns="http://purl.org/net/xbiblio/csl">&x;</style>');
    expect(casebook('export', kb.file, '--format', 'bibliography', '--style', entity).stderr).toMatch(/contains a DOCTYPE or entity declaration/);
  });

  it('a style added to the knowledge base is listed, can be chosen, and is used by exports', async () => {
    const app = await appWithKb();
    const xml = readFileSync(join(FIXTURES, 'minimal-note-style.csl'), 'utf8');
    const added = await app.call('styles.add', { fileName: 'minimal-note-style.csl', xml });
    expect(added).toEqual({ id: 'custom:casebook-test-notes', title: 'Casebook Test Notes', hasBibliography: true });
    const styles = await app.call('styles.list', {});
    expect(styles[0]).toEqual({ ...added, title: 'Casebook Test Notes (added)' });
    await app.call('kbSettings.set', { citationStyle: added.id });
    const source = await app.call('sources.create', { csl: buildBook() });
    const formatted = await app.call('citations.format', { footnotes: [[cite(source.id, { locator: '7' })], [cite(source.id, { locator: '8' })]] });
    expect(formatted.footnotes).toEqual(['Crocker, Chester A., Fen Osler Hampson, and Pamela Aall, <i>Taming Intractable Conflicts</i>, 2004, 7.', 'Ibid., 8.']);

    const bad = await app.send('styles.add', { fileName: 'no-citation.csl', xml: '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>X</title></info></style>' });
    expect(bad).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'no-citation.csl: has no <citation> element, so it cannot format footnotes or in-text citations.' } });
    // The renderer cannot make main read a file by naming it as a style.
    const byPath = await app.send('citations.format', { footnotes: [], style: join(FIXTURES, 'minimal-note-style.csl') });
    expect(byPath).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    // Removing it leaves a newer, empty version of its row, so the removal travels in a merge.
    await app.call('kbSettings.set', { citationStyle: 'apa' });
    await app.call('styles.remove', { id: added.id });
    expect((await app.call('styles.list', {})).map((s) => s.id)).not.toContain(added.id);
    expect(await app.send('kbSettings.set', { citationStyle: added.id })).toMatchObject({ ok: false });
    const probe = new Database(app.path, { readonly: true });
    try {
      expect(probe.prepare("SELECT value FROM kb_settings WHERE key LIKE '%casebook-test-notes'").all()).toEqual([{ value: '' }]);
    } finally {
      probe.close();
    }
  });
});

describe('export through the app (job process)', { timeout: 120_000 }, () => {
  it('writes the file, can be cancelled with nothing written, and keeps an automatic export in sync', async () => {
    const app = await appWithKb();
    const crocker = await app.call('sources.create', { csl: buildBook() });
    const c = await app.call('cases.create', { title: 'Horn of Africa piracy, 2009' });
    await app.call('notes.save', { caseId: c.id, note: noteWithFootnotes([cite(crocker.id, { locator: '49' })]) });
    const out = join(app.dir, 'piracy.docx');
    const result = await app.call('export.run', { jobId: newId(), format: 'docx', scope: { kind: 'cases', caseIds: [c.id] }, path: out });
    expect(result).toMatchObject({ files: [out], cases: 1, sources: 1, footnotes: 1 });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');

    const jobId = newId();
    const cancelledOut = join(app.dir, 'cancelled.docx');
    const pending = app.send('export.run', { jobId, format: 'docx', scope: { kind: 'kb' }, path: cancelledOut });
    await app.call('jobs.cancel', { jobId });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(existsSync(cancelledOut)).toBe(false);
    expect(readdirSync(app.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const docxWithoutPath = await app.send('export.run', { jobId: newId(), format: 'docx', scope: { kind: 'kb' } });
    expect(docxWithoutPath).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/choose where/) } });

    const bib = join(app.dir, 'library.bib');
    await app.call('autoExport.set', { setting: { path: bib, format: 'bibtex' } });
    expect(await app.call('autoExport.get', {})).toEqual({ path: bib, format: 'bibtex' });
    expect(readFileSync(bib, 'utf8')).toMatch(/^@book\{crocker2004taming,$/m);
    await app.call('sources.create', { csl: buildArticle() });
    await expect.poll(() => readFileSync(bib, 'utf8'), { timeout: 30_000, interval: 250 }).toMatch(/^@article\{menkhaus2009piracy,$/m);
    await app.call('autoExport.set', { setting: null });
    expect(await app.call('autoExport.get', {})).toBeNull();
    const missingFolder = await app.send('autoExport.set', { setting: { path: join(app.dir, 'no', 'such', 'x.bib'), format: 'bibtex' } });
    expect(missingFolder).toMatchObject({ ok: false, error: { code: 'IO' } });
    app.core.shutdown();
  });
});

describe('casebook export', { timeout: 180_000 }, () => {
  it('prints text formats to stdout, writes files with --out, and explains usage mistakes', () => {
    const kb = makeKb();
    const bib = casebook('export', kb.file, '--format', 'bibtex', '--case', 'horn of africa piracy, 2009');
    expect(bib.code).toBe(0);
    expect(bib.stdout).toMatch(/^@book\{crocker2004taming,/m);
    expect(bib.stdout).toMatch(/^@article\{menkhaus2009piracy,/m);
    expect(bib.stdout).not.toContain('gurr1970why');

    const ris = casebook('export', kb.file, '--format', 'ris', '--tag', 'mediation');
    expect(ris.stdout).toMatch(/^TY {2}- JOUR/m);

    const rtfOut = join(kb.dir, 'refs.rtf');
    const rtf = casebook('export', kb.file, '--format', 'bibliography', '--style', 'apa', '--out', rtfOut);
    expect(rtf.code).toBe(0);
    expect(rtf.stderr).toMatch(/Wrote .*refs\.rtf \(3 sources\)/);
    expect(readFileSync(rtfOut, 'utf8')).toMatch(/^\{\\rtf1/);

    const md = join(kb.dir, 'dossier.md');
    const markdown = casebook('export', kb.file, '--format', 'markdown', '--case', kb.caseId, '--out', md);
    expect(markdown.code).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('[@crocker2004taming');
    expect(JSON.parse(readFileSync(join(kb.dir, 'dossier.json'), 'utf8'))).toHaveLength(2);
    expect(readFileSync(join(kb.dir, 'dossier.csl'), 'utf8')).toContain('xmlns="http://purl.org/net/xbiblio/csl"');

    expect(casebook('export', kb.file, '--format', 'docx').stderr).toMatch(/--format docx writes files: give --out FILE/);
    expect(casebook('export', kb.file, '--format', 'pdf').code).toBe(2);
    expect(casebook('export', kb.file, '--format', 'bibtex', '--case', 'No such case').stderr).toMatch(/no case has the id or title “No such case”/);
  });
});
