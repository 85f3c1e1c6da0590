import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appWithKb, buildActor, buildCase, buildField, titles } from './support/builders';

describe('trash, restore and delete forever', () => {
  it('moves cases to the Trash and back', async () => {
    const app = await appWithKb();
    const a = await app.call('cases.create', buildCase({ title: 'A' }));
    const b = await app.call('cases.create', buildCase({ title: 'B' }));
    expect(await app.call('cases.trash', { ids: [a.id, b.id] })).toEqual({ count: 2 });
    expect(await app.call('cases.trash', { ids: [a.id] })).toEqual({ count: 0 });
    expect((await app.call('kb.current', {}))?.counts).toMatchObject({ cases: 0, trashed: 2 });
    expect(await app.send('cases.update', { id: a.id, patch: { title: 'A2' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '“A” is in the Trash; restore it before editing it.' },
    });
    expect(await app.call('cases.restore', { ids: [a.id] })).toEqual({ count: 1 });
    expect(titles(await app.call('cases.list', {}))).toEqual(['A']);
    expect(titles(await app.call('cases.list', { trash: true }))).toEqual(['B']);
  });

  it('deletes forever only from the Trash, tombstoning the case and its dependants and dropping it from search', async () => {
    const app = await appWithKb();
    const field = await app.call('fields.create', buildField({ name: 'Lesson' }));
    const actor = await app.call('actors.create', buildActor());
    const c = await app.call('cases.create', buildCase({ title: 'Doomed piracy case' }));
    await app.call('cases.setValue', { caseId: c.id, fieldId: field.id, value: 'none' });
    await app.call('cases.setTags', { caseId: c.id, tags: ['piracy'] });
    await app.call('cases.linkActor', { caseId: c.id, actorId: actor.id, role: '' });

    expect(await app.send('cases.purge', { ids: [c.id] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/not in the Trash/) } });
    await app.call('cases.trash', { ids: [c.id] });
    expect(titles(await app.call('cases.list', { trash: true, search: 'doomed' }))).toEqual(['Doomed piracy case']);
    expect(await app.call('cases.purge', { ids: [c.id] })).toEqual({ count: 1 });

    expect(await app.call('cases.list', { trash: true })).toMatchObject({ total: 0 });
    expect(await app.send('cases.get', { id: c.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.call('tags.list', {})).toEqual([]);
    expect((await app.call('actors.list', {}))[0]?.caseCount).toBe(0);

    const db = new Database(app.path, { readonly: true });
    const deleted = (table: string, column: string) =>
      db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ? AND deleted_at IS NOT NULL`).get(c.id) as { n: number };
    expect(deleted('cases', 'id').n).toBe(1);
    expect(deleted('case_values', 'case_id').n).toBe(1);
    expect(deleted('case_tags', 'case_id').n).toBe(1);
    expect(deleted('case_actors', 'case_id').n).toBe(1);
    expect((db.prepare(`SELECT count(*) AS n FROM cases_fts WHERE cases_fts MATCH 'doomed'`).get() as { n: number }).n).toBe(0);
    db.close();
  });

  it('answers NOT_FOUND for an unknown id and changes nothing', async () => {
    const app = await appWithKb();
    const a = await app.call('cases.create', buildCase({ title: 'A' }));
    expect(await app.send('cases.trash', { ids: [a.id, 'nope'] })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No case with id “nope”.' } });
    expect(titles(await app.call('cases.list', {}))).toEqual(['A']);
  });
});
