import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type CasebookClient } from '../../common/ipc/client';
import { newId } from '../../common/ids';
import { createAppCore, type AppCore } from '../../main/app/createAppCore';
import { BackupsDialog } from '../../renderer/src/features/share/BackupsDialog';
import { ConflictReviewDialog } from '../../renderer/src/features/share/ConflictReviewDialog';
import { MergeDialog } from '../../renderer/src/features/share/MergeDialog';
import { SaveCopyDialog } from '../../renderer/src/features/share/SaveCopyDialog';
import { SettingsDialog } from '../../renderer/src/features/share/SettingsDialog';
import { ShareBanners } from '../../renderer/src/features/share/ShareBanners';
import { startCore, type CoreHarness } from './renderer/renderWithCore';

// Copies, merges and backups run in a job process.
const JOB = { timeout: 30_000 };

const started: { core: AppCore; dir: string }[] = [];
afterEach(() => {
  for (const c of started.splice(0)) {
    c.core.close();
    rmSync(c.dir, { recursive: true, force: true, maxRetries: 3 });
  }
});

/** A colleague's app on their own copy of the knowledge base, signed with their name. */
async function colleagueOn(kbPath: string, displayName: string): Promise<{ client: CasebookClient; close(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-dom-colleague-'));
  const core = createAppCore({ userDataDir: dir, ports: { host: 'browser', dialogs: null, push() {} }, dailyBackups: false });
  started.push({ core, dir });
  core.open(kbPath);
  const client = createClient({ invoke: (channel, input) => core.dispatch(channel, input), on: () => () => undefined });
  await client.call('settings.set', { displayName });
  return { client, close: () => core.close() };
}

/** The live region whose whole text matches (its text may run across several elements). */
function findStatus(container: HTMLElement, text: RegExp): Promise<HTMLElement> {
  return waitFor(
    () => {
      const found = within(container)
        .getAllByRole('status')
        .find((el) => text.test(el.textContent ?? ''));
      if (!found) throw new Error(`no status matching ${text}`);
      return found;
    },
    { timeout: JOB.timeout },
  );
}

const kbOf = (app: CoreHarness) => ({ name: 'test', path: app.kbPath, readOnly: false, readOnlyReason: null, counts: { cases: 2, sources: 0 } });

/**
 * Our knowledge base with two cases, a copy of it edited by Bea (the piracy case's title and
 * summary, the Darfur case's summary), and our own edit of the piracy case's summary since.
 */
async function prepareConflict(app: CoreHarness) {
  await app.client.call('settings.set', { displayName: 'Ann Analyst' });
  const piracy = await app.client.call('cases.create', { title: 'Horn of Africa piracy, 2009', summary: 'Shared summary' });
  const darfur = await app.client.call('cases.create', { title: 'UN–AU cooperation in Darfur' });
  const theirs = join(dirname(app.kbPath), 'bea.casebook');
  await app.client.call('kb.saveCopy', { jobId: newId(), path: theirs, scope: { kind: 'all' } });
  const bea = await colleagueOn(theirs, 'Bea Keller');
  await bea.client.call('cases.update', { id: piracy.id, patch: { title: 'Horn of Africa piracy, 2008–2011', summary: 'Their summary' } });
  await bea.client.call('cases.update', { id: darfur.id, patch: { summary: 'UNAMID, the hybrid mission' } });
  bea.close();
  await app.client.call('cases.update', { id: piracy.id, patch: { summary: 'Our summary' } });
  return { piracy, darfur, theirs };
}

describe('SettingsDialog', () => {
  it('shows the name changes are signed with, refuses an empty one, and saves a new one', async () => {
    const app = startCore();
    await app.client.call('settings.set', { displayName: 'Ann' });
    const saved: string[] = [];
    app.show(<SettingsDialog onClose={() => undefined} onSaved={(name) => saved.push(name)} />);
    const user = userEvent.setup();

    const field = (await screen.findByDisplayValue('Ann')) as HTMLInputElement;
    expect(field).toBe(screen.getByLabelText('Your name'));
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.getByText(/Last changed by/).textContent).toContain('Shown on every record you change');

    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe('Type the name colleagues should see on your changes.');

    await user.type(field, 'Ann Analyst{Enter}');
    await waitFor(() => expect(saved).toEqual(['Ann Analyst']));
    expect((await app.client.call('settings.get', {})).displayName).toBe('Ann Analyst');
  });
});

