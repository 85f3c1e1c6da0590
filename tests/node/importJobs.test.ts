import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { newId } from '../../common/ids';
import type { ImportPreview } from '../../common/domain/sources';
import { openKb } from '../../main/db/openKb';
import { createKbSession } from '../../main/store/kbSession';
import { createImportHandlers } from '../../main/ipc/importHandlers';
import { fixtureText, generatedBibtex, importApp, storedSources } from './support/importSupport';

type App = Awaited<ReturnType<typeof importApp>>;

async function preview(app: App, text: string, fileName: string): Promise<ImportPreview> {
  return app.call('import.preview', { jobId: newId(), text, fileName });
}

// Every import starts job processes (about a second each under tsx, more on a busy machine).
describe('import through the job process', { timeout: 90_000 }, () => {
  it('previews a BibTeX file, reports progress, and commits every entry in one go', async () => {
    const app = await importApp();
    const p = await preview(app, fixtureText('horn-of-africa.bib'), 'horn-of-africa.bib');
    expect(p.format).toBe('biblatex');
    expect(p.errors).toEqual([]);
    expect(p.entries).toHaveLength(8);
    const chapter = p.entries.find((e) => e.key === 'williams2011amisom');
    expect(chapter).toMatchObject({ line: 57, type: 'chapter', title: 'The African Union Mission in Somalia', authors: 'Williams', year: 2011, duplicateOf: null });
    expect(p.entries.find((e) => e.key === 'hanson2010')?.authors).toBe('Schönfeld, Cañas, Åberg et al.');
    expect(app.progress.some((x) => x.phase === 'parsing')).toBe(true);

    const jobId = newId();
    const report = await app.call('import.commit', { jobId, previewId: p.previewId, onDuplicate: 'skip', decisions: {} });
    expect(report).toEqual({ imported: 8, merged: 0, skipped: 0, duplicates: 0, errors: [] });
    expect(app.progress.filter((x) => x.jobId === jobId && x.phase === 'writing').at(-1)).toMatchObject({ done: 8, total: 8 });
    const stored = storedSources(app.path);
    expect(stored.map((s) => s.citekey)).toContain('bueger2013piracy');
    expect(stored).toHaveLength(8);
    // The app's own connection sees what the job process wrote.
    const list = await app.call('sources.list', { search: 'Atalanta', sort: [], offset: 0, limit: 50 });
    expect(list.rows.map((r) => r.citekey)).toEqual(['hanson2010']);
  });

  it('lists broken entries by name and line and imports only the good ones from the UI', async () => {
    const app = await importApp();
    const p = await preview(app, fixtureText('malformed.bib'), 'malformed.bib');
    expect(p.entries.map((e) => e.key)).toEqual(['deWaal2007', 'prunier2005', 'crisisgroup2014']);
    expect(p.errors).toContainEqual({ entry: 'smith2001', line: 11, message: 'has no closing brace' });
    const report = await app.call('import.commit', { jobId: newId(), previewId: p.previewId, onDuplicate: 'skip', decisions: {} });
    expect(report.imported).toBe(3);
    expect(report.errors).toHaveLength(4);
    expect(storedSources(app.path).map((s) => s.citekey)).toEqual(['crisisgroup2014', 'deWaal2007', 'prunier2005']);
  });

  it('finds duplicates of stored sources by DOI, ISBN, citekey and title + author + year, and applies each decision', async () => {
    const app = await importApp();
    const first = await preview(app, fixtureText('horn-of-africa.bib'), 'horn-of-africa.bib');
    await app.call('import.commit', { jobId: newId(), previewId: first.previewId, onDuplicate: 'skip', decisions: {} });

    const again = [
      '@article{other1, author={Bueger, C.}, title={Counter-Piracy Governance}, journal={IA}, year=2013, doi={https://doi.org/10.1111/1468-2346.12009}}',
      '@book{other2, author={Menkhaus, K.}, title={Somalia}, year=2004, isbn={9780198567608}, note={Adelphi}}',
      '@article{kraska2009, author={Someone, Else}, title={A different article}, year=2020}',
      '@report{other4, author={{United Nations Security Council}}, title={Report of the Secretary-General Pursuant to Security Council Resolution 1846 (2008).}, date={2009}}',
      '@book{fresh2022, author={Harper, Mary}, title={Everything You Have Told Me Is True}, year=2019}',
    ].join('\n\n');
    const p = await preview(app, again, 'again.bib');
    const reasons = Object.fromEntries(p.entries.map((e) => [e.key, e.duplicateOf ? `${e.duplicateOf.reason}:${e.duplicateOf.citekey}` : null]));
    expect(reasons).toEqual({
      other1: 'doi:bueger2013piracy',
      other2: 'isbn:menkhaus2004somalia',
      kraska2009: 'citekey:kraska2009',
      other4: 'title-author-year:unsc2009',
      fresh2022: null,
    });
    const index = (key: string) => String(p.entries.find((e) => e.key === key)?.index);
    const report = await app.call('import.commit', {
      jobId: newId(),
      previewId: p.previewId,
      onDuplicate: 'skip',
      decisions: { [index('other2')]: 'merge', [index('kraska2009')]: 'keep' },
    });
    expect(report).toEqual({ imported: 2, merged: 1, skipped: 2, duplicates: 4, errors: [] });
    const stored = storedSources(app.path);
    expect(stored).toHaveLength(10);
    // "keep both" gives the second source a citekey of its own.
    expect(stored.filter((s) => s.citekey.startsWith('kraska2009'))).toHaveLength(2);
    const menkhaus = JSON.parse(stored.find((s) => s.citekey === 'menkhaus2004somalia')?.csl ?? '{}') as Record<string, unknown>;
    expect(menkhaus.title).toBe('Somalia: State Collapse and the Threat of Terrorism');
  });

  it('stores hostile text as text and never pollutes prototypes', async () => {
    const app = await importApp();
    const p = await preview(app, fixtureText('hostile.json'), 'hostile.json');
    await app.call('import.commit', { jobId: newId(), previewId: p.previewId, onDuplicate: 'skip', decisions: {} });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const [row] = storedSources(app.path);
    expect(row?.title).toBe("<img src=x onerror=alert(1)><script>alert('x')</script> Piracy \u202Egnp.exe");
    expect(row?.csl).not.toContain('__proto__');
    expect(row?.csl).not.toContain('polluted');
  });

  it('refuses a commit whose preview is unknown', async () => {
    const app = await importApp();
    const answer = await app.send('import.commit', { jobId: newId(), previewId: newId() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers a clear error for an empty file and for binary data', async () => {
    const app = await importApp();
    expect(await app.send('import.preview', { jobId: newId(), text: '', fileName: 'empty.bib' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '“empty.bib” is empty: no entries found.' },
    });
    const binary = await app.send('import.preview', { jobId: newId(), text: '\u0000\u0001PK\u0003\u0004', fileName: 'archive.zip' });
    expect(binary).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('cancel, time limit and all-or-nothing', { timeout: 90_000 }, () => {
  it('cancelling a preview kills the job and answers CANCELLED', async () => {
    const app = await importApp();
    const jobId = newId();
    app.onProgress((x) => {
      if (x.jobId === jobId) void app.call('jobs.cancel', { jobId });
    });
    const answer = await app.send('import.preview', { jobId, text: generatedBibtex(20_000), fileName: 'big.bib' });
    expect(answer).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'Cancelled; nothing was written.' } });
  });

  it('cancelling a commit while it writes leaves the knowledge base unchanged', async () => {
    const app = await importApp();
    const p = await preview(app, generatedBibtex(3000), 'big.bib');
    const jobId = newId();
    app.onProgress((x) => {
      if (x.jobId === jobId && x.phase === 'writing') void app.call('jobs.cancel', { jobId });
    });
    const answer = await app.send('import.commit', { jobId, previewId: p.previewId, onDuplicate: 'skip', decisions: {} });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(storedSources(app.path)).toEqual([]);
    // The knowledge base is still usable: the same preview commits afterwards.
    const report = await app.call('import.commit', { jobId: newId(), previewId: p.previewId, onDuplicate: 'skip', decisions: {} });
    expect(report.imported).toBe(3000);
    expect(storedSources(app.path)).toHaveLength(3000);
  });

  it('a failure in the middle of the write leaves the sources table as it was', async () => {
    const app = await importApp();
    const p1 = await preview(app, fixtureText('darfur.json'), 'darfur.json');
    await app.call('import.commit', { jobId: newId(), previewId: p1.previewId, onDuplicate: 'skip', decisions: {} });
    const before = storedSources(app.path);
    // A real SQLite failure part-way: a trigger that aborts the 500th insert (as a full disk would).
    const db = new Database(app.path);
    db.exec(`CREATE TRIGGER test_abort BEFORE INSERT ON sources WHEN (SELECT count(*) FROM sources) >= 500
             BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`);
    db.close();
    const p2 = await preview(app, generatedBibtex(1000), 'big.bib');
    const answer = await app.send('import.commit', { jobId: newId(), previewId: p2.previewId, onDuplicate: 'skip', decisions: {} });
    expect(answer.ok).toBe(false);
    expect(JSON.stringify(answer)).toMatch(/simulated write failure/);
    expect(storedSources(app.path)).toEqual(before);
  });

  it('kills a job that runs past the time limit and says so', async () => {
    const app = await importApp();
    const session = createKbSession(openKb(app.path), () => 'tester');
    try {
      const handlers = createImportHandlers(() => session, { host: 'browser', dialogs: null, push() {} }, { timeLimitMs: 200 });
      const started = Date.now();
      const outcome = await Promise.resolve(handlers['import.preview']({ jobId: newId(), text: generatedBibtex(20_000), fileName: 'big.bib' })).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(outcome).toMatchObject({ code: 'LIMIT' });
      expect(outcome?.message).toBe('The job took longer than 200 ms and was stopped; nothing was written. Try a smaller file.');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      session.close();
    }
  });
});
