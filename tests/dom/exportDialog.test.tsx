import { dirname, join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExportDialog } from '../../renderer/src/features/export/ExportDialog';
import type { CaseSelection } from '../../renderer/src/features/export/exportChoices';
import { startCore, type CoreHarness } from './renderer/renderWithCore';

function showExport(app: CoreHarness, selection: CaseSelection, closed: string[] = []) {
  app.show(<ExportDialog kb={{ name: 'test', path: app.kbPath, readOnly: false }} selection={selection} onClose={() => closed.push('closed')} />);
  return closed;
}

const dialog = () => screen.getByRole('dialog', { name: 'Export' });
const radio = (group: string, name: string | RegExp) => within(within(dialog()).getByRole('group', { name: group })).getByRole('radio', { name });

describe('ExportDialog', () => {
  it('starts from the selection, turns the style off for data formats, and asks where to save where there is no save dialog', async () => {
    const app = startCore();
    const piracy = await app.client.call('cases.create', { title: 'Horn of Africa piracy, 2009' });
    const psi = await app.client.call('cases.create', { title: 'Proliferation Security Initiative, 2003' });
    for (const c of [piracy, psi]) await app.client.call('cases.setTags', { caseId: c.id, tags: ['maritime'] });
    showExport(app, { caseIds: [piracy.id, psi.id], openCaseId: piracy.id });
    const user = userEvent.setup();

    expect((radio('What', 'Selected cases (2)') as HTMLInputElement).checked).toBe(true);
    expect(await within(dialog()).findByRole('radio', { name: 'The open case: Horn of Africa piracy, 2009' })).toBeTruthy();
    expect((radio('Sources', 'Sources cited in these cases') as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect((within(dialog()).getByLabelText('Tag') as HTMLSelectElement).value).toBe('maritime'));

    // The whole knowledge base exports every source by default.
    await user.click(radio('What', 'The whole knowledge base'));
    expect((radio('Sources', 'All sources in the knowledge base') as HTMLInputElement).checked).toBe(true);

    await user.click(radio('Format', 'BibTeX (.bib)'));
    expect((within(dialog()).getByLabelText('Style') as HTMLSelectElement).disabled).toBe(true);
    expect((within(dialog()).getByLabelText('Locale') as HTMLSelectElement).disabled).toBe(true);
    expect(within(dialog()).getByRole('button', { name: 'Copy' })).toBeTruthy();

    await user.click(radio('Format', 'Word document with footnotes (.docx)'));
    expect((within(dialog()).getByLabelText('Style') as HTMLSelectElement).disabled).toBe(false);
    expect(within(dialog()).queryByRole('button', { name: 'Copy' })).toBeNull();

    await user.click(radio('What', /^Selected cases/));
    await user.click(within(dialog()).getByRole('button', { name: 'Export…' }));
    const path = (await within(dialog()).findByLabelText('Save to (full path)')) as HTMLInputElement;
    expect(path.value).toBe(join(dirname(app.kbPath), '2 cases.docx'));
    await waitFor(() => expect(document.activeElement).toBe(path));
    await user.click(within(dialog()).getByRole('button', { name: 'Back' }));
    expect(within(dialog()).getByRole('button', { name: 'Export…' })).toBeTruthy();
  });

  it('explains a style without a bibliography and shows why a .csl file was refused', async () => {
    const app = startCore();
    const closed = showExport(app, { caseIds: [], openCaseId: null });
    const user = userEvent.setup();

    expect((radio('What', /^Selected cases/) as HTMLInputElement).disabled).toBe(true);
    expect((radio('What', 'The whole knowledge base') as HTMLInputElement).checked).toBe(true);
    await user.click(radio('Format', 'Web page (.html)'));
    const find = within(dialog()).getByRole('searchbox', { name: 'Find a style' });
    await waitFor(() => expect((find as HTMLInputElement).disabled).toBe(false), { timeout: 20_000 });
    await user.type(find, 'international affairs');
    expect((within(dialog()).getByLabelText('Style') as HTMLSelectElement).value).toBe('international-affairs');
    expect(within(dialog()).getByRole('note').textContent).toBe('International Affairs has no bibliography; the dossier will have footnotes only.');

    await user.click(radio('Format', 'Bibliography (HTML, text or RTF)'));
    expect(within(dialog()).getByRole('note').textContent).toBe('International Affairs has no bibliography: choose another style to export one.');
    expect((within(dialog()).getByRole('button', { name: 'Export…' }) as HTMLButtonElement).disabled).toBe(true);

    const bad = new File(['<style><info><title>Nothing</title></info></style>'], 'nothing.csl', { type: 'application/xml' });
    await user.upload(within(dialog()).getByLabelText('Style file (.csl)'), bad);
    expect((await within(dialog()).findByRole('alert')).textContent).toContain('nothing.csl');

    await user.keyboard('{Escape}');
    expect(closed).toEqual(['closed']);
  }, 60_000);
});