describe('SaveCopyDialog', () => {
  it('copies the selected cases and reports the checked copy', async () => {
    const app = startCore();
    const piracy = await app.client.call('cases.create', { title: 'Horn of Africa piracy, 2009' });
    await app.client.call('cases.create', { title: 'UN–AU cooperation in Darfur' });
    const closed: string[] = [];
    app.show(<SaveCopyDialog kb={kbOf(app)} purpose="colleague" caseIds={[piracy.id]} onClose={() => closed.push('closed')} />);
    const user = userEvent.setup();
    const dialog = screen.getByRole('dialog', { name: 'Export for a Colleague' });
    const what = within(dialog).getByRole('group', { name: 'What' });

    expect((within(what).getByRole('radio', { name: 'Selected cases (1) with the sources they cite' }) as HTMLInputElement).checked).toBe(true);
    expect(within(what).getByRole('radio', { name: /^The whole knowledge base \(2 cases, 0 sources\)$/ })).toBeTruthy();
    const path = (await within(dialog).findByLabelText('Save to (full path)')) as HTMLInputElement;
    expect(path.value).toBe(join(dirname(app.kbPath), 'test for a colleague.casebook'));

    const target = join(dirname(app.kbPath), 'for-bea');
    await user.clear(path);
    await user.type(path, target);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const saved = await findStatus(dialog, /^Saved to /);
    expect(saved.textContent).toBe(`Saved to ${target}.casebook`);
    expect(dialog.textContent).toMatch(/Saved and checked \(quick_check\): 1 case, 0 sources, [\d.]+ (bytes|KB|MB)\./);
    expect(existsSync(`${target}.casebook`)).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(closed).toEqual(['closed']);
  }, 60_000);

  it('asks before replacing an existing file, and Back leaves it alone', async () => {
    const app = startCore();
    const target = join(dirname(app.kbPath), 'existing.casebook');
    writeFileSync(target, 'keep me');
    app.show(<SaveCopyDialog kb={kbOf(app)} purpose="copy" caseIds={[]} onClose={() => undefined} />);
    const user = userEvent.setup();
    const dialog = screen.getByRole('dialog', { name: 'Save a Copy' });

    expect((within(dialog).getByRole('radio', { name: 'Selected cases (none is selected)' }) as HTMLInputElement).disabled).toBe(true);
    const path = (await within(dialog).findByLabelText('Save to (full path)')) as HTMLInputElement;
    await user.clear(path);
    await user.type(path, target);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await within(dialog).findByText(/already exists/, undefined, JOB)).textContent).toContain('“existing.casebook” already exists');
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(within(dialog).getByLabelText('Save to (full path)')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Replace' }, JOB));
    await findStatus(dialog, /^Saved to /);
    expect(dialog.textContent).toContain('Saved and checked (quick_check): 0 cases, 0 sources');
  }, 60_000);
});

