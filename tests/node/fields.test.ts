import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../common/domain/schemas';
import { appWithKb, buildCase, buildField, titles } from './support/builders';

describe('custom fields', () => {
  it('creates fields in order, keeps values through a rename, reorders and deletes', async () => {
    const app = await appWithKb();
    const outcome = await app.call('fields.create', buildField({ name: 'Outcome' }));
    const year = await app.call('fields.create', buildField({ name: 'Year agreed', type: 'number' }));
    const c = await app.call('cases.create', buildCase());
    await app.call('cases.setValue', { caseId: c.id, fieldId: outcome.id, value: 'Partial success' });

    const renamed = await app.call('fields.update', { id: outcome.id, name: 'Result' });
    expect(renamed.name).toBe('Result');
    expect((await app.call('cases.get', { id: c.id })).values).toEqual({ [outcome.id]: 'Partial success' });

    expect((await app.call('fields.list', {})).map((f) => f.name)).toEqual(['Result', 'Year agreed']);
    const reordered = await app.call('fields.reorder', { ids: [year.id, outcome.id] });
    expect(reordered.map((f) => f.name)).toEqual(['Year agreed', 'Result']);
    expect((await app.call('fields.list', {})).map((f) => f.name)).toEqual(['Year agreed', 'Result']);

    await app.call('fields.delete', { id: outcome.id });
    expect((await app.call('fields.list', {})).map((f) => f.name)).toEqual(['Year agreed']);
    expect((await app.call('cases.get', { id: c.id })).values).toEqual({});
    expect(titles(await app.call('cases.list', { search: 'partial' }))).toEqual([]);
    expect(await app.send('cases.setValue', { caseId: c.id, fieldId: outcome.id, value: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps field names unique, ignoring case, among live fields', async () => {
    const app = await appWithKb();
    const f = await app.call('fields.create', buildField({ name: 'Outcome' }));
    expect(await app.send('fields.create', buildField({ name: 'OUTCOME' }))).toEqual({
      ok: false,
      error: { code: 'ALREADY_EXISTS', message: 'A field named “Outcome” already exists.' },
    });
    const other = await app.call('fields.create', buildField({ name: 'Lesson' }));
    expect(await app.send('fields.update', { id: other.id, name: 'outcome' })).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    await app.call('fields.delete', { id: f.id });
    expect((await app.call('fields.create', buildField({ name: 'Outcome' }))).name).toBe('Outcome');
  });

  it('refuses a reorder that does not list every field exactly once', async () => {
    const app = await appWithKb();
    const a = await app.call('fields.create', buildField({ name: 'A' }));
    await app.call('fields.create', buildField({ name: 'B' }));
    expect(await app.send('fields.reorder', { ids: [a.id] })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'ids: give every field exactly once (missing “B”).' },
    });
  });

  const VALIDATION: [string, Parameters<typeof buildField>[0], FieldValue, FieldValue | RegExp][] = [
    ['a number', { type: 'number' }, 42.5, 42.5],
    ['text for a number', { type: 'number' }, 'many', /expected a number, got “many”/],
    ['a partial date', { type: 'date' }, '2003-08', '2003-08'],
    ['an impossible date', { type: 'date' }, '2003-02-30', /not a real calendar date/],
    ['a malformed date', { type: 'date' }, '08/2003', /use YYYY, YYYY-MM or YYYY-MM-DD/],
    ['an option in other case', { type: 'single_select', options: ['Success', 'Failure'] }, 'success', 'Success'],
    ['an unknown option', { type: 'single_select', options: ['Success', 'Failure'] }, 'Draw', /“Draw” is not one of its options \(“Success”, “Failure”\)/],
    ['a subset of options', { type: 'multi_select', options: ['a', 'b', 'c'] }, ['c', 'a', 'A'], ['a', 'c']],
    ['a list with an unknown option', { type: 'multi_select', options: ['a', 'b'] }, ['a', 'z'], /“z” is not one of its options/],
    ['a boolean', { type: 'boolean' }, false, false],
    ['text for a boolean', { type: 'boolean' }, 'maybe', /expected yes or no/],
    ['an https URL', { type: 'url' }, 'https://www.un.org/en/', 'https://www.un.org/en/'],
    ['a javascript: URL', { type: 'url' }, 'javascript:alert(1)', /must start with http:\/\/ or https:\/\//],
    ['a list for text', { type: 'text' }, ['a'], /expected text, got a list/],
  ];

  for (const [what, field, value, expected] of VALIDATION) {
    it(`validates ${what}`, async () => {
      const app = await appWithKb();
      const f = await app.call('fields.create', buildField({ name: 'Outcome', ...field }));
      const c = await app.call('cases.create', buildCase());
      const answer = await app.send('cases.setValue', { caseId: c.id, fieldId: f.id, value });
      if (expected instanceof RegExp) {
        expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Field “Outcome”: /) } });
        expect(answer.ok === false && answer.error.message).toMatch(expected);
        expect((await app.call('cases.get', { id: c.id })).values).toEqual({});
      } else {
        expect(answer.ok).toBe(true);
        expect((await app.call('cases.get', { id: c.id })).values).toEqual({ [f.id]: expected });
      }
    });
  }

  it('clears a value with null or an empty string, and sets it again afterwards', async () => {
    const app = await appWithKb();
    const f = await app.call('fields.create', buildField({ name: 'Lesson' }));
    const c = await app.call('cases.create', buildCase());
    await app.call('cases.setValue', { caseId: c.id, fieldId: f.id, value: 'Talk early' });
    expect((await app.call('cases.setValue', { caseId: c.id, fieldId: f.id, value: null })).values).toEqual({});
    await app.call('cases.setValue', { caseId: c.id, fieldId: f.id, value: 'Talk later' });
    expect((await app.call('cases.setValue', { caseId: c.id, fieldId: f.id, value: '' })).values).toEqual({});
    expect((await app.call('cases.setValue', { caseId: c.id, fieldId: f.id, value: 'Again' })).values).toEqual({ [f.id]: 'Again' });
  });

  it('removes a deleted option from the cases that use it', async () => {
    const app = await appWithKb();
    const single = await app.call('fields.create', buildField({ name: 'Outcome', type: 'single_select', options: ['Success', 'Failure'] }));
    const multi = await app.call('fields.create', buildField({ name: 'Tools', type: 'multi_select', options: ['sanctions', 'mediation'] }));
    const c = await app.call('cases.create', buildCase());
    await app.call('cases.setValue', { caseId: c.id, fieldId: single.id, value: 'Failure' });
    await app.call('cases.setValue', { caseId: c.id, fieldId: multi.id, value: ['sanctions', 'mediation'] });

    await app.call('fields.update', { id: single.id, options: ['Success'] });
    await app.call('fields.update', { id: multi.id, options: ['Mediation', 'good offices'] });
    const detail = await app.call('cases.get', { id: c.id });
    expect(detail.values).toEqual({ [multi.id]: ['Mediation'] });
    expect(titles(await app.call('cases.list', { search: 'sanctions' }))).toEqual([]);
    expect(await app.send('fields.update', { id: single.id, options: ['A', 'a'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await app.send('fields.create', buildField({ name: 'Notes', type: 'text', options: ['x'] }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
