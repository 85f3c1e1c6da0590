import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../../common/domain/sources';
import { SourceDetailPane } from '../../../renderer/src/features/sources/SourceDetailPane';
import { startCore, type CoreHarness } from '../renderer/renderWithCore';

function showSource(app: CoreHarness, id: string, changed: SourceDetail[] = []) {
  app.show(
    <SourceDetailPane
      sourceId={id}
      readOnly={false}
      onChanged={(d) => changed.push(d)}
      onDeleted={() => undefined}
      onClose={() => undefined}
      onOpenCase={() => undefined}
    />,
  );
  return changed;
}

describe('SourceDetailPane', () => {
  it('shows the fields a web page needs, saves an accessed date, and keeps fields when the type changes', async () => {
    const app = startCore();
    const source = await app.client.call('sources.create', {
      csl: { type: 'webpage', title: 'Piracy reporting centre', 'container-title': 'ICC Commercial Crime Services', URL: 'https://www.icc-ccs.org/' },
    });
    showSource(app, source.id);
    const user = userEvent.setup();

    expect(((await screen.findByLabelText('Website')) as HTMLInputElement).value).toBe('ICC Commercial Crime Services');
    expect(screen.getByLabelText('URL')).toBeTruthy();
    expect(screen.queryByLabelText('ISBN')).toBeNull();

    const accessed = screen.getByLabelText('Accessed');
    await user.type(accessed, '2024-13{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Accessed');
    expect((await app.client.call('sources.get', { id: source.id })).csl.accessed).toBeUndefined();

    await user.clear(accessed);
    await user.type(accessed, '2024-03-05{Enter}');
    await waitFor(async () => expect((await app.client.call('sources.get', { id: source.id })).csl.accessed).toEqual({ 'date-parts': [[2024, 3, 5]] }));

    await user.selectOptions(screen.getByLabelText('Type'), 'UN document / resolution');
    expect(await screen.findByLabelText('Authority')).toBeTruthy();
    expect(screen.getByLabelText('Document number')).toBeTruthy();
    expect(screen.queryByLabelText('Website')).toBeNull();
    // The site name is not a UN document field, but it is kept and listed, not dropped.
    const others = screen.getByRole('region', { name: 'Other fields' });
    expect(within(others).getByText('ICC Commercial Crime Services')).toBeTruthy();
    const stored = await app.client.call('sources.get', { id: source.id });
    expect(stored.csl.type).toBe('document');
    expect(stored.csl['container-title']).toBe('ICC Commercial Crime Services');
  });

  it('saves an institutional author as one literal name', async () => {
    const app = startCore();
    const source = await app.client.call('sources.create', { csl: { type: 'document', title: 'Resolution 1851 (2008)' } });
    showSource(app, source.id);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Add author' }));
    const row = screen.getByRole('group', { name: 'Author 1' });
    await user.click(within(row).getByRole('switch', { name: 'Institution' }));
    await user.type(within(row).getByLabelText('Institution name'), 'UN Security Council');
    await user.type(screen.getByLabelText('Document number'), 'S/RES/1851 (2008){Enter}');

    await waitFor(async () => {
      const stored = await app.client.call('sources.get', { id: source.id });
      expect(stored.csl.author).toEqual([{ literal: 'UN Security Council' }]);
      expect(stored.csl.number).toBe('S/RES/1851 (2008)');
    });
  });

  it('shows the server’s refusal of a citekey that is taken, and keeps the old one', async () => {
    const app = startCore();
    await app.client.call('sources.create', { csl: { type: 'book', title: 'Understanding Peacekeeping' }, citekey: 'bellamy2010' });
    const other = await app.client.call('sources.create', { csl: { type: 'book', title: 'War and Peace in Somalia' }, citekey: 'keating2018' });
    const changed = showSource(app, other.id);
    const user = userEvent.setup();

    const citekey = await screen.findByLabelText('Citekey');
    await user.clear(citekey);
    await user.type(citekey, 'bellamy2010{Enter}');
    expect((await screen.findByRole('alert')).textContent).toMatch(/bellamy2010/);
    expect((await app.client.call('sources.get', { id: other.id })).citekey).toBe('keating2018');

    await user.clear(citekey);
    await user.type(citekey, 'keating2018war{Enter}');
    await waitFor(async () => expect((await app.client.call('sources.get', { id: other.id })).citekey).toBe('keating2018war'));
    expect(changed.at(-1)?.citekey).toBe('keating2018war');
  });
});
