import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createWriteContext } from '../../main/store/kbSession';
import { openKb } from '../../main/db/openKb';
import { createSourcesService } from '../../main/store/sourcesService';
import { appWithKb, buildCase, type TestApp } from './support/builders';
import { buildArticle, buildBook, cite, noteWithFootnotes } from './support/sourceBuilders';

const citekeys = (page: { rows: { citekey: string }[] }) => page.rows.map((r) => r.citekey);

async function withSources(app: TestApp) {
  const book = await app.call('sources.create', { csl: buildBook() });
  const article = await app.call('sources.create', { csl: buildArticle() });
  const report = await app.call('sources.create', {
    csl: { type: 'report', title: 'Somalia: Countering Terrorism in a Failed State', author: [{ literal: 'International Crisis Group' }], issued: { 'date-parts': [[2002]] }, publisher: 'ICG' },
  });
  const undated = await app.call('sources.create', { csl: { type: 'webpage', title: 'Thinking Critically about Geopolitics', author: [{ family: 'Ó Tuathail', given: 'Gearóid' }], 'container-title': 'Blog' } });
  return { book, article, report, undated };
}

describe('sources', () => {
  it('get readable citekeys and derived columns', async () => {
    const app = await appWithKb();
    const { book, report, undated } = await withSources(app);
    expect(book).toMatchObject({
      citekey: 'crocker2004taming',
      authors: 'Crocker, Hampson and Aall',
      year: 2004,
      title: 'Taming Intractable Conflicts',
      type: 'book',
      citedIn: 0,
      citations: [],
    });
    expect(report.citekey).toBe('icg2002somalia');
    expect(undated.citekey).toBe('otuathailndthinking');
    const again = await app.call('sources.create', { csl: buildBook({ title: 'Taming intractable conflicts: a reprint' }) });
    expect(again.citekey).toBe('crocker2004taminga');
  });

  it('refuse a citekey in use and keys that could pollute prototypes', async () => {
    const app = await appWithKb();
    await app.call('sources.create', { csl: buildBook(), citekey: 'crocker2004' });
    const clash = await app.send('sources.create', { csl: buildArticle(), citekey: 'crocker2004' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    const hostile = JSON.parse('{"csl": {"type": "book", "title": "x", "__proto__": {"polluted": true}}}') as unknown;
    const answer = await app.send('sources.create', hostile);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('store hostile text as typed', async () => {
    const app = await appWithKb();
    const title = '<script>alert(1)</script> \u202Egnp.exe <b>bold</b>';
    const created = await app.call('sources.create', { csl: buildBook({ title }) });
    const read = await app.call('sources.get', { id: created.id });
    expect(read.title).toBe(title);
    expect(read.csl.title).toBe(title);
  });

  it('are listed in pages, sorted and searched in SQLite', async () => {
    const app = await appWithKb();
    await withSources(app);
    expect(citekeys(await app.call('sources.list', {}))).toEqual(['crocker2004taming', 'icg2002somalia', 'menkhaus2009piracy', 'otuathailndthinking']);
    const byYear = await app.call('sources.list', { sort: [{ column: 'year', desc: true }] });
    expect(byYear.rows.map((r) => r.year)).toEqual([2009, 2004, 2002, null]);
    const byYearAsc = await app.call('sources.list', { sort: [{ column: 'year', desc: false }] });
    expect(byYearAsc.rows.map((r) => r.year)).toEqual([2002, 2004, 2009, null]);
    const byAuthors = await app.call('sources.list', { sort: [{ column: 'authors', desc: false }] });
    expect(byAuthors.rows.map((r) => r.authors)).toEqual(['Crocker, Hampson and Aall', 'International Crisis Group', 'Menkhaus', 'Ó Tuathail']);
    const byContainer = await app.call('sources.list', { sort: [{ column: 'container', desc: false }] });
    expect(byContainer.rows[0]?.container).toBe('Blog');
    const page = await app.call('sources.list', { offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, offset: 1 });
    expect(citekeys(page)).toEqual(['icg2002somalia', 'menkhaus2009piracy']);

    expect(citekeys(await app.call('sources.list', { search: 'hamps' }))).toEqual(['crocker2004taming']);
    expect(citekeys(await app.call('sources.list', { search: 'tuathail' }))).toEqual(['otuathailndthinking']);
    expect(citekeys(await app.call('sources.list', { search: 'international' }))).toEqual(['icg2002somalia', 'menkhaus2009piracy']);
    expect(citekeys(await app.call('sources.list', { search: 'international -crisis' }))).toEqual(['menkhaus2009piracy']);
    expect(citekeys(await app.call('sources.list', { search: '2009' }))).toEqual(['menkhaus2009piracy']);
    expect(citekeys(await app.call('sources.list', { search: 'menkhaus2009' }))).toEqual(['menkhaus2009piracy']);
    expect(citekeys(await app.call('sources.list', { search: '" ( NEAR AND' }))).toEqual([]);
  });

  it('show where they are cited, with quotes, and sort by it', async () => {
    const app = await appWithKb();
    const { book, article } = await withSources(app);
    const horn = await app.call('cases.create', buildCase());
    const darfur = await app.call('cases.create', buildCase({ title: 'UN–AU cooperation in Darfur' }));
    await app.call('notes.save', {
      caseId: horn.id,
      note: noteWithFootnotes([cite(book.id, { locator: '45', quote: 'ripeness is not enough' })], [cite(book.id, { locator: '47' })], [cite(article.id)]),
    });
    await app.call('notes.save', { caseId: darfur.id, note: noteWithFootnotes([cite(book.id, { locator: '3', label: 'chapter' })]) });

    const detail = await app.call('sources.get', { id: book.id });
    expect(detail.citedIn).toBe(3);
    expect(detail.citations.map((c) => [c.caseTitle, c.locator, c.label, c.quote]).sort()).toEqual([
      ['Horn of Africa piracy, 2009', '45', 'page', 'ripeness is not enough'],
      ['Horn of Africa piracy, 2009', '47', 'page', ''],
      ['UN–AU cooperation in Darfur', '3', 'chapter', ''],
    ]);
    const mostCited = await app.call('sources.list', { sort: [{ column: 'citedIn', desc: true }] });
    expect(mostCited.rows.map((r) => [r.citekey, r.citedIn])).toEqual([
      ['crocker2004taming', 3],
      ['menkhaus2009piracy', 1],
      ['icg2002somalia', 0],
      ['otuathailndthinking', 0],
    ]);
    // Quotes are part of the case's search text.
    const found = await app.call('cases.list', { search: 'ripeness' });
    expect(found.rows.map((r) => r.title)).toEqual(['Horn of Africa piracy, 2009']);
  });

  it('cannot be deleted while cited, naming the cases; can be once the citations are gone', async () => {
    const app = await appWithKb();
    const { book, report } = await withSources(app);
    const horn = await app.call('cases.create', buildCase());
    const darfur = await app.call('cases.create', buildCase({ title: 'UN–AU cooperation in Darfur' }));
    await app.call('notes.save', { caseId: horn.id, note: noteWithFootnotes([cite(book.id)], [cite(book.id)], [cite(book.id, { locator: '9' })]) });
    await app.call('notes.save', { caseId: darfur.id, note: noteWithFootnotes([cite(book.id)]) });

    const refused = await app.send('sources.delete', { id: book.id });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '“crocker2004taming” is cited 4 times in “Horn of Africa piracy, 2009” and 1 other case; remove those citations before deleting the source.',
      },
    });

    await app.call('notes.save', { caseId: horn.id, note: noteWithFootnotes() });
    await app.call('notes.save', { caseId: darfur.id, note: noteWithFootnotes() });
    await app.call('sources.delete', { id: book.id });
    await app.call('sources.delete', { id: report.id });
    expect(citekeys(await app.call('sources.list', {}))).toEqual(['menkhaus2009piracy', 'otuathailndthinking']);
    expect(await app.send('sources.get', { id: book.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Tombstoned, not removed: the row is kept for merges, and its citekey is free again.
    const db = new Database(app.path, { readonly: true });
    expect(db.prepare('SELECT deleted_at IS NOT NULL AS gone FROM sources WHERE id = ?').get(book.id)).toEqual({ gone: 1 });
    db.close();
    expect((await app.call('sources.create', { csl: buildBook() })).citekey).toBe('crocker2004taming');
  });

  it('update their record and citekey, recomputing the columns', async () => {
    const app = await appWithKb();
    const { article } = await withSources(app);
    const updated = await app.call('sources.update', {
      id: article.id,
      csl: buildArticle({ title: 'Somali piracy revisited', issued: { 'date-parts': [[2010]] } }),
      citekey: 'menkhaus-piracy',
    });
    expect(updated).toMatchObject({ citekey: 'menkhaus-piracy', title: 'Somali piracy revisited', year: 2010 });
    expect(citekeys(await app.call('sources.list', { search: 'revisited' }))).toEqual(['menkhaus-piracy']);
    expect(citekeys(await app.call('sources.list', { search: 'horn' }))).toEqual([]);
  });

  it('are picked fuzzily, best match first; recently cited first when nothing is typed', async () => {
    const app = await appWithKb();
    const { book, article, report } = await withSources(app);
    const other = await app.call('sources.create', {
      csl: { type: 'book', title: 'Why Men Rebel', author: [{ family: 'Gurr', given: 'Ted Robert' }], issued: { 'date-parts': [[1970]] } },
    });
    const pick = async (query: string) => (await app.call('sources.pick', { query })).map((r) => r.citekey);

    expect(await pick('crocker')).toEqual(['crocker2004taming']);
    expect(await pick('aall')).toEqual(['crocker2004taming']);
    expect(await pick('piracy 2009')).toEqual(['menkhaus2009piracy']);
    expect(await pick('crisis')).toEqual(['icg2002somalia']);
    expect(await pick('mnk09')).toEqual(['menkhaus2009piracy']);
    expect(await pick('rebel')).toEqual(['gurr1970why']);
    expect(await pick('zzz')).toEqual([]);
    // A citekey prefix beats a word inside a title.
    const war = await app.call('sources.create', { csl: { type: 'book', title: 'Gurr and the theory of deprivation', author: [{ family: 'Smith' }], issued: { 'date-parts': [[1990]] } } });
    expect((await pick('gurr'))[0]).toBe('gurr1970why');
    expect(await pick('gurr')).toContain(war.citekey);

    const horn = await app.call('cases.create', buildCase());
    const reportCitation = cite(report.id);
    await app.call('notes.save', { caseId: horn.id, note: noteWithFootnotes([reportCitation]) });
    await new Promise((r) => setTimeout(r, 5));
    await app.call('notes.save', { caseId: horn.id, note: noteWithFootnotes([reportCitation], [cite(article.id)]) });
    const recent = (await app.call('sources.pick', { query: '', limit: 3 })).map((r) => r.id);
    expect(recent.slice(0, 2)).toEqual([article.id, report.id]);
    // Then the most recently added.
    expect(recent[2]).toBe(war.id);
    expect(book.id).not.toBe(other.id);
  });
});

describe('importItems', () => {
  it('inserts, merges and skips in one transaction, and writes nothing when an item is bad', async () => {
    const app = await appWithKb();
    const existing = await app.call('sources.create', { csl: buildBook({ publisher: 'USIP Press' }) });
    await app.call('kb.close', {});
    const opened = openKb(app.path);
    try {
      const sources = createSourcesService(createWriteContext(opened.db, () => 'Importer'));
      const progress: number[] = [];
      const counts = sources.importItems(
        [
          { csl: buildArticle(), action: 'insert', citekey: 'crocker2004taming' },
          { csl: buildBook({ publisher: 'Other', DOI: '10.1080/abc', ISBN: '0-19-852663-6' }), action: 'merge', mergeInto: existing.id },
          { csl: buildArticle(), action: 'skip' },
          { csl: buildArticle({ title: 'Second piece' }), action: 'insert' },
        ],
        (done) => progress.push(done),
      );
      expect(counts).toEqual({ imported: 2, merged: 1, skipped: 1 });
      expect(progress.at(-1)).toBe(4);
      const merged = sources.get(existing.id);
      expect(merged.csl).toMatchObject({ publisher: 'USIP Press', DOI: '10.1080/abc' });
      expect(sources.identities().find((i) => i.id === existing.id)).toMatchObject({ doi: '10.1080/abc', isbn: '9780198526636' });
      expect(sources.list({ search: '', sort: [], offset: 0, limit: 10 }).rows.map((r) => r.citekey)).toEqual([
        'crocker2004taming',
        'crocker2004taminga',
        'menkhaus2009second',
      ]);

      const before = sources.list({ search: '', sort: [], offset: 0, limit: 10 }).total;
      expect(() =>
        sources.importItems([
          { csl: buildArticle({ title: 'Would be written' }), action: 'insert' },
          { csl: { type: 'book', author: 'not a list' }, action: 'insert', citekey: 'bad' },
        ]),
      ).toThrow(/entry 2 \(bad\): author/);
      expect(sources.list({ search: '', sort: [], offset: 0, limit: 10 }).total).toBe(before);
    } finally {
      opened.db.close();
    }
  });
});
