import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countConflicts, getConflict, listConflicts, resolveConflict } from '../../main/share/conflicts';
import { getPeer } from '../../main/share/peers';
import { mergeHistory, undoMerge } from '../../main/share/undoMerge';
import { buildNote, tempDir } from './support/builders';
import { canonicalDump, colleagueCopy, mergeInto, newKb, openTestKb, type TestKb } from './support/mergeSupport';
import { buildArticle, buildBook, cite, noteWithFootnotes } from './support/sourceBuilders';

/** Amina's knowledge base with two cases, and Bob's copy of it. */
function amnaAndBob(): { amina: TestKb; bob: TestKb; piracy: string; darfur: string } {
  const amina = newKb(tempDir(), 'amina', 'Amina');
  const piracy = amina.store.cases.create({ title: 'Horn of Africa piracy, 2009', region: 'Horn of Africa' }).id;
  const darfur = amina.store.cases.create({ title: 'UN–AU cooperation in Darfur', summary: 'Hybrid mission.' }).id;
  amina.store.cases.saveNote(piracy, buildNote('Patrols began in 2008.'));
  const bob = colleagueCopy(amina, 'bob', 'Bob');
  return { amina, bob, piracy, darfur };
}

function searchTitles(kb: TestKb, search: string): string[] {
  return kb.store.cases.list({ search, filters: [], sort: [], trash: false, offset: 0, limit: 50 }).rows.map((r) => r.title);
}

