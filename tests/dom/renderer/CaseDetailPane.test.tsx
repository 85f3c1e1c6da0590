import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CaseDetailPane } from '../../../renderer/src/features/cases/CaseDetailPane';
import { startCore } from './renderWithCore';

describe('CaseDetailPane', () => {
  it('refuses a period that is not a calendar date, then saves a partial date to the file', async () => {
    const app = startCore();
    const created = await app.client.call('cases.create', { title: 'Aceh monitoring mission' });
    const changed: string[] = [];
    app.show(<CaseDetailPane caseId={created.id} readOnly={false} focusRequest={0} onChanged={(d) => changed.push(d.periodStart ?? '')} onClose={() => undefined} />);
    const user = userEvent.setup();

    const start = await screen.findByLabelText('Period start');
    await user.type(start, '2005-02-30');
    await user.tab();
    expect((await screen.findByRole('alert')).textContent).toContain('Period start: 2005-02-30 is not a real calendar date.');
    expect((await app.client.call('cases.get', { id: created.id })).periodStart).toBeNull();

    await user.clear(start);
    await user.type(start, '2005-08{Enter}');
    await waitFor(async () => expect((await app.client.call('cases.get', { id: created.id })).periodStart).toBe('2005-08'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(changed).toContain('2005-08');
  });

  it('adds and removes tags as chips', async () => {
    const app = startCore();
    const created = await app.client.call('cases.create', { title: 'Darfur hybrid mission' });
    app.show(<CaseDetailPane caseId={created.id} readOnly={false} focusRequest={0} onChanged={() => undefined} onClose={() => undefined} />);
    const user = userEvent.setup();

    const input = await screen.findByLabelText('Tags');
    await user.type(input, 'hybrid mission{Enter}');
    await user.type(input, 'UN–AU{Enter}');
    await screen.findByRole('button', { name: 'Remove tag UN–AU' });
    expect((await app.client.call('cases.get', { id: created.id })).tags.sort()).toEqual(['UN–AU', 'hybrid mission'].sort());

    await user.click(screen.getByRole('button', { name: 'Remove tag hybrid mission' }));
    await waitFor(async () => expect((await app.client.call('cases.get', { id: created.id })).tags).toEqual(['UN–AU']));
  });

  it('disables every editor of a read-only knowledge base', async () => {
    const app = startCore();
    const created = await app.client.call('cases.create', { title: 'Bosnia police mission' });
    app.show(<CaseDetailPane caseId={created.id} readOnly focusRequest={0} onChanged={() => undefined} onClose={() => undefined} />);
    expect(((await screen.findByLabelText('Title')) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Status') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Link actor…' })).toBeNull();
  });
});
