import { join } from 'node:path';
import { createHeadlessEditor } from '@lexical/headless';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { LexicalJson } from '../../common/domain/schemas';
import { createKb, openKb } from '../../main/db/openKb';
import { createKbSession } from '../../main/store/kbSession';
import { kbStoreFor } from '../../main/store/kbStore';
import { blocksToLexical, writeKbData } from '../../main/store/writeKbData';
import type { SampleKb } from '../../main/sample/sampleTypes';
import { appWithKb, startApp, tempDir } from './support/builders';

const FIXTURE: SampleKb = {
  fields: [
    { key: 'outcome', name: 'Outcome', type: 'single_select', options: ['success', 'failure'] },
    { key: 'tools', name: 'Mechanisms', type: 'multi_select', options: ['patrols', 'mediation'] },
  ],
  actors: [{ key: 'amisom', name: 'African Union Mission to Somalia', abbreviation: 'AMISOM', kind: 'mission' }],
  cases: [
    {
      title: 'Somalia piracy',
      summary: 'Navies patrolled the Gulf of Aden.',
      periodStart: '2008',
      periodEnd: '2012-12',
      region: 'Horn of Africa',
      status: 'complete',
      tags: ['piracy'],
      actors: [{ actor: 'amisom', role: 'land support' }],
      values: { outcome: 'success', tools: ['patrols'] },
      note: [
        { type: 'heading', level: 2, text: 'Background' },
        { type: 'paragraph', text: 'Attacks **peaked** in *2011*; see [the IMO page](https://www.imo.org/) for data.' },
        { type: 'quote', text: 'Piracy is a symptom.' },
        { type: 'bullets', items: ['CTF-151', 'Atalanta'] },
        { type: 'numbers', items: ['First', 'Second'] },
      ],
    },
  ],
};

function loadInLexical(note: LexicalJson) {
  const editor = createHeadlessEditor({ nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode], onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(note)));
  return editor;
}

describe('writing sample data', () => {
  it('turns blocks into a Lexical document that Lexical itself loads, with formats and links', () => {
    const note = blocksToLexical(FIXTURE.cases[0]!.note);
    const editor = loadInLexical(note);
    const text = editor.getEditorState().read(() => $getRoot().getTextContent());
    expect(text).toContain('Attacks peaked in 2011; see the IMO page for data.');
    const exported = editor.getEditorState().toJSON() as unknown as { root: { children: Record<string, unknown>[] } };
    const [heading, paragraph, quote, bullets, numbers] = exported.root.children;
    expect(heading).toMatchObject({ type: 'heading', tag: 'h2' });
    expect(quote).toMatchObject({ type: 'quote' });
    expect(bullets).toMatchObject({ type: 'list', listType: 'bullet' });
    expect(numbers).toMatchObject({ type: 'list', listType: 'number' });
    expect(paragraph?.children).toEqual([
      expect.objectContaining({ text: 'Attacks ', format: 0 }),
      expect.objectContaining({ text: 'peaked', format: 1 }),
      expect.objectContaining({ text: ' in ', format: 0 }),
      expect.objectContaining({ text: '2011', format: 2 }),
      expect.objectContaining({ text: '; see ', format: 0 }),
      expect.objectContaining({ type: 'link', url: 'https://www.imo.org/', children: [expect.objectContaining({ text: 'the IMO page' })] }),
      expect.objectContaining({ text: ' for data.', format: 0 }),
    ]);
  });

  it('writes fields, actors, cases, tags, values and notes through the services, all searchable', () => {
    const path = join(tempDir(), 'fixture.casebook');
    createKb(path);
    const session = createKbSession(openKb(path), () => 'tester');
    writeKbData(session, FIXTURE);
    const store = kbStoreFor(session);
    const page = store.cases.list({ search: 'atalanta', filters: [], sort: [], trash: false, offset: 0, limit: 10 });
    expect(page.rows).toHaveLength(1);
    const row = page.rows[0]!;
    expect(row).toMatchObject({ title: 'Somalia piracy', tags: ['piracy'], actors: ['AMISOM'], periodEnd: '2012-12', updatedBy: 'tester' });
    expect(Object.values(row.values)).toEqual(['success', ['patrols']]);
    expect(store.cases.get(row.id).caseActors[0]?.role).toBe('land support');
    session.close();
  });

  it('writes nothing when one entry is wrong', () => {
    const path = join(tempDir(), 'broken.casebook');
    createKb(path);
    const session = createKbSession(openKb(path), () => 'tester');
    const broken: SampleKb = { ...FIXTURE, cases: [...FIXTURE.cases, { ...FIXTURE.cases[0]!, title: 'Bad', values: { outcome: 'draw' } }] };
    expect(() => writeKbData(session, broken)).toThrow(/Field “Outcome”: “draw” is not one of its options/);
    const store = kbStoreFor(session);
    expect(store.cases.list({ search: '', filters: [], sort: [], trash: false, offset: 0, limit: 10 }).total).toBe(0);
    expect(store.fields.list()).toEqual([]);
    session.close();
  });

  it('kb.create with sample: true opens a KB whose every note Lexical can load', async () => {
    const app = startApp();
    const kb = await app.call('kb.create', { path: join(app.dir, 'sample.casebook'), sample: true });
    expect(kb.counts.cases).toBeGreaterThan(0);
    const page = await app.call('cases.list', { limit: 500 });
    expect(page.total).toBe(kb.counts.cases);
    for (const row of page.rows) {
      const detail = await app.call('cases.get', { id: row.id });
      expect(detail.noteText.length, row.title).toBeGreaterThan(0);
      expect(() => loadInLexical(detail.note as LexicalJson), row.title).not.toThrow();
    }
  });

  it('an empty knowledge base has no cases', async () => {
    const app = await appWithKb();
    expect((await app.call('kb.current', {}))?.counts.cases).toBe(0);
  });
});
