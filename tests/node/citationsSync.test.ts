import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { newId } from '../../common/ids';
import { appWithKb, buildCase } from './support/builders';
import { buildArticle, buildBook, cite, noteWithFootnotes } from './support/sourceBuilders';

interface CitationRow {
  id: string;
  caseId: string;
  sourceId: string;
  locator: string;
  label: string;
  quote: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** The citation rows of a case as they are in the file, read through a connection of our own. */
function citationRows(path: string, caseId: string): CitationRow[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT id, case_id AS caseId, source_id AS sourceId, locator, label, quote, updated_at AS updatedAt, deleted_at AS deletedAt
         FROM citations WHERE case_id = ? ORDER BY created_at, id`,
      )
      .all(caseId) as CitationRow[];
  } finally {
    db.close();
  }
}

async function setup() {
  const app = await appWithKb();
  const book = await app.call('sources.create', { csl: buildBook() });
  const article = await app.call('sources.create', { csl: buildArticle() });
  const horn = await app.call('cases.create', buildCase());
  return { app, book, article, horn };
}

describe('notes.save keeps citation rows equal to the footnotes', () => {
  it('inserts the citations of new footnotes', async () => {
    const { app, book, article, horn } = await setup();
    const a = cite(book.id, { locator: '45', quote: 'a hurting stalemate' });
    const b = cite(article.id, { locator: '3', label: 'section', prefix: 'see', suffix: 'and passim' });
    await app.call('notes.save', { caseId: horn.id, note: noteWithFootnotes([a, b]) });
    const rows = citationRows(app.path, horn.id);
    expect(rows.map((r) => [r.id, r.sourceId, r.locator, r.label, r.quote, r.deletedAt])).toEqual(
      expect.arrayContaining([
        [a.id, book.id, '45', 'page', 'a hurting stalemate', null],
        [b.id, article.id, '3', 'section', '', null],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('updates a changed locator and leaves unchanged rows alone', async () => {
    const { app, book, article, horn } = await setup();
    const a = cite(book.id, { locator: '45' });
    const b = cite(article.id);
    await app.call('notes.save', { caseId: horn.id, note: noteWithFootnotes([a], [b]) });
    const before = citationRows(app.path, horn.id);
    await app.call('notes.save', { caseId: horn.id, note: noteWithFootnotes([{ ...a, locator: '45–47' }], [b]) });
    const after = citationRows(app.path, horn.id);
    const rowA = after.find((r) => r.id === a.id);
    const rowB = after.find((r) => r.id === b.id);
    expect(rowA?.locator).toBe('45–47');
    expect(rowA?.updatedAt).not.toBe(before.find((r) => r.id === a.id)?.updatedAt);
    expect(rowB?.updatedAt).toBe(before.find((r) => r.id === b.id)?.updatedAt);
    expect((await app.call('sources.get', { id: book.id })).citations.map((c) => c.locator)).toEqual(['45–47']);
  });

  it('tombstones a removed footnote and restores it, under its old id, when undo brings it back', async () => {
    const { app, book, article, horn } = await setup();
    const a = cite(book.id, { locator: '45' });
    const b = cite(article.id);
    await app.call('notes.save', { caseId: horn.id, note: noteWithFootnotes([a], [b]) });

    await app.call('notes.save', { caseId: horn.id, note: noteWithFootnotes([b]) });
    let rows = citationRows(app.path, horn.id);
    expect(rows.find((r) => r.id === a.id)?.deletedAt).not.toBeNull();
    expect((await app.call('sources.get', { id: book.id })).citedIn).toBe(0);
    // Not cited any more, so it could be deleted now.
    expect((await app.call('sources.list', { sort: [{ column: 'citedIn', desc: true }] })).rows[0]?.id).toBe(article.id);

    await app.call('notes.save', { caseId: horn.id, note: noteWithFootnotes([a], [b]) });
    rows = citationRows(app.path, horn.id);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === a.id)).toMatchObject({ deletedAt: null, locator: '45' });
    expect((await app.call('sources.get', { id: book.id })).citedIn).toBe(1);
  });

  it('writes nothing when a footnote cites a source that is not in the knowledge base', async () => {
    const { app, book, horn } = await setup();
    const first = noteWithFootnotes([cite(book.id)]);
    await app.call('notes.save', { caseId: horn.id, note: first });
    const before = citationRows(app.path, horn.id);

    const answer = await app.send('notes.save', {
      caseId: horn.id,
      note: noteWithFootnotes([cite(book.id, { locator: '9' })], [cite(book.id)], [cite(newId())]),
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!answer.ok && answer.error.message).toMatch(/^Footnote 3 cites a source that is not in this knowledge base/);
    expect(citationRows(app.path, horn.id)).toEqual(before);
    expect((await app.call('cases.get', { id: horn.id })).note).toEqual(first);
  });

  it('refuses a deleted source like a missing one', async () => {
    const { app, article, horn } = await setup();
    await app.call('sources.delete', { id: article.id });
    const answer = await app.send('notes.save', { caseId: horn.id, note: noteWithFootnotes([cite(article.id)]) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Footnote 1 cites a source') } });
  });

  it('refuses a citation id that belongs to another case, and one used twice', async () => {
    const { app, book, horn } = await setup();
    const darfur = await app.call('cases.create', buildCase({ title: 'UN–AU cooperation in Darfur' }));
    const shared = cite(book.id);
    await app.call('notes.save', { caseId: darfur.id, note: noteWithFootnotes([shared]) });

    const stolen = await app.send('notes.save', { caseId: horn.id, note: noteWithFootnotes([cite(book.id)], [shared]) });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('belongs to “UN–AU cooperation in Darfur”') } });
    expect(!stolen.ok && stolen.error.message).toMatch(/^Footnote 2 /);
    expect(citationRows(app.path, horn.id)).toEqual([]);
    expect(citationRows(app.path, darfur.id)[0]?.caseId).toBe(darfur.id);

    const twice = cite(book.id);
    const dup = await app.send('notes.save', { caseId: horn.id, note: noteWithFootnotes([twice], [twice]) });
    expect(dup).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Footnotes 1 and 2 share one citation id') } });
  });

  it('names the footnote of a malformed citation', async () => {
    const { app, book, horn } = await setup();
    const note = noteWithFootnotes([cite(book.id)], [{ ...cite(book.id), label: 'folio' as never }]);
    const answer = await app.send('notes.save', { caseId: horn.id, note });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Footnote 2, citation 1: label') } });
    expect(citationRows(app.path, horn.id)).toEqual([]);
  });
});
