import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appWithKb, buildCase, buildNote, titles } from './support/builders';

function noteRow(path: string, id: string) {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT n.note_json AS noteJson, n.note_text AS noteText, n.updated_at AS noteUpdatedAt, c.updated_at AS updatedAt,
           f.note AS ftsNote
         FROM cases c LEFT JOIN case_notes n ON n.case_id = c.id LEFT JOIN cases_fts f ON f.rowid = c.fts_rowid WHERE c.id = ?`,
      )
      .get(id) as Record<string, string | null>;
  } finally {
    db.close();
  }
}

describe('notes.save', () => {
  it('stores the JSON, derives the plain text and makes the note searchable', async () => {
    const app = await appWithKb();
    const c = await app.call('cases.create', buildCase());
    const saved = await app.call('notes.save', { caseId: c.id, note: buildNote('The ceasefire held.', 'Talks resumed in Djibouti.') });
    expect(saved.noteText).toBe('The ceasefire held.\nTalks resumed in Djibouti.');

    const detail = await app.call('cases.get', { id: c.id });
    expect(detail.noteText).toBe(saved.noteText);
    expect(detail.noteUpdatedAt).toBe(saved.noteUpdatedAt);
    expect(detail.note).toEqual(buildNote('The ceasefire held.', 'Talks resumed in Djibouti.'));
    expect(titles(await app.call('cases.list', { search: 'djibouti' }))).toEqual(['Horn of Africa piracy, 2009']);
    expect(titles(await app.call('cases.list', { search: 'note:ceasefire' }))).toEqual(['Horn of Africa piracy, 2009']);
  });

  it('is one transaction: when the search-index write fails, note JSON, text and index are all unchanged', async () => {
    const app = await appWithKb();
    const c = await app.call('cases.create', buildCase());
    await app.call('notes.save', { caseId: c.id, note: buildNote('First version.') });
    const before = noteRow(app.path, c.id);
    expect(before.ftsNote).toBe('First version.');

    // Replace the full-text table, in our own connection, by a plain table whose CHECK refuses
    // the word "forbidden": the note's UPDATE succeeds, then the index write fails.
    const db = new Database(app.path);
    db.exec(`DROP TABLE cases_fts;
      CREATE TABLE cases_fts (title TEXT, summary TEXT, fields TEXT, note TEXT CHECK (note NOT LIKE '%forbidden%'));
      INSERT INTO cases_fts (rowid, title, summary, fields, note) SELECT c.fts_rowid, c.title, c.summary, '', coalesce(n.note_text, '') FROM cases c LEFT JOIN case_notes n ON n.case_id = c.id;`);
    db.close();

    const answer = await app.send('notes.save', { caseId: c.id, note: buildNote('A forbidden second version.') });
    expect(answer.ok).toBe(false);
    expect(noteRow(app.path, c.id)).toEqual(before);
    expect((await app.call('cases.get', { id: c.id })).noteText).toBe('First version.');

    // The same connection still works afterwards: nothing was left half-open.
    const ok = await app.call('notes.save', { caseId: c.id, note: buildNote('An allowed second version.') });
    expect(noteRow(app.path, c.id)).toMatchObject({ noteText: 'An allowed second version.', ftsNote: 'An allowed second version.', noteUpdatedAt: ok.noteUpdatedAt });
  });

  it('refuses notes over 10 MB with a clear error and keeps the old note', async () => {
    const app = await appWithKb();
    const c = await app.call('cases.create', buildCase());
    await app.call('notes.save', { caseId: c.id, note: buildNote('Short.') });
    const answer = await app.send('notes.save', { caseId: c.id, note: buildNote('x'.repeat(10 * 1024 * 1024 + 10)) });
    expect(answer).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/notes are limited to 10 MB/) } });
    expect((await app.call('cases.get', { id: c.id })).noteText).toBe('Short.');
  });

  it('says which case is missing', async () => {
    const app = await appWithKb();
    expect(await app.send('notes.save', { caseId: 'no-such-case', note: buildNote() })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No case with id “no-such-case”.' },
    });
  });
});
