import { describe, expect, it } from 'vitest';
import { appWithKb, buildActor, buildCase, titles } from './support/builders';

describe('tags', () => {
  it('replaces a case’s tags, reusing existing tags whatever their case', async () => {
    const app = await appWithKb();
    const a = await app.call('cases.create', buildCase({ title: 'A' }));
    const b = await app.call('cases.create', buildCase({ title: 'B' }));
    expect((await app.call('cases.setTags', { caseId: a.id, tags: ['Piracy', 'UN–AU', 'piracy'] })).tags).toEqual(['Piracy', 'UN–AU']);
    expect((await app.call('cases.setTags', { caseId: b.id, tags: ['PIRACY'] })).tags).toEqual(['Piracy']);
    expect(await app.call('tags.list', {})).toEqual([
      { name: 'Piracy', count: 2 },
      { name: 'UN–AU', count: 1 },
    ]);
    expect((await app.call('cases.setTags', { caseId: a.id, tags: ['maritime'] })).tags).toEqual(['maritime']);
    expect(await app.call('tags.list', {})).toEqual([
      { name: 'maritime', count: 1 },
      { name: 'Piracy', count: 1 },
    ]);
    expect(titles(await app.call('cases.list', { search: 'maritime' }))).toEqual(['A']);
    expect(titles(await app.call('cases.list', { search: 'un' }))).toEqual([]);
  });
});

describe('actors', () => {
  it('creates, finds by name or abbreviation, renames (search follows) and links with roles', async () => {
    const app = await appWithKb();
    const amisom = await app.call('actors.create', buildActor());
    const un = await app.call('actors.create', buildActor({ name: 'United Nations', abbreviation: 'UN', kind: 'organisation' }));
    expect(await app.send('actors.create', buildActor({ name: 'united nations' }))).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    expect((await app.call('actors.list', { query: 'amis' })).map((a) => a.name)).toEqual(['African Union Mission to Somalia']);
    expect((await app.call('actors.list', { query: 'nations' })).map((a) => a.abbreviation)).toEqual(['UN']);
    expect((await app.call('actors.list', {})).length).toBe(2);

    const c = await app.call('cases.create', buildCase());
    await app.call('cases.linkActor', { caseId: c.id, actorId: amisom.id, role: 'lead' });
    const linked = await app.call('cases.linkActor', { caseId: c.id, actorId: un.id, role: ' funder ' });
    expect(linked.caseActors.map((l) => [l.abbreviation, l.role])).toEqual([
      ['AMISOM', 'lead'],
      ['UN', 'funder'],
    ]);
    expect(linked.actors).toEqual(['AMISOM', 'UN']);
    expect(await app.send('cases.linkActor', { caseId: c.id, actorId: un.id })).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });

    const unLink = linked.caseActors[1]?.linkId as string;
    expect((await app.call('cases.updateActorLink', { linkId: unLink, role: 'observer' })).caseActors[1]?.role).toBe('observer');

    await app.call('actors.update', { id: amisom.id, name: 'AU Transition Mission', abbreviation: 'ATMIS' });
    expect(titles(await app.call('cases.list', { search: 'ATMIS' }))).toEqual(['Horn of Africa piracy, 2009']);
    expect(titles(await app.call('cases.list', { search: 'AMISOM' }))).toEqual([]);
    expect((await app.call('actors.list', { query: 'atmis' }))[0]).toMatchObject({ kind: 'mission', caseCount: 1 });

    const after = await app.call('cases.unlinkActor', { linkId: unLink });
    expect(after.actors).toEqual(['ATMIS']);
    expect(await app.send('cases.unlinkActor', { linkId: unLink })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('views', () => {
  it('saves and returns the cases table layout, and has none at first', async () => {
    const app = await appWithKb();
    expect(await app.call('views.get', { table: 'cases' })).toBeNull();
    const layout = { columnOrder: ['title', 'region'], hidden: ['summary'], sizes: { title: 320 }, sort: [{ column: 'region', desc: true }] };
    await app.call('views.save', { table: 'cases', layout });
    expect(await app.call('views.get', { table: 'cases' })).toEqual(layout);
    const changed = { ...layout, hidden: [] };
    await app.call('views.save', { table: 'cases', layout: changed });
    expect(await app.call('views.get', { table: 'cases' })).toEqual(changed);

    // The layout travels with the file.
    app.core.close();
    await app.call('kb.open', { path: app.path });
    expect(await app.call('views.get', { table: 'cases' })).toEqual(changed);
  });
});