describe('MergeDialog', () => {
  it('explains first, refuses a damaged file with the reason, and says nothing was merged', async () => {
    const app = startCore();
    const damaged = join(dirname(app.kbPath), 'from-bea.casebook');
    writeFileSync(damaged, 'not a knowledge base');
    app.show(<MergeDialog kb={kbOf(app)} onClose={() => undefined} onChanged={() => undefined} onReviewConflicts={() => undefined} />);
    const user = userEvent.setup();
    const dialog = screen.getByRole('dialog', { name: 'Merge from File' });

    expect(dialog.textContent).toContain('Their file is not changed.');
    expect(dialog.textContent).toContain('a backup of your knowledge base is taken and checked');
    expect(await within(dialog).findByText('No merges yet.')).toBeTruthy();
    const merge = within(dialog).getByRole('button', { name: 'Merge' }) as HTMLButtonElement;
    expect(merge.disabled).toBe(true);

    await user.type(await within(dialog).findByLabelText('Colleague’s file (full path)'), damaged);
    await user.click(merge);
    const alert = await within(dialog).findByRole('alert', undefined, JOB);
    expect(alert.textContent).toContain('from-bea.casebook');
    expect(alert.textContent).toContain('Nothing was merged');
    expect(within(dialog).queryByRole('region', { name: 'Merge report' })).toBeNull();
  }, 60_000);

  it('starts with the path of a file dropped on the window (Electron), ready to merge', async () => {
    const app = startCore();
    const dropped = join(dirname(app.kbPath), 'from-bea.casebook');
    app.show(<MergeDialog kb={kbOf(app)} initialPath={dropped} onClose={() => undefined} onChanged={() => undefined} onReviewConflicts={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Merge from File' });
    const field = (await within(dialog).findByLabelText('Colleague’s file (full path)')) as HTMLInputElement;
    expect(field.value).toBe(dropped);
    expect((within(dialog).getByRole('button', { name: 'Merge' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('reports what a merge took in, offers the conflicts for review, and undoes it after confirming', async () => {
    const app = startCore();
    const { darfur, theirs } = await prepareConflict(app);
    const events: string[] = [];
    app.show(
      <MergeDialog
        kb={kbOf(app)}
        onClose={() => events.push('closed')}
        onChanged={() => events.push('changed')}
        onReviewConflicts={() => events.push('review')}
      />,
    );
    const user = userEvent.setup();
    const dialog = screen.getByRole('dialog', { name: 'Merge from File' });

    await user.type(await within(dialog).findByLabelText('Colleague’s file (full path)'), theirs);
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    const report = await within(dialog).findByRole('region', { name: 'Merge report' }, JOB);
    expect(within(report).getByRole('status').textContent).toMatch(/^From .+: .*1 conflict to review\.$/);
    const updated = within(report).getByRole('row', { name: /^Updated/ });
    expect(within(updated).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0', '0']);
    expect(report.textContent).toContain('1 record changed on both sides waits for your review');
    expect(report.textContent).toMatch(/backed up \(and the backup checked\) before the merge: \S+\.casebook/);
    expect(events).toEqual(['changed']);
    expect((await app.client.call('cases.get', { id: darfur.id })).summary).toBe('UNAMID, the hybrid mission');

    await user.click(within(dialog).getByRole('button', { name: 'Review conflicts (1)' }));
    expect(events).toEqual(['changed', 'review']);

    await user.click(within(dialog).getByRole('button', { name: 'Undo merge…' }));
    expect(within(dialog).getByText(/^Undo the merge from /)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Undo merge' }));
    expect((await within(dialog).findByText(/^Undid the merge from /, undefined, JOB)).textContent).toMatch(/^Undid the merge from .+\.$/);
    expect(dialog.textContent).toMatch(/went back to what (it was|they were) before the merge/);
    expect(events).toEqual(['changed', 'review', 'changed']);
    expect((await app.client.call('cases.get', { id: darfur.id })).summary).toBe('');

    // The history says it was undone, and offers no second undo.
    await user.click(within(dialog).getByRole('button', { name: 'Merge another file…' }));
    const history = await within(dialog).findByRole('region', { name: 'Earlier merges' });
    await waitFor(() => expect(history.textContent).toMatch(/Undone /));
    expect(within(history).queryByRole('button', { name: /^Undo/ })).toBeNull();
  }, 90_000);

  it('turns merging off in a read-only knowledge base and says why', async () => {
    const app = startCore();
    app.show(
      <MergeDialog
        kb={{ name: 'test', readOnly: true, readOnlyReason: 'It is open in another Casebook window.' }}
        onClose={() => undefined}
        onChanged={() => undefined}
        onReviewConflicts={() => undefined}
      />,
    );
    const user = userEvent.setup();
    const dialog = screen.getByRole('dialog', { name: 'Merge from File' });
    await user.type(await within(dialog).findByLabelText('Colleague’s file (full path)'), '/tmp/x.casebook');
    const merge = within(dialog).getByRole('button', { name: 'Merge' }) as HTMLButtonElement;
    expect(merge.disabled).toBe(true);
    expect(merge.title).toBe('Read-only: It is open in another Casebook window.');
    const reason = document.getElementById(merge.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe('Read-only: It is open in another Casebook window.');
  });
});

describe('ConflictReviewDialog', () => {
  it('says when there is nothing to review', async () => {
    const app = startCore();
    app.show(<ConflictReviewDialog kb={kbOf(app)} onClose={() => undefined} onResolved={() => undefined} />);
    expect((await screen.findByText('No conflicts to review')).getAttribute('role')).toBe('status');
    expect(screen.getByText(/Conflicts appear here when a merge finds records/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
  });

  it('shows both sides of a conflicting case, takes their title and keeps our summary', async () => {
    const app = startCore();
    const { piracy, theirs } = await prepareConflict(app);
    await app.client.call('merge.run', { jobId: newId(), path: theirs });
    let resolved = 0;
    app.show(<ConflictReviewDialog kb={kbOf(app)} onClose={() => undefined} onResolved={() => resolved++} />);
    const user = userEvent.setup();
    const dialog = screen.getByRole('dialog', { name: 'Review Conflicts' });

    const list = await within(dialog).findByRole('listbox', { name: 'Conflicts' });
    await waitFor(() => expect(document.activeElement).toBe(list));
    const group = within(list).getByRole('group', { name: 'Horn of Africa piracy, 2009' });
    const option = within(group).getByRole('option');
    expect(option.getAttribute('aria-selected')).toBe('true');
    expect(option.textContent).toContain('both edited');

    const detail = await within(dialog).findByRole('region', { name: 'Horn of Africa piracy, 2009' });
    expect(detail.textContent).toContain('You and they both edited this case.');
    const headers = within(detail).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers[0]).toBe('Field');
    expect(headers[1]).toMatch(/^Yours \(Ann Analyst, /);
    expect(headers[2]).toMatch(/^Theirs \(Bea Keller, /);
    const titleRow = within(detail).getByRole('rowheader', { name: 'Title' }).closest('tr') as HTMLElement;
    expect(titleRow.textContent).toContain('Horn of Africa piracy, 2008–2011');
    expect((within(detail).getByRole('radio', { name: 'Title: keep yours' }) as HTMLInputElement).checked).toBe(true);
    expect((within(detail).getByRole('radio', { name: 'Summary: keep yours' }) as HTMLInputElement).checked).toBe(true);
    expect(within(detail).getByText(/^\d+ fields? agrees?$/)).toBeTruthy();

    await user.click(within(detail).getByRole('radio', { name: 'Title: take theirs' }));
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await within(dialog).findByText('No conflicts to review', undefined, JOB)).toBeTruthy();
    expect(within(dialog).getByText(/^Resolved “.+”\. No conflicts remain\.$/)).toBeTruthy();
    expect(resolved).toBe(1);
    const after = await app.client.call('cases.get', { id: piracy.id });
    expect([after.title, after.summary]).toEqual(['Horn of Africa piracy, 2008–2011', 'Our summary']);
  }, 90_000);
});

describe('BackupsDialog', () => {
  it('backs up now, then shows what a restore would lose before anything is replaced', async () => {
    const app = startCore();
    await app.client.call('cases.create', { title: 'Horn of Africa piracy, 2009' });
    app.show(<BackupsDialog kb={kbOf(app)} onClose={() => undefined} onRestored={() => undefined} />);
    const user = userEvent.setup();
    const dialog = screen.getByRole('dialog', { name: 'Backups' });

    await user.click(within(dialog).getByRole('button', { name: 'Back up now' }));
    expect((await within(dialog).findByText(/^Backed up and checked: /, undefined, JOB)).textContent).toMatch(/, [\d.]+ (bytes|KB|MB)\.$/);
    const mine = within(dialog).getAllByRole('row').filter((r) => within(r).queryByRole('cell', { name: 'Backed up by you' }));
    expect(mine).toHaveLength(1);

    await app.client.call('cases.create', { title: 'UN–AU cooperation in Darfur' });
    await user.click(within(mine[0] as HTMLElement).getByRole('button', { name: /^Restore the backup of / }));
    const heading = await within(dialog).findByRole('heading', { name: /^Restore the backup of / }, JOB);
    expect(heading).toBeTruthy();
    expect(dialog.textContent).toContain('1 case changed or created since this backup will be lost: “UN–AU cooperation in Darfur”.');
    expect(dialog.textContent).toContain('A backup of the current state is taken first');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(dialog).getByRole('button', { name: 'Back up now' })).toBeTruthy();
    expect((await app.client.call('cases.list', {})).total).toBe(2);
  }, 60_000);
});

describe('ShareBanners', () => {
  it('offers the conflicts waiting for review, and warns about a cloud-sync folder until dismissed', async () => {
    const app = startCore();
    const kb = app.core.current();
    if (!kb) throw new Error('no knowledge base open');
    const reviews: string[] = [];
    app.show(<ShareBanners kb={{ ...kb, conflicts: 2, cloudFolder: 'Dropbox' }} onReview={() => reviews.push('review')} onLocalCopy={() => undefined} />);
    const user = userEvent.setup();

    const conflicts = screen.getByText('2 merge conflicts wait for review.').closest('[role="status"]') as HTMLElement;
    await user.click(within(conflicts).getByRole('button', { name: 'Review' }));
    expect(reviews).toEqual(['review']);

    const warning = screen.getByRole('region', { name: 'Cloud sync warning' });
    expect(warning.textContent).toContain('This knowledge base is in a Dropbox folder. Sync services can corrupt or fork a file that is open');
    expect(within(warning).getByRole('button', { name: 'Work on a local copy' })).toBeTruthy();
    await user.click(within(warning).getByRole('button', { name: /^Dismiss/ }));
    expect(screen.queryByRole('region', { name: 'Cloud sync warning' })).toBeNull();
  });
});

describe('the cloud-sync warning', () => {
  it('works on a local copy: the file is copied out of the Dropbox folder and the copy is opened', async () => {
    const app = startCore({ folder: 'Dropbox' });
    await app.client.call('cases.create', { title: 'Horn of Africa piracy, 2009' });
    const kb = app.core.current();
    if (!kb) throw new Error('no knowledge base open');
    expect(kb.cloudFolder).toBe('Dropbox');
    const opened: string[] = [];
    app.show(<ShareBanners kb={kb} onReview={() => undefined} onLocalCopy={(info, service) => opened.push(`${service}: ${info.path}`)} />);
    const user = userEvent.setup();

    await user.click(within(screen.getByRole('region', { name: 'Cloud sync warning' })).getByRole('button', { name: 'Work on a local copy' }));
    const local = join(dirname(dirname(app.kbPath)), 'Documents', 'Casebook', 'test.casebook');
    await waitFor(() => expect(opened).toEqual([`Dropbox: ${local}`]), JOB);
    expect(app.core.current()?.path).toBe(local);
    expect(app.core.current()?.cloudFolder).toBeNull();
    expect((await app.client.call('cases.list', {})).rows.map((r) => r.title)).toEqual(['Horn of Africa piracy, 2009']);
    expect(existsSync(app.kbPath)).toBe(true);
  }, 60_000);
});
