import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CslName } from '../../../common/domain/sources';
import { NamesEditor } from '../../../renderer/src/features/sources/NamesEditor';

/** Renders the editor and keeps every list it saves, as the detail pane would send them. */
function showNames(names: CslName[], refuse?: string) {
  const saves: CslName[][] = [];
  render(
    <NamesEditor
      label="Authors"
      names={names}
      onSave={async (next) => {
        if (refuse) throw new Error(refuse);
        saves.push(next);
      }}
    />,
  );
  return saves;
}

const row = (n: number) => screen.getByRole('group', { name: `Author ${n}` });

describe('NamesEditor', () => {
  it('turns a person into an institution with one literal name', async () => {
    const saves = showNames([{ family: 'Security Council', given: 'UN' }]);
    const user = userEvent.setup();

    await user.click(within(row(1)).getByRole('switch', { name: 'Institution' }));
    const literal = within(row(1)).getByLabelText('Institution name') as HTMLInputElement;
    expect(within(row(1)).queryByLabelText('Family')).toBeNull();
    expect(literal.value).toBe('UN Security Council');
    await waitFor(() => expect(saves.at(-1)).toEqual([{ literal: 'UN Security Council' }]));

    await user.clear(literal);
    await user.type(literal, 'Council of the EU');
    await user.click(document.body);
    await waitFor(() => expect(saves.at(-1)).toEqual([{ literal: 'Council of the EU' }]));
  });

  it('adds, reorders and removes names, saving the list each time and never an empty row', async () => {
    const saves = showNames([{ family: 'Bellamy', given: 'Alex J.' }]);
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Add author' }));
    await user.type(within(row(2)).getByLabelText('Family'), 'Williams');
    await user.type(within(row(2)).getByLabelText('Given'), 'Paul D.');
    await user.type(within(row(2)).getByLabelText('Particle'), ' ');
    await user.click(document.body);
    await waitFor(() =>
      expect(saves.at(-1)).toEqual([
        { family: 'Bellamy', given: 'Alex J.' },
        { family: 'Williams', given: 'Paul D.' },
      ]),
    );

    await user.click(screen.getByRole('button', { name: 'Move Author 2 up' }));
    await waitFor(() => expect(saves.at(-1)?.map((n) => n.family)).toEqual(['Williams', 'Bellamy']));
    expect((within(row(1)).getByLabelText('Family') as HTMLInputElement).value).toBe('Williams');

    // A new row left empty is not saved as a name.
    await user.click(screen.getByRole('button', { name: 'Add author' }));
    await user.click(screen.getByRole('button', { name: 'Remove Author 1' }));
    await waitFor(() => expect(saves.at(-1)).toEqual([{ family: 'Bellamy', given: 'Alex J.' }]));
  });

  it('keeps particles apart from the family name', async () => {
    const saves = showNames([]);
    const user = userEvent.setup();
    expect(screen.getByText('None.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add author' }));
    await user.type(within(row(1)).getByLabelText('Family'), 'Lijn');
    await user.type(within(row(1)).getByLabelText('Given'), 'Jaïr');
    await user.type(within(row(1)).getByLabelText('Particle'), 'van der{Enter}');
    await waitFor(() => expect(saves.at(-1)).toEqual([{ family: 'Lijn', given: 'Jaïr', 'non-dropping-particle': 'van der' }]));
  });

  it('shows the server’s refusal under the names', async () => {
    showNames([{ family: 'Kraska', given: 'James' }], 'a name needs a family name or a literal (institutional) name');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Remove Author 1' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Authors: a name needs a family name or a literal (institutional) name');
  });
});
