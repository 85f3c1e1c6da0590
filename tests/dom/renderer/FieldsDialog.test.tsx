import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FieldsDialog } from '../../../renderer/src/features/fields/FieldsDialog';
import { startCore } from './renderWithCore';

describe('FieldsDialog', () => {
  it('creates a select field with options, reorders it, and deletes a field after confirming', async () => {
    const app = startCore();
    await app.client.call('fields.create', { name: 'Mandate', type: 'text' });
    app.show(<FieldsDialog readOnly={false} onClose={() => undefined} />);
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'New field' });

    await user.type(within(form).getByLabelText('Field name'), 'Outcome');
    await user.selectOptions(within(form).getByLabelText('Field type'), 'Single select');
    await user.type(within(form).getByLabelText('Options (one per line)'), 'Success{Enter}Failure{Enter}Success');
    await user.click(within(form).getByRole('button', { name: 'Add field' }));

    await screen.findByRole('button', { name: 'Move Outcome up' });
    let fields = await app.client.call('fields.list', {});
    expect(fields.map((f) => [f.name, f.type, f.options])).toEqual([
      ['Mandate', 'text', []],
      ['Outcome', 'single_select', ['Success', 'Failure']],
    ]);

    await user.click(screen.getByRole('button', { name: 'Move Outcome up' }));
    await waitFor(async () => expect((await app.client.call('fields.list', {})).map((f) => f.name)).toEqual(['Outcome', 'Mandate']));

    await user.click(screen.getByRole('button', { name: 'Delete field Mandate' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete the field “Mandate”?' });
    expect(confirm.textContent).toContain('Its values will be removed from every case');
    await user.click(within(confirm).getByRole('button', { name: 'Delete field' }));
    await waitFor(async () => expect((await app.client.call('fields.list', {})).map((f) => f.name)).toEqual(['Outcome']));
    fields = await app.client.call('fields.list', {});
    expect(fields).toHaveLength(1);
  });

  it('shows the server’s reason when a field cannot be created', async () => {
    const app = startCore();
    app.show(<FieldsDialog readOnly={false} onClose={() => undefined} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    expect(screen.getByRole('alert').textContent).toContain('Give the new field a name.');
    expect(await app.client.call('fields.list', {})).toEqual([]);
  });
});
