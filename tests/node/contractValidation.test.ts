import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../common/ipc/channels';
import { appWithKb } from './support/builders';

/**
 * One malformed input per channel and the name the error must mention. A Record over every
 * channel: adding a channel to the contract without a case here fails to compile.
 */
const MALFORMED: Record<InvokeChannel, { input: unknown; names: string }> = {
  'app.info': { input: { verbose: true }, names: 'verbose' },
  'settings.get': { input: { all: 1 }, names: 'all' },
  'settings.set': { input: { displayName: '   ' }, names: 'displayName' },
  'kb.current': { input: { path: 'x' }, names: 'path' },
  'kb.open': { input: { path: 42 }, names: 'path' },
  'kb.create': { input: { path: 'a.casebook', sample: 'yes' }, names: 'sample' },
  'kb.close': { input: { force: true }, names: 'force' },
  'kb.recent': { input: { limit: 3 }, names: 'limit' },
  'dialog.openKb': { input: { title: 'x' }, names: 'title' },
  'dialog.newKb': { input: { title: 'x' }, names: 'title' },
  'dialog.saveFile': { input: { title: 'Export', defaultName: 'x.bib', extensions: ['../etc'] }, names: 'extensions' },
  'cases.list': { input: { limit: 100_000 }, names: 'limit' },
  'cases.get': { input: { id: '' }, names: 'id' },
  'cases.create': { input: { title: '' }, names: 'title' },
  'cases.update': { input: { id: 'x', patch: { periodStart: '2003-13' } }, names: 'patch.periodStart' },
  'cases.setValue': { input: { caseId: 'x', fieldId: 'y', value: { nested: true } }, names: 'value' },
  'cases.setTags': { input: { caseId: 'x', tags: [''] }, names: 'tags.0' },
  'cases.trash': { input: { ids: [] }, names: 'ids' },
  'cases.restore': { input: { ids: 'one' }, names: 'ids' },
  'cases.purge': { input: {}, names: 'ids' },
  'notes.save': { input: { caseId: 'x', note: { root: { type: 'paragraph', children: [] } } }, names: 'note.root.type' },
  'fields.list': { input: { type: 'text' }, names: 'type' },
  'fields.create': { input: { name: 'Outcome', type: 'colour' }, names: 'type' },
  'fields.update': { input: { id: 'x', name: '' }, names: 'name' },
  'fields.reorder': { input: { ids: [1, 2] }, names: 'ids.0' },
  'fields.delete': { input: { id: null }, names: 'id' },
  'tags.list': { input: { query: 'x' }, names: 'query' },
  'actors.list': { input: { query: 7 }, names: 'query' },
  'actors.create': { input: { name: 'AU', kind: 'alliance' }, names: 'kind' },
  'actors.update': { input: { id: 'x', abbreviation: 'A'.repeat(41) }, names: 'abbreviation' },
  'cases.linkActor': { input: { caseId: 'x', actorId: 'y', role: 5 }, names: 'role' },
  'cases.updateActorLink': { input: { linkId: 'x' }, names: 'role' },
  'cases.unlinkActor': { input: { link: 'x' }, names: 'linkId' },
  'views.get': { input: { table: 'sources' }, names: 'table' },
  'views.save': { input: { table: 'cases', layout: { columnOrder: [], hidden: [], sizes: { title: 5 }, sort: [] } }, names: 'layout.sizes.title' },
  'sources.list': { input: { sort: [{ column: 'publisher', desc: false }] }, names: 'sort.0.column' },
  'sources.get': { input: { id: 7 }, names: 'id' },
  'sources.create': { input: { csl: { type: 'book', ['__proto__']: { polluted: true } } }, names: 'csl' },
  'sources.update': { input: { id: 'x', citekey: 'has space' }, names: 'citekey' },
  'sources.delete': { input: {}, names: 'id' },
  'sources.pick': { input: { query: 'crocker', limit: 0 }, names: 'limit' },
  'citations.format': { input: { footnotes: [[{ id: 'x', sourceId: 'y', label: 'folio' }]] }, names: 'footnotes.0.0.label' },
  'styles.list': { input: { all: true }, names: 'all' },
  'kbSettings.get': { input: { key: 'style' }, names: 'key' },
  'kbSettings.set': { input: { citationStyle: 5 }, names: 'citationStyle' },
  'import.preview': { input: { jobId: 'j1', text: 42 }, names: 'text' },
  'import.commit': { input: { jobId: 'j1', previewId: 'p1', onDuplicate: 'overwrite' }, names: 'onDuplicate' },
  'jobs.cancel': { input: { jobId: '' }, names: 'jobId' },
  'styles.add': { input: { fileName: 'x.csl' }, names: 'xml' },
  'styles.remove': { input: { id: 'apa' }, names: 'id' },
  'export.run': { input: { jobId: '019a0000-0000-7000-8000-000000000000', format: 'pdf', scope: { kind: 'kb' } }, names: 'format' },
  'autoExport.get': { input: { path: '/tmp/x.bib' }, names: 'path' },
  'autoExport.set': { input: { setting: { path: '/tmp/x.ris', format: 'ris' } }, names: 'format' },
  'kb.saveCopy': { input: { jobId: '019a0000-0000-7000-8000-000000000000', path: '/tmp/c.casebook', scope: { kind: 'cases', caseIds: [] } }, names: 'caseIds' },
  'kb.localCopy': { input: { jobId: 5 }, names: 'jobId' },
  'merge.run': { input: { jobId: '019a0000-0000-7000-8000-000000000000' }, names: 'path' },
  'merge.history': { input: { all: true }, names: 'all' },
  'merge.conflicts': { input: { caseId: 'x' }, names: 'caseId' },
  'merge.conflict': { input: { id: 7 }, names: 'id' },
  'merge.resolve': { input: { id: '019a0000-0000-7000-8000-000000000000', choices: { title: 'mine' } }, names: 'choices' },
  'merge.undo': { input: {}, names: 'mergeId' },
  'backups.list': { input: { reason: 'daily' }, names: 'reason' },
  'backups.create': { input: { jobId: '' }, names: 'jobId' },
  'backups.preview': { input: { path: '' }, names: 'path' },
  'backups.restore': { input: { path: 3 }, names: 'path' },
};

describe('every channel rejects malformed input', () => {
  for (const channel of INVOKE_CHANNELS) {
    it(`${channel} answers INVALID_INPUT naming ${MALFORMED[channel].names}`, async () => {
      const app = await appWithKb();
      const { input, names } = MALFORMED[channel];
      const answer = await app.send(channel, input);
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      expect(answer.error.code).toBe('INVALID_INPUT');
      expect(answer.error.message.startsWith(`${channel}: `)).toBe(true);
      expect(answer.error.message).toContain(names);
    });
  }

  it('refuses an unknown channel', async () => {
    const app = await appWithKb();
    expect(await app.send('cases.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
