import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../common/ipc/contract';
import { appWithKb, buildActor, buildCase, buildField, buildNote, titles } from './support/builders';

/** Five cases with built-in columns, a number field, a multi-select field, tags and an actor. */
async function seeded() {
  const app = await appWithKb();
  const deaths = await app.call('fields.create', buildField({ name: 'Fatalities', type: 'number' }));
  const tools = await app.call('fields.create', buildField({ name: 'Mechanisms', type: 'multi_select', options: ['sanctions', 'mediation', 'naval patrols'] }));
  const amisom = await app.call('actors.create', buildActor());
  const make = async (title: string, extra: Partial<ChannelInput<'cases.create'>>, f?: number, m?: string[], tags: string[] = []) => {
    const c = await app.call('cases.create', buildCase({ title, ...extra }));
    if (f !== undefined) await app.call('cases.setValue', { caseId: c.id, fieldId: deaths.id, value: f });
    if (m) await app.call('cases.setValue', { caseId: c.id, fieldId: tools.id, value: m });
    if (tags.length) await app.call('cases.setTags', { caseId: c.id, tags });
    return c;
  };
  const somalia = await make('Somalia piracy', { region: 'Horn of Africa', status: 'complete', periodStart: '2009' }, 12, ['naval patrols'], ['piracy', 'maritime']);
  await app.call('cases.linkActor', { caseId: somalia.id, actorId: amisom.id, role: 'lead' });
  const darfur = await make('darfur hybrid mission', { region: 'Sahel', status: 'in_progress', periodStart: '2007-07' }, 300, ['mediation', 'sanctions'], ['peacekeeping']);
  await app.call('notes.save', { caseId: darfur.id, note: buildNote('The hybrid operation negotiated access with Khartoum.') });
  await make('Aceh peace process', { region: 'Southeast Asia', summary: 'Mediation after the tsunami.', periodStart: '2005-08-15' }, 0, ['mediation']);
  await make('Bosnia arms embargo', { region: 'Balkans', status: 'complete', periodStart: '1991' }, undefined, ['sanctions']);
  await make('Cyprus buffer zone', { region: '' });
  return { app, deaths, tools, amisom, somalia, darfur };
}

