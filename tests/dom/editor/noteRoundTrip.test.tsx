import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act, screen, render, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { CaseDetail, LexicalJson } from '../../../common/domain/schemas';
import { NoteEditor } from '../../../renderer/src/features/editor/NoteEditor';
import { createAppCore } from '../../../main/app/createAppCore';
import type { AppCore } from '../../../main/app/createAppCore';
import { richNote } from './buildNote';
import { placeCaret, selectText } from './editorTestKit';

let dir: string;
let core: AppCore;

async function call<T>(channel: string, input: unknown): Promise<T> {
  const answer = await core.dispatch(channel, input);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as T;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'casebook-editor-'));
  core = createAppCore({ userDataDir: dir, ports: { host: 'browser', dialogs: null, push: () => {} } });
  core.create(join(dir, 'notes.casebook'));
});

afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a note edited in the editor is stored by notes.save and reads back with its text and formatting', async () => {
  const created = await call<CaseDetail>('cases.create', { title: 'AMISOM drawdown' });
  await call('notes.save', { caseId: created.id, note: richNote() });
  const stored = await call<CaseDetail>('cases.get', { id: created.id });

  const user = userEvent.setup();
  const onSave = (note: LexicalJson) => call<{ noteUpdatedAt: string }>('notes.save', { caseId: created.id, note });
  const first = render(<NoteEditor key={created.id} caseId={created.id} initialNote={stored.note} readOnly={false} onSave={onSave} />);
  const editor = screen.getByRole('textbox', { name: 'Case note' });
  await placeCaret(user, editor, within(editor).getByText('No air assets'), 13);
  await user.keyboard(' until 2012');
  await selectText(user, editor, within(editor).getByText('Background'), 0, 10);
  await user.click(screen.getByRole('button', { name: 'Heading 3' }));
  first.unmount();
  await act(() => new Promise((resolve) => setTimeout(resolve, 200)));

  const reread = await call<CaseDetail>('cases.get', { id: created.id });
  expect(reread.noteText).toBe(
    [
      'Background',
      'The mission was under-resourced from the start.',
      'Troop shortfall',
      'No air assets until 2012',
      'Peacekeeping without peace.',
      'See the report.',
    ].join('\n'),
  );

  render(<NoteEditor key="again" caseId={created.id} initialNote={reread.note} readOnly={false} onSave={onSave} />);
  const again = screen.getByRole('textbox', { name: 'Case note' });
  expect(within(again).getByRole('heading', { level: 3, name: 'Background' })).toBeTruthy();
  expect(within(again).getByText('under-resourced').tagName).toBe('STRONG');
  expect(within(again).getByRole('link', { name: 'the report' }).getAttribute('href')).toBe('https://example.org/report');
  expect(screen.queryByRole('alert')).toBeNull();
});