describe('merging a colleague’s file', () => {
  it('takes changes made on their side only, keeps changes made on ours, and both files end up the same', async () => {
    const { amina, bob, piracy, darfur } = amnaAndBob();
    amina.store.cases.update(piracy, { title: 'Piracy off Somalia, 2009' });
    bob.store.cases.update(darfur, { summary: 'UNAMID, the hybrid mission.' });
    const aceh = bob.store.cases.create({ title: 'Aceh peace process', region: 'Southeast Asia' }).id;
    bob.store.cases.setTags(aceh, ['mediation']);

    const report = await mergeInto(amina, bob);
    expect(report.mergeId).not.toBeNull();
    expect(report.conflicts).toEqual([]);
    expect(report.added.cases).toBe(1);
    expect(report.updated.cases).toBe(1);
    expect(amina.store.cases.get(darfur).summary).toBe('UNAMID, the hybrid mission.');
    expect(amina.store.cases.get(piracy).title).toBe('Piracy off Somalia, 2009');
    expect(amina.store.cases.get(aceh)).toMatchObject({ title: 'Aceh peace process', tags: ['mediation'], updatedBy: 'Bob' });
    // Search finds what came in with the merge, by its words and its tag.
    expect(searchTitles(amina, 'Aceh')).toEqual(['Aceh peace process']);
    expect(searchTitles(amina, 'mediation')).toEqual(['Aceh peace process']);
    expect(searchTitles(amina, 'UNAMID')).toEqual(['UN–AU cooperation in Darfur']);

    const back = await mergeInto(bob, amina);
    expect(back.conflicts).toEqual([]);
    expect(bob.store.cases.get(piracy).title).toBe('Piracy off Somalia, 2009');
    expect(searchTitles(bob, 'Somalia')).toEqual(['Piracy off Somalia, 2009']);
    expect(canonicalDump(bob.db)).toEqual(canonicalDump(amina.db));
  });

  it('holds a record changed on both sides as a conflict, resolved field by field, and the resolution travels back', async () => {
    const { amina, bob, darfur } = amnaAndBob();
    amina.store.cases.update(darfur, { title: 'Darfur: the UN–AU hybrid', region: 'Sudan' });
    bob.store.cases.update(darfur, { title: 'UNAMID in Darfur', summary: 'From AMIS to UNAMID.', status: 'in_progress' });

    const report = await mergeInto(amina, bob);
    expect(report.conflicts).toEqual([expect.objectContaining({ table: 'cases', kind: 'both-edited', label: 'Darfur: the UN–AU hybrid', caseId: darfur })]);
    // Ours stays in place until the analyst decides.
    expect(amina.store.cases.get(darfur)).toMatchObject({ title: 'Darfur: the UN–AU hybrid', summary: 'Hybrid mission.', region: 'Sudan' });
    expect(countConflicts(amina.db)).toBe(1);

    const conflictId = report.conflicts[0]!.id;
    const detail = getConflict(amina.db, conflictId);
    expect(detail.ours).toMatchObject({ by: 'Amina', deleted: false });
    expect(detail.theirs).toMatchObject({ by: 'Bob', deleted: false });
    const byKey = Object.fromEntries(detail.fields.map((f) => [f.key, f]));
    expect(byKey.title).toMatchObject({ ours: 'Darfur: the UN–AU hybrid', theirs: 'UNAMID in Darfur', differs: true });
    expect(byKey.summary).toMatchObject({ ours: 'Hybrid mission.', theirs: 'From AMIS to UNAMID.', differs: true });
    expect(byKey.region).toMatchObject({ ours: 'Sudan', theirs: '', differs: true });
    expect(byKey.status).toMatchObject({ ours: 'draft', theirs: 'in progress', differs: true });
    expect(byKey.period).toMatchObject({ differs: false });

    expect(resolveConflict(amina.session, conflictId, { title: 'theirs', summary: 'theirs', region: 'ours' })).toEqual({ remaining: 0 });
    expect(amina.store.cases.get(darfur)).toMatchObject({
      title: 'UNAMID in Darfur',
      summary: 'From AMIS to UNAMID.',
      region: 'Sudan',
      status: 'draft',
      updatedBy: 'Amina',
    });
    expect(searchTitles(amina, 'AMIS')).toEqual(['UNAMID in Darfur']);
    expect(listConflicts(amina.db)).toEqual([]);
    expect(() => resolveConflict(amina.session, conflictId, {})).toThrow(/already been resolved/);

    // Bob takes Amina's resolution: it is newer than both versions.
    const back = await mergeInto(bob, amina);
    expect(back.conflicts).toEqual([]);
    expect(bob.store.cases.get(darfur)).toMatchObject({ title: 'UNAMID in Darfur', summary: 'From AMIS to UNAMID.', region: 'Sudan', status: 'draft' });
    expect(canonicalDump(bob.db)).toEqual(canonicalDump(amina.db));
    // And nothing is left to exchange either way.
    expect((await mergeInto(amina, bob)).mergeId).toBeNull();
    expect((await mergeInto(bob, amina)).mergeId).toBeNull();
  });

  it('refuses choices for fields the conflict does not have', async () => {
    const { amina, bob, darfur } = amnaAndBob();
    amina.store.cases.update(darfur, { title: 'A' });
    bob.store.cases.update(darfur, { title: 'B' });
    const [conflict] = (await mergeInto(amina, bob)).conflicts;
    expect(() => resolveConflict(amina.session, conflict!.id, { colour: 'theirs' })).toThrow(/“colour” is not a field of this conflict/);
    expect(countConflicts(amina.db)).toBe(1);
  });

  it('holds a case deleted here and edited there as a conflict; taking theirs brings it back with its note', async () => {
    const { amina, bob, piracy } = amnaAndBob();
    amina.store.cases.trash([piracy]);
    amina.store.cases.purge([piracy]);
    bob.store.cases.update(piracy, { title: 'Piracy and the shipping industry' });

    const report = await mergeInto(amina, bob);
    const conflict = report.conflicts.find((c) => c.table === 'cases');
    expect(conflict).toMatchObject({ kind: 'we-deleted', label: 'Horn of Africa piracy, 2009' });
    expect(searchTitles(amina, 'piracy')).toEqual([]);
    const detail = getConflict(amina.db, conflict!.id);
    expect(detail.fields[0]).toMatchObject({ key: 'deleted', ours: 'deleted', theirs: 'kept', differs: true });
    expect(detail.ours.deleted).toBe(true);

    resolveConflict(amina.session, conflict!.id, { deleted: 'theirs' });
    const back = amina.store.cases.get(piracy);
    expect(back).toMatchObject({ title: 'Piracy and the shipping industry', trashedAt: null, noteText: 'Patrols began in 2008.' });
    expect(searchTitles(amina, 'shipping')).toEqual(['Piracy and the shipping industry']);
  });

  it('holds a case edited here and deleted there as a conflict; taking theirs deletes it', async () => {
    const { amina, bob, piracy } = amnaAndBob();
    amina.store.cases.update(piracy, { summary: 'Naval patrols.' });
    bob.store.cases.trash([piracy]);
    bob.store.cases.purge([piracy]);

    const report = await mergeInto(amina, bob);
    const conflict = report.conflicts.find((c) => c.table === 'cases');
    expect(conflict).toMatchObject({ kind: 'they-deleted' });
    expect(amina.store.cases.get(piracy).summary).toBe('Naval patrols.');

    resolveConflict(amina.session, conflict!.id, { deleted: 'theirs' });
    expect(() => amina.store.cases.get(piracy)).toThrow(/No case/);
    expect(searchTitles(amina, 'patrols')).toEqual([]);
    expect(amina.db.prepare('SELECT deleted_at IS NOT NULL AS gone FROM case_notes WHERE case_id = ?').get(piracy)).toEqual({ gone: 1 });
  });

  it('takes a deletion made on their side only, and two deletions of one record are no conflict', async () => {
    const { amina, bob, piracy, darfur } = amnaAndBob();
    bob.store.cases.trash([darfur]);
    bob.store.cases.purge([darfur]);
    amina.store.cases.trash([piracy]);
    amina.store.cases.purge([piracy]);
    bob.store.cases.trash([piracy]);
    bob.store.cases.purge([piracy]);

    const report = await mergeInto(amina, bob);
    expect(report.conflicts).toEqual([]);
    expect(report.deleted.cases).toBe(1);
    expect(searchTitles(amina, '')).toEqual([]);
    expect(searchTitles(amina, 'Darfur')).toEqual([]);
  });

  it('moves a case to the Trash when they did, like any other change', async () => {
    const { amina, bob, darfur } = amnaAndBob();
    bob.store.cases.trash([darfur]);
    await mergeInto(amina, bob);
    expect(amina.store.cases.get(darfur).trashedAt).not.toBeNull();
    expect(searchTitles(amina, '')).toEqual(['Horn of Africa piracy, 2009']);
  });

  it('merges a source both entered independently into ours, re-pointing their citations and footnotes', async () => {
    const { amina, bob, darfur } = amnaAndBob();
    const ours = amina.store.sources.create(buildArticle({ DOI: '10.1093/ia/85.3.471' }), 'menkhaus2009piracy');
    const theirs = bob.store.sources.create(buildArticle({ DOI: 'https://doi.org/10.1093/IA/85.3.471', title: 'Piracy off the Horn of Africa (preprint)' }), 'menkhaus2009');
    const book = amina.store.sources.create(buildBook(), 'crocker2004');
    const bobsBook = bob.store.sources.create(buildBook({ publisher: 'USIP Press' }), 'crockerTaming');
    bob.store.cases.saveNote(darfur, noteWithFootnotes([cite(theirs.id, { locator: '472' })], [cite(bobsBook.id, { quote: 'ripe for resolution' })]));

    const report = await mergeInto(amina, bob);
    expect(report.duplicates).toEqual(
      expect.arrayContaining([
        { kept: 'menkhaus2009piracy', merged: 'menkhaus2009', title: 'Piracy off the Horn of Africa' },
        { kept: 'crocker2004', merged: 'crockerTaming', title: 'Taming Intractable Conflicts' },
      ]),
    );
    expect(report.added.sources).toBe(0);
    const citekeys = amina.db.prepare('SELECT citekey FROM sources ORDER BY citekey').pluck().all();
    expect(citekeys).toEqual(['crocker2004', 'menkhaus2009piracy']);
    const citations = amina.db.prepare('SELECT source_id AS sourceId, locator FROM citations WHERE case_id = ? ORDER BY locator DESC').all(darfur);
    expect(citations).toEqual([
      { sourceId: ours.id, locator: '472' },
      { sourceId: book.id, locator: '' },
    ]);
    expect(amina.store.sources.get(ours.id).citations.map((c) => c.caseTitle)).toEqual(['UN–AU cooperation in Darfur']);
    const note = JSON.stringify(amina.store.cases.get(darfur).note);
    expect(note).toContain(ours.id);
    expect(note).toContain(book.id);
    expect(note).not.toContain(theirs.id);
    // The quote of a re-pointed citation is searchable in the case.
    expect(searchTitles(amina, 'ripe')).toEqual(['UN–AU cooperation in Darfur']);

    // Bob's later change to his record of the work meets ours through the remembered match. Bob
    // has never seen our record, so it is a question, not an overwrite of our citekey.
    bob.store.sources.update(theirs.id, { csl: buildArticle({ DOI: '10.1093/ia/85.3.471', note: 'Read twice.' }) });
    const again = await mergeInto(amina, bob);
    expect(again.duplicates).toEqual([]);
    expect(again.conflicts).toEqual([expect.objectContaining({ table: 'sources', label: 'menkhaus2009piracy — Piracy off the Horn of Africa' })]);
    const detail = getConflict(amina.db, again.conflicts[0]!.id);
    expect(detail.fields.filter((f) => f.differs).map((f) => f.key)).toEqual(['citekey', 'note']);
    resolveConflict(amina.session, again.conflicts[0]!.id, { note: 'theirs' });
    expect(amina.store.sources.get(ours.id)).toMatchObject({ citekey: 'menkhaus2009piracy', csl: expect.objectContaining({ note: 'Read twice.', DOI: '10.1093/ia/85.3.471' }) });
    expect(amina.db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(2);

    // Once Bob has merged Amina's file, his edits to the work are simply taken.
    await mergeInto(bob, amina);
    bob.store.sources.update(theirs.id, { csl: buildArticle({ DOI: '10.1093/ia/85.3.471', note: 'Read three times.' }) });
    expect((await mergeInto(amina, bob)).conflicts).toEqual([]);
    expect(amina.store.sources.get(ours.id).csl.note).toBe('Read three times.');
  });

  it('gives their source a free citekey when the key names a different source here, and both files agree on it after', async () => {
    const { amina, bob } = amnaAndBob();
    const ours = amina.store.sources.create(buildBook({ title: 'Peacemaking in International Conflict' }), 'smith2001');
    const theirs = bob.store.sources.create(buildArticle({ title: 'Somali Piracy and the Law', author: [{ family: 'Smith', given: 'Ann' }], issued: { 'date-parts': [[2001]] } }), 'smith2001');

    const report = await mergeInto(amina, bob);
    expect(report.duplicates).toEqual([]);
    expect(report.added.sources).toBe(1);
    expect(report.notes).toEqual([expect.stringMatching(/“smith2001” is now “smith2001a”/)]);
    expect(amina.store.sources.get(ours.id).citekey).toBe('smith2001');
    expect(amina.store.sources.get(theirs.id).citekey).toBe('smith2001a');
    expect(amina.store.sources.list({ search: 'smith2001a', sort: [], offset: 0, limit: 10 }).rows.map((r) => r.id)).toEqual([theirs.id]);

    await mergeInto(bob, amina);
    expect(bob.store.sources.get(theirs.id).citekey).toBe('smith2001a');
    expect(bob.store.sources.get(ours.id).citekey).toBe('smith2001');
    expect(canonicalDump(bob.db)).toEqual(canonicalDump(amina.db));
  });

  it('treats a tag or a field created on both sides under the same name as one', async () => {
    const { amina, bob, piracy, darfur } = amnaAndBob();
    amina.store.cases.setTags(piracy, ['Maritime']);
    bob.store.cases.setTags(piracy, ['maritime', 'Somalia']);
    bob.store.cases.setTags(darfur, ['maritime']);
    const ourOutcome = amina.store.fields.create('Outcome', 'text', []);
    const theirOutcome = bob.store.fields.create('outcome', 'text', []);
    const theirCount = bob.store.fields.create('Outcome count', 'number', []);
    amina.store.cases.setValue(darfur, ourOutcome.id, 'Mission deployed');
    bob.store.cases.setValue(piracy, theirOutcome.id, 'Attacks fell');
    bob.store.cases.setValue(darfur, theirCount.id, 3);

    const report = await mergeInto(amina, bob);
    expect(report.conflicts).toEqual([]);
    expect(amina.db.prepare('SELECT count(*) FROM tags WHERE name = ? COLLATE NOCASE').pluck().get('maritime')).toBe(1);
    // The newer of the two spellings wins (the same in both files once they have merged each other).
    expect(amina.store.cases.get(piracy).tags.map((t) => t.toLowerCase()).sort()).toEqual(['maritime', 'somalia']);
    expect(amina.store.cases.get(darfur).tags.map((t) => t.toLowerCase())).toEqual(['maritime']);
    expect(amina.store.fields.list().map((f) => f.name.toLowerCase())).toEqual(['outcome', 'outcome count']);
    expect(amina.store.cases.get(piracy).values).toEqual({ [ourOutcome.id]: 'Attacks fell' });
    expect(amina.store.cases.get(darfur).values).toEqual({ [ourOutcome.id]: 'Mission deployed', [theirCount.id]: 3 });
    expect(searchTitles(amina, 'attacks')).toEqual(['Horn of Africa piracy, 2009']);
  });

  it('carries a tag removed after the two files matched it, using the match their file remembers', async () => {
    const { amina, bob, piracy } = amnaAndBob();
    amina.store.cases.setTags(piracy, ['Shipping']);
    bob.store.cases.setTags(piracy, ['Shipping']);
    await mergeInto(amina, bob);
    // Amina drops the tag before Bob has ever merged her file: Bob's own link must go too.
    amina.store.cases.setTags(piracy, []);
    const report = await mergeInto(bob, amina);
    expect(report.conflicts).toEqual([]);
    expect(bob.store.cases.get(piracy).tags).toEqual([]);
    expect(searchTitles(bob, 'shipping')).toEqual([]);
  });

  it('gives a select field created on both sides the options of both', async () => {
    const { amina, bob, piracy, darfur } = amnaAndBob();
    const ours = amina.store.fields.create('Outcome', 'single_select', ['Success', 'Failure']);
    const theirs = bob.store.fields.create('Outcome', 'single_select', ['Success', 'Stalemate']);
    amina.store.cases.setValue(piracy, ours.id, 'Failure');
    bob.store.cases.setValue(darfur, theirs.id, 'Stalemate');

    await mergeInto(amina, bob);
    expect(amina.store.fields.list()).toEqual([expect.objectContaining({ id: ours.id, options: ['Success', 'Stalemate', 'Failure'] })]);
    expect(amina.store.cases.get(darfur).values).toEqual({ [ours.id]: 'Stalemate' });
    await mergeInto(bob, amina);
    expect(bob.store.fields.list()).toEqual([expect.objectContaining({ id: theirs.id, options: ['Success', 'Stalemate', 'Failure'] })]);
    expect(bob.store.cases.get(piracy).values).toEqual({ [theirs.id]: 'Failure' });
  });

  it('merges settings like any record: taken when changed on their side only, a conflict when changed on both', async () => {
    const { amina, bob } = amnaAndBob();
    bob.store.citationSettings.set({ citationStyle: 'apa' });
    await mergeInto(amina, bob);
    expect(amina.store.citationSettings.get().citationStyle).toBe('apa');

    amina.store.citationSettings.set({ locale: 'en-GB' });
    bob.store.citationSettings.set({ locale: 'fr-FR' });
    const report = await mergeInto(amina, bob);
    expect(report.conflicts).toEqual([expect.objectContaining({ table: 'kb_settings', label: 'Setting “citation.locale”', caseId: null })]);
    resolveConflict(amina.session, report.conflicts[0]!.id, { value: 'theirs' });
    expect(amina.store.citationSettings.get().locale).toBe('fr-FR');
  });

  it('holds two different values of the same field of a case, set on each side, as a conflict', async () => {
    const { amina, bob, darfur } = amnaAndBob();
    const field = amina.store.fields.create('Lesson', 'text', []);
    const copyOfField = amina.store.fields.list()[0]!;
    expect(copyOfField.id).toBe(field.id);
    const bob2 = colleagueCopy(amina, 'bob2', 'Bob');
    amina.store.cases.setValue(darfur, field.id, 'Unity of command matters');
    bob2.store.cases.setValue(darfur, field.id, 'Funding decides');

    const report = await mergeInto(amina, bob2);
    const conflict = report.conflicts.find((c) => c.table === 'case_values');
    expect(conflict).toMatchObject({ kind: 'both-edited', label: '“Lesson” of “UN–AU cooperation in Darfur”', caseId: darfur });
    const detail = getConflict(amina.db, conflict!.id);
    expect(detail.fields).toEqual([{ key: 'value', label: 'Lesson', kind: 'text', ours: 'Unity of command matters', theirs: 'Funding decides', differs: true }]);
    resolveConflict(amina.session, conflict!.id, { value: 'theirs' });
    expect(amina.store.cases.get(darfur).values).toEqual({ [field.id]: 'Funding decides' });
    expect(searchTitles(amina, 'funding')).toEqual(['UN–AU cooperation in Darfur']);
    bob.close();
  });

  it('keeps both versions of a note edited on both sides until the analyst chooses, then syncs its citations', async () => {
    const { amina, bob, piracy } = amnaAndBob();
    const source = amina.store.sources.create(buildArticle(), 'menkhaus2009');
    const bob2 = colleagueCopy(amina, 'bob2', 'Bob');
    amina.store.cases.saveNote(piracy, buildNote('Patrols began in 2008.', 'Amina: insurance costs rose.'));
    const citation = cite(source.id, { locator: '480', quote: 'ransoms' });
    bob2.store.cases.saveNote(piracy, noteWithFootnotes([citation]));

    const report = await mergeInto(amina, bob2);
    const conflict = report.conflicts.find((c) => c.table === 'case_notes');
    expect(conflict).toMatchObject({ kind: 'both-edited', label: 'Note of “Horn of Africa piracy, 2009”', caseId: piracy });
    expect(amina.store.cases.get(piracy).noteText).toBe('Patrols began in 2008.\nAmina: insurance costs rose.');
    const detail = getConflict(amina.db, conflict!.id);
    expect(detail.fields).toEqual([
      { key: 'note', label: 'Note', kind: 'note', ours: 'Patrols began in 2008.\nAmina: insurance costs rose.', theirs: 'Sentence 1.', differs: true },
    ]);

    resolveConflict(amina.session, conflict!.id, { note: 'theirs' });
    expect(amina.store.cases.get(piracy).noteText).toBe('Sentence 1.');
    expect(amina.store.sources.get(source.id).citations).toEqual([expect.objectContaining({ citationId: citation.id, locator: '480', quote: 'ransoms' })]);
    expect(searchTitles(amina, 'ransoms')).toEqual(['Horn of Africa piracy, 2009']);
    bob.close();
  });

  it('changes nothing when the same file is merged twice', async () => {
    const { amina, bob, darfur } = amnaAndBob();
    amina.store.cases.update(darfur, { title: 'Ours' });
    bob.store.cases.update(darfur, { title: 'Theirs' });
    bob.store.cases.create({ title: 'Aceh peace process' });
    bob.store.sources.create(buildBook(), 'crocker2004');

    const first = await mergeInto(amina, bob);
    expect(first.conflicts).toHaveLength(1);
    const after = canonicalDump(amina.db, true);
    const history = mergeHistory(amina.db);

    const second = await mergeInto(amina, bob);
    expect(second).toMatchObject({
      mergeId: null,
      added: { cases: 0, sources: 0, other: 0 },
      updated: { cases: 0, sources: 0, other: 0 },
      deleted: { cases: 0, sources: 0, other: 0 },
      duplicates: [],
      conflicts: [],
    });
    expect(canonicalDump(amina.db, true)).toEqual(after);
    expect(mergeHistory(amina.db)).toEqual(history);
    expect(countConflicts(amina.db)).toBe(1);
  });

  it('replaces the stored version of a pending conflict when they change the record again', async () => {
    const { amina, bob, darfur } = amnaAndBob();
    amina.store.cases.update(darfur, { title: 'Ours' });
    bob.store.cases.update(darfur, { title: 'Theirs' });
    const first = await mergeInto(amina, bob);
    bob.store.cases.update(darfur, { title: 'Theirs, revised' });
    const second = await mergeInto(amina, bob);

    expect(second.conflicts).toHaveLength(1);
    expect(listConflicts(amina.db)).toHaveLength(1);
    const detail = getConflict(amina.db, first.conflicts[0]!.id);
    expect(detail.mergeId).toBe(second.mergeId);
    expect(detail.fields.find((f) => f.key === 'title')).toMatchObject({ ours: 'Ours', theirs: 'Theirs, revised' });
  });

  it('does not silently overwrite a version the other side holds as a pending conflict', async () => {
    const { amina, bob, darfur } = amnaAndBob();
    amina.store.cases.update(darfur, { title: 'Ours' });
    bob.store.cases.update(darfur, { title: 'Theirs' });
    await mergeInto(amina, bob);
    // Amina has not decided yet; Bob merges her file meanwhile and must get the question too.
    const report = await mergeInto(bob, amina);
    expect(report.conflicts).toEqual([expect.objectContaining({ table: 'cases', kind: 'both-edited' })]);
    expect(bob.store.cases.get(darfur).title).toBe('Theirs');
  });

  it('converges: A merges B, resolves, B merges A — the same content on both sides', async () => {
    const { amina, bob, piracy, darfur } = amnaAndBob();
    const field = amina.store.fields.create('Outcome', 'single_select', ['success', 'failure']);
    const bob2 = colleagueCopy(amina, 'bob2', 'Bob');
    bob.close();
    amina.store.cases.update(piracy, { title: 'Piracy, Amina' });
    amina.store.cases.setValue(darfur, field.id, 'success');
    amina.store.cases.create({ title: 'Only Amina' });
    bob2.store.cases.update(piracy, { title: 'Piracy, Bob', summary: 'Bob’s summary' });
    bob2.store.cases.saveNote(darfur, buildNote('Bob’s note on Darfur.'));
    bob2.store.cases.create({ title: 'Only Bob' });
    bob2.store.cases.setTags(piracy, ['shipping']);

    const ab = await mergeInto(amina, bob2);
    expect(ab.conflicts).toHaveLength(1);
    resolveConflict(amina.session, ab.conflicts[0]!.id, { title: 'ours', summary: 'theirs' });
    const ba = await mergeInto(bob2, amina);
    expect(ba.conflicts).toEqual([]);

    expect(canonicalDump(bob2.db)).toEqual(canonicalDump(amina.db));
    expect(bob2.store.cases.get(piracy)).toMatchObject({ title: 'Piracy, Amina', summary: 'Bob’s summary', tags: ['shipping'] });
    expect(searchTitles(bob2, 'Amina').sort()).toEqual(['Only Amina', 'Piracy, Amina']);
    expect((await mergeInto(amina, bob2)).mergeId).toBeNull();
    expect((await mergeInto(bob2, amina)).mergeId).toBeNull();
  });

  it('holds differences of a copy made outside Casebook (same identity) as conflicts instead of overwriting', async () => {
    const { amina, bob, piracy, darfur } = amnaAndBob();
    bob.close();
    const copyPath = join(tempDir(), 'amina-copy.casebook');
    copyFileSync(amina.path, copyPath);
    const copy = openTestKb(copyPath, 'amina-copy', 'Amina on the laptop');
    expect(copy.kbId()).toBe(amina.kbId());
    copy.store.cases.update(piracy, { title: 'Edited on the laptop' });
    copy.store.cases.create({ title: 'New on the laptop' });
    amina.store.cases.update(darfur, { region: 'Sudan' });

    const report = await mergeInto(amina, copy);
    expect(report.notes).toEqual([expect.stringMatching(/copy of this knowledge base made outside Casebook.*no shared history/)]);
    expect(report.added.cases).toBe(1);
    expect(report.updated.cases).toBe(0);
    // Without a shared history nobody can tell which side changed a record: every difference is a question.
    expect(report.conflicts.map((c) => c.caseId).sort()).toEqual([piracy, darfur].sort());
    expect(amina.store.cases.get(piracy).title).toBe('Horn of Africa piracy, 2009');
    expect(amina.store.cases.get(darfur).region).toBe('Sudan');
    // A file is never recorded as its own peer.
    expect(getPeer(amina.db, amina.kbId())).toBeNull();
  });

  it('undoes a merge: records it changed go back, records it brought in go, records changed since stay', async () => {
    const { amina, bob, piracy, darfur } = amnaAndBob();
    bob.store.cases.update(darfur, { summary: 'From Bob.' });
    bob.store.cases.update(piracy, { title: 'Piracy, from Bob' });
    const aceh = bob.store.cases.create({ title: 'Aceh peace process' }).id;
    bob.store.cases.saveNote(aceh, buildNote('Helsinki talks.'));
    const peerBefore = getPeer(amina.db, bob.kbId());

    const report = await mergeInto(amina, bob);
    expect(mergeHistory(amina.db)).toEqual([expect.objectContaining({ id: report.mergeId, peerName: 'bob', undoneAt: null, report })]);
    amina.store.cases.update(piracy, { title: 'Piracy, edited after the merge' });

    const result = undoMerge(amina.session, report.mergeId!);
    expect(result.kept).toEqual(['Piracy, edited after the merge']);
    expect(result.restored).toBeGreaterThanOrEqual(3);
    expect(amina.store.cases.get(darfur).summary).toBe('Hybrid mission.');
    expect(amina.store.cases.get(piracy).title).toBe('Piracy, edited after the merge');
    expect(() => amina.store.cases.get(aceh)).toThrow(/No case/);
    expect(searchTitles(amina, 'Helsinki')).toEqual([]);
    expect(searchTitles(amina, 'Aceh')).toEqual([]);
    expect(getPeer(amina.db, bob.kbId())?.seenUpTo).toBe(peerBefore?.seenUpTo);
    expect(mergeHistory(amina.db)[0]?.undoneAt).not.toBeNull();
    expect(() => undoMerge(amina.session, report.mergeId!)).toThrow(/already undone/);

    // Merging again brings the same changes again.
    const again = await mergeInto(amina, bob);
    expect(again.mergeId).not.toBeNull();
    expect(again.added.cases).toBe(1);
    expect(amina.store.cases.get(aceh).noteText).toBe('Helsinki talks.');
    expect(amina.store.cases.get(darfur).summary).toBe('From Bob.');
  });

  it('keeps a record the merge brought in when records made after the merge use it', async () => {
    const { amina, bob, piracy, darfur } = amnaAndBob();
    bob.store.cases.setTags(darfur, ['Maritime security']);
    const report = await mergeInto(amina, bob);
    amina.store.cases.setTags(piracy, ['Maritime security']);

    const result = undoMerge(amina.session, report.mergeId!);
    expect(result.kept).toEqual(['Tag “Maritime security” (used by records made after the merge)']);
    expect(amina.store.cases.get(darfur).tags).toEqual([]);
    expect(amina.store.cases.get(piracy).tags).toEqual(['Maritime security']);
    expect(searchTitles(amina, 'maritime')).toEqual(['Horn of Africa piracy, 2009']);
  });

  it('undoes only the most recent merge, and drops the conflicts it raised', async () => {
    const { amina, bob, darfur } = amnaAndBob();
    amina.store.cases.update(darfur, { title: 'Ours' });
    bob.store.cases.update(darfur, { title: 'Theirs' });
    const first = await mergeInto(amina, bob);
    bob.store.cases.create({ title: 'Later case' });
    const second = await mergeInto(amina, bob);
    expect(second.mergeId).not.toBeNull();

    expect(() => undoMerge(amina.session, first.mergeId!)).toThrow(/Only the most recent merge can be undone/);
    undoMerge(amina.session, second.mergeId!);
    expect(countConflicts(amina.db)).toBe(1);
    undoMerge(amina.session, first.mergeId!);
    expect(countConflicts(amina.db)).toBe(0);
    expect(amina.store.cases.get(darfur).title).toBe('Ours');
  });

  it('reports progress by phase and rolls everything back when the commit is cancelled', async () => {
    const { amina, bob } = amnaAndBob();
    for (let i = 0; i < 30; i++) bob.store.cases.create({ title: `Case ${i}` });
    const before = canonicalDump(amina.db, true);
    const { preflightTheirs } = await import('../../main/share/preflight');
    const { mergeFrom } = await import('../../main/share/merge');
    const pre = preflightTheirs(bob.path, tempDir());
    const phases = new Set<string>();
    await expect(
      mergeFrom(amina.session, pre, {
        peerName: 'bob',
        backupPath: null,
        onProgress: (phase) => phases.add(phase),
        beforeCommit: () => Promise.reject(new Error('cancelled by the analyst')),
      }),
    ).rejects.toThrow('cancelled by the analyst');
    pre.cleanup();
    expect([...phases]).toEqual(expect.arrayContaining(['reading', 'merging cases', 'indexing', 'finishing']));
    expect(canonicalDump(amina.db, true)).toEqual(before);
    expect(mergeHistory(amina.db)).toEqual([]);
    expect(searchTitles(amina, 'Case')).toEqual([]);
  });

  it('refuses to merge a file into itself', async () => {
    const { amina } = amnaAndBob();
    await expect(mergeInto(amina, amina.path)).rejects.toThrow(/this knowledge base itself/);
  });
});