describe('cases.list', () => {
  it('sorts by title, case-insensitively, by default', async () => {
    const { app } = await seeded();
    const page = await app.call('cases.list', {});
    expect(page.total).toBe(5);
    expect(titles(page)).toEqual(['Aceh peace process', 'Bosnia arms embargo', 'Cyprus buffer zone', 'darfur hybrid mission', 'Somalia piracy']);
  });

  it('sorts by built-in and user-field columns, descending, empties last, over several columns', async () => {
    const { app, deaths, tools } = await seeded();
    const byDeaths = await app.call('cases.list', { sort: [{ column: `field:${deaths.id}`, desc: true }] });
    expect(titles(byDeaths)).toEqual(['darfur hybrid mission', 'Somalia piracy', 'Aceh peace process', 'Bosnia arms embargo', 'Cyprus buffer zone']);
    const byDeathsAsc = await app.call('cases.list', { sort: [{ column: `field:${deaths.id}`, desc: false }] });
    expect(titles(byDeathsAsc).slice(0, 3)).toEqual(['Aceh peace process', 'Somalia piracy', 'darfur hybrid mission']);
    const byStart = await app.call('cases.list', { sort: [{ column: 'periodStart', desc: false }] });
    expect(titles(byStart)).toEqual(['Bosnia arms embargo', 'Aceh peace process', 'darfur hybrid mission', 'Somalia piracy', 'Cyprus buffer zone']);
    const byStatusThenTitle = await app.call('cases.list', { sort: [{ column: 'status', desc: true }, { column: 'title', desc: true }] });
    expect(titles(byStatusThenTitle)).toEqual(['Somalia piracy', 'Bosnia arms embargo', 'darfur hybrid mission', 'Cyprus buffer zone', 'Aceh peace process']);
    const byTools = await app.call('cases.list', { sort: [{ column: `field:${tools.id}`, desc: false }] });
    expect(titles(byTools)[0]).toBe('Aceh peace process');
    const byTags = await app.call('cases.list', { sort: [{ column: 'tags', desc: false }] });
    // “maritime, piracy” sorts before “peacekeeping”; cases without tags come last.
    expect(titles(byTags).slice(0, 2)).toEqual(['Somalia piracy', 'darfur hybrid mission']);
  });

  it('keeps later windows of a query in step with edits, here and from another connection', async () => {
    const { app, deaths } = await seeded();
    const sort = [{ column: `field:${deaths.id}`, desc: true }];
    // A window past the first is served from the query's ordered ids; an edit must not leave it stale.
    expect(titles(await app.call('cases.list', { sort, limit: 2, offset: 2 }))).toEqual(['Aceh peace process', 'Bosnia arms embargo']);
    const aceh = (await app.call('cases.list', { search: 'Aceh' })).rows[0]!;
    await app.call('cases.setValue', { caseId: aceh.id, fieldId: deaths.id, value: 5000 });
    expect(titles(await app.call('cases.list', { sort, limit: 2, offset: 2 }))).toEqual(['Somalia piracy', 'Bosnia arms embargo']);

    const other = new Database(app.path);
    other.prepare('UPDATE cases SET trashed_at = ? WHERE title = ?').run(new Date().toISOString(), 'Bosnia arms embargo');
    other.close();
    const after = await app.call('cases.list', { sort, limit: 2, offset: 2 });
    expect(after.total).toBe(4);
    expect(titles(after)).toEqual(['Somalia piracy', 'Cyprus buffer zone']);
  });

  it('pages with offset and limit and reports the total of the whole result', async () => {
    const { app } = await seeded();
    const first = await app.call('cases.list', { limit: 2 });
    const second = await app.call('cases.list', { limit: 2, offset: 2 });
    const last = await app.call('cases.list', { limit: 2, offset: 4 });
    expect([first.total, second.total, last.total]).toEqual([5, 5, 5]);
    expect([...titles(first), ...titles(second), ...titles(last)]).toEqual(titles(await app.call('cases.list', {})));
    expect(second.offset).toBe(2);
    expect((await app.call('cases.list', { offset: 50 })).rows).toEqual([]);
  });

  it('filters with contains, equals, gt, lt, empty and notEmpty', async () => {
    const { app, deaths, tools } = await seeded();
    const list = async (filters: unknown[]) => titles(await app.call('cases.list', { filters: filters as never }));
    expect(await list([{ column: 'region', op: 'contains', value: 'africa' }])).toEqual(['Somalia piracy']);
    expect(await list([{ column: 'region', op: 'empty' }])).toEqual(['Cyprus buffer zone']);
    expect(await list([{ column: 'status', op: 'equals', value: 'Complete' }])).toEqual(['Bosnia arms embargo', 'Somalia piracy']);
    expect(await list([{ column: 'periodStart', op: 'lt', value: '2006' }])).toEqual(['Aceh peace process', 'Bosnia arms embargo']);
    expect(await list([{ column: `field:${deaths.id}`, op: 'gt', value: 10 }])).toEqual(['darfur hybrid mission', 'Somalia piracy']);
    expect(await list([{ column: `field:${deaths.id}`, op: 'equals', value: 0 }])).toEqual(['Aceh peace process']);
    expect(await list([{ column: `field:${deaths.id}`, op: 'empty' }])).toEqual(['Bosnia arms embargo', 'Cyprus buffer zone']);
    expect(await list([{ column: `field:${tools.id}`, op: 'equals', value: 'Sanctions' }])).toEqual(['Bosnia arms embargo', 'darfur hybrid mission']);
    expect(await list([{ column: 'tags', op: 'equals', value: 'PIRACY' }])).toEqual(['Somalia piracy']);
    expect(await list([{ column: 'tags', op: 'notEmpty' }])).toEqual(['darfur hybrid mission', 'Somalia piracy']);
    expect(await list([{ column: 'actors', op: 'contains', value: 'amisom' }])).toEqual(['Somalia piracy']);
    expect(await list([{ column: 'actors', op: 'contains', value: 'Union Mission' }])).toEqual(['Somalia piracy']);
    expect(await list([{ column: 'title', op: 'contains', value: '%' }])).toEqual([]);
    expect(await list([
      { column: 'status', op: 'equals', value: 'complete' },
      { column: `field:${deaths.id}`, op: 'notEmpty' },
    ])).toEqual(['Somalia piracy']);
  });

  it('explains a filter it cannot apply', async () => {
    const { app, deaths } = await seeded();
    expect(await app.send('cases.list', { filters: [{ column: `field:${deaths.id}`, op: 'gt', value: 'many' }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/filters\.0\.value: “many” is not a number \(field “Fatalities”\)/) },
    });
    expect(await app.send('cases.list', { filters: [{ column: 'tags', op: 'gt', value: 'x' }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await app.send('cases.list', { sort: [{ column: 'field:gone', desc: false }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/sort\.0\.column: there is no field with id “gone”/) },
    });
  });

  it('searches title, summary, fields, tags, actors and notes with words, phrases, prefixes, exclusions and columns', async () => {
    const { app } = await seeded();
    const search = async (q: string) => titles(await app.call('cases.list', { search: q }));
    expect(await search('piracy')).toEqual(['Somalia piracy']);
    expect(await search('AMISOM')).toEqual(['Somalia piracy']);
    expect(await search('maritime')).toEqual(['Somalia piracy']);
    expect(await search('negotiat*')).toEqual(['darfur hybrid mission']);
    expect(await search('"hybrid operation"')).toEqual(['darfur hybrid mission']);
    expect(await search('"operation hybrid"')).toEqual([]);
    expect(await search('mediation')).toEqual(['Aceh peace process', 'darfur hybrid mission']);
    expect(await search('mediation -tsunami')).toEqual(['darfur hybrid mission']);
    expect(await search('summary:mediation')).toEqual(['Aceh peace process']);
    expect(await search('-piracy -mediation')).toEqual(['Bosnia arms embargo', 'Cyprus buffer zone']);
    expect(await search('Balkans')).toEqual(['Bosnia arms embargo']);
    const page = await app.call('cases.list', { search: 'mediation', limit: 1 });
    expect(page.total).toBe(2);
  });

  it('never fails on hostile search input', async () => {
    const { app } = await seeded();
    for (const q of ['"', '(', 'NEAR(a b)', 'AND OR NOT', '*', '^', ':', 'title:', 'a:b:c', '"unterminated', '-', '😀', 'Ω∑', "'; DROP TABLE cases; --"]) {
      const answer = await app.send('cases.list', { search: q });
      expect(answer.ok, q).toBe(true);
    }
  });

  it('lists only trashed cases in the Trash, and rows carry tags, actors and values', async () => {
    const { app, somalia, deaths } = await seeded();
    await app.call('cases.trash', { ids: [somalia.id] });
    expect(titles(await app.call('cases.list', { trash: true }))).toEqual(['Somalia piracy']);
    expect(titles(await app.call('cases.list', {}))).not.toContain('Somalia piracy');
    const [row] = (await app.call('cases.list', { trash: true })).rows;
    expect(row).toMatchObject({ tags: ['maritime', 'piracy'], actors: ['AMISOM'], values: { [deaths.id]: 12 }, trashedAt: expect.any(String) });
  });
});
