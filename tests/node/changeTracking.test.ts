import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseHlc } from '../../common/hlc';
import { appWithKb, buildCase, buildField, buildNote, startApp } from './support/builders';

describe('change tracking', () => {
  it('stamps every write with a strictly later hybrid-clock updated_at and who made it, also after reopening', async () => {
    const app = await appWithKb();
    await app.call('settings.set', { displayName: 'Amina (laptop)' });
    const field = await app.call('fields.create', buildField({ name: 'Lesson' }));
    const c = await app.call('cases.create', buildCase());
    const stamps = [c.updatedAt];
    stamps.push((await app.call('cases.update', { id: c.id, patch: { summary: 'Patrols.' } })).updatedAt);
    stamps.push((await app.call('cases.setValue', { caseId: c.id, fieldId: field.id, value: 'x' })).updatedAt);
    stamps.push((await app.call('cases.setTags', { caseId: c.id, tags: ['a'] })).updatedAt);
    stamps.push((await app.call('notes.save', { caseId: c.id, note: buildNote() })).noteUpdatedAt);

    // A second app instance on the same file continues after the timestamps already in it.
    app.core.close();
    const other = startApp();
    await other.call('kb.open', { path: app.path });
    stamps.push((await other.call('cases.update', { id: c.id, patch: { region: 'Horn of Africa' } })).updatedAt);

    for (const s of stamps) expect(parseHlc(s), s).not.toBeNull();
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!, `${stamps[i]} > ${stamps[i - 1]}`).toBe(true);

    const db = new Database(app.path, { readonly: true });
    const row = db.prepare('SELECT updated_by AS who, created_at AS createdAt, id FROM cases').get() as { who: string; createdAt: string; id: string };
    db.close();
    expect(row.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await other.call('cases.get', { id: c.id })).updatedBy).not.toBe('Amina (laptop)');
    expect((await app.call('settings.get', {})).displayName).toBe('Amina (laptop)');
  });

  it('records the display name as updated_by', async () => {
    const app = await appWithKb();
    await app.call('settings.set', { displayName: 'Amina (laptop)' });
    const c = await app.call('cases.create', buildCase());
    expect(c.updatedBy).toBe('Amina (laptop)');
  });
});
