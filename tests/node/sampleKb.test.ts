import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { LexicalJson } from '../../common/domain/schemas';
import { CslItem } from '../../common/domain/sources';
import { collectFootnotes } from '../../common/editor/footnotes';
import { noteToPlainText } from '../../common/editor/noteText';
import { newId } from '../../common/ids';
import { createKb, openKb } from '../../main/db/openKb';
import { readKbCounts } from '../../main/store/kbCounts';
import { createKbSession } from '../../main/store/kbSession';
import { kbStoreFor } from '../../main/store/kbStore';
import { blocksToLexical, sampleFootnotes, writeKbData } from '../../main/store/writeKbData';
import { SAMPLE_KB } from '../../main/sample/sampleData';
import type { SampleKb, SampleSource } from '../../main/sample/sampleTypes';
import { EDITOR_NODES } from '../../renderer/src/features/editor/editorNodes';
import { $isFootnoteNode } from '../../renderer/src/features/footnotes/FootnoteNode';
import { appWithKb, startApp, tempDir } from './support/builders';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = join(ROOT, '../shared/corpus');

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

const PIRACY_SOURCE: SampleSource = {
  key: 'res1851',
  citekey: 'unsc2008res1851',
  csl: { type: 'document', title: 'Resolution 1851 (2008)', author: [{ literal: 'UN Security Council' }], number: 'S/RES/1851 (2008)', issued: { 'date-parts': [[2008, 12, 16]] } },
};

/** The fixture with one source and a note whose paragraph, quote and list item carry footnotes. */
const CITED: SampleKb = {
  ...FIXTURE,
  sources: [PIRACY_SOURCE],
  cases: [
    {
      ...FIXTURE.cases[0]!,
      note: [
        { type: 'paragraph', text: 'The Council backed the patrols.[^a] Kenya **prosecuted**[^b] suspects.' },
        { type: 'quote', text: 'a common point of contact[^q]' },
        { type: 'bullets', items: ['Shipriders on board.[^c]'] },
      ],
      footnotes: {
        a: [{ source: 'res1851', locator: '1', label: 'paragraph', prefix: 'see' }],
        b: [{ source: 'res1851' }],
        q: [{ source: 'res1851', locator: '6', label: 'paragraph', quote: 'a common point of contact' }],
        c: [{ source: 'res1851', locator: '3', label: 'paragraph', suffix: 'on shiprider arrangements' }],
      },
    },
  ],
};

/** Loads a note with the node classes the app's editor registers (footnotes included). */
function loadInLexical(note: LexicalJson) {
  const editor = createHeadlessEditor({ nodes: [...EDITOR_NODES], onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(note)));
  return editor;
}

function newSession(name: string) {
  const path = join(tempDir(), name);
  createKb(path);
  return createKbSession(openKb(path), () => 'tester');
}

/** The sample's notes as Lexical JSON, with source ids standing in for written sources. */
function sampleNotes() {
  const ids = new Map((SAMPLE_KB.sources ?? []).map((s) => [s.key, newId()]));
  return SAMPLE_KB.cases.map((c) => {
    const footnotes = sampleFootnotes(c, ids);
    const note = blocksToLexical(c.note, footnotes.lookup);
    return { c, note, unused: footnotes.unused(), ids };
  });
}

function flatten(s: string): string {
  return s.replace(/-\s*\n\s*/g, '-').replace(/\s+/g, ' ');
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
    const broken: SampleKb = { ...CITED, cases: [...CITED.cases, { ...FIXTURE.cases[0]!, title: 'Bad', values: { outcome: 'draw' } }] };
    expect(() => writeKbData(session, broken)).toThrow(/Field “Outcome”: “draw” is not one of its options/);
    expect(readKbCounts(session.db)).toMatchObject({ sources: 0, citations: 0 });
    const store = kbStoreFor(session);
    expect(store.cases.list({ search: '', filters: [], sort: [], trash: false, offset: 0, limit: 10 }).total).toBe(0);
    expect(store.fields.list()).toEqual([]);
    session.close();
  });

  it('kb.create with sample: true opens a KB whose every note Lexical can load', async () => {
    const app = startApp();
    const kb = await app.call('kb.create', { path: join(app.dir, 'sample.casebook'), sample: true });
    expect(kb.counts.cases).toBeGreaterThan(0);
    expect(kb.counts.sources).toBe(SAMPLE_KB.sources?.length);
    expect(kb.counts.citations).toBeGreaterThanOrEqual(60);
    const page = await app.call('cases.list', { limit: 500 });
    expect(page.total).toBe(kb.counts.cases);
    for (const row of page.rows) {
      const detail = await app.call('cases.get', { id: row.id });
      expect(detail.noteText.length, row.title).toBeGreaterThan(0);
      expect(detail.noteText, row.title).not.toContain('[^');
      expect(() => loadInLexical(detail.note as LexicalJson), row.title).not.toThrow();
    }
  });

  it('an empty knowledge base has no cases', async () => {
    const app = await appWithKb();
    expect((await app.call('kb.current', {}))?.counts.cases).toBe(0);
  });
  it('puts a footnote node where each [^name] marker was, after the text before it', () => {
    const note = blocksToLexical(CITED.cases[0]!.note, sampleFootnotes(CITED.cases[0]!, new Map([['res1851', newId()]])).lookup);
    const [paragraph, quote] = (note.root as unknown as { children: { children: Record<string, unknown>[] }[] }).children;
    expect(paragraph?.children.map((n) => n.type === 'footnote' ? '^' : n.text)).toEqual(['The Council backed the patrols.', '^', ' Kenya ', 'prosecuted', '^', ' suspects.']);
    expect(quote?.children.map((n) => n.type)).toEqual(['text', 'footnote']);
    expect(noteToPlainText(note)).toBe('The Council backed the patrols. Kenya prosecuted suspects.\na common point of contact\nShipriders on board.');
    const footnotes = collectFootnotes(note);
    expect(footnotes.map((f) => f.number)).toEqual([1, 2, 3, 4]);
    expect(footnotes[0]?.citations[0]).toMatchObject({ locator: '1', label: 'paragraph', prefix: 'see', suffix: '', quote: '' });
    expect(footnotes[2]?.citations[0]).toMatchObject({ quote: 'a common point of contact' });
    expect(new Set(footnotes.flatMap((f) => f.citations.map((c) => c.id))).size).toBe(4);
    const editor = loadInLexical(note);
    const found = editor.getEditorState().read(() => {
      const out: LexicalNode[] = [];
      const walk = (n: LexicalNode) => {
        if ($isFootnoteNode(n)) out.push(n);
        if ($isElementNode(n)) n.getChildren().forEach(walk);
      };
      walk($getRoot());
      return out.length;
    });
    expect(found).toBe(4);
  });

  it('writes sources first and the footnotes as citations of the written source', () => {
    const session = newSession('cited.casebook');
    writeKbData(session, CITED);
    const store = kbStoreFor(session);
    const [source] = store.sources.list({ search: '', sort: [], offset: 0, limit: 10 }).rows;
    expect(source).toMatchObject({ citekey: 'unsc2008res1851', type: 'document', citedIn: 4 });
    const detail = store.sources.get(source!.id);
    expect(detail.citations).toHaveLength(4);
    expect(detail.citations.map((c) => c.quote)).toContain('a common point of contact');
    expect(readKbCounts(session.db)).toMatchObject({ sources: 1, citations: 4, cases: 1 });
    session.close();
  });

  it.each([
    ['an unknown source key', { a: [{ source: 'nope' }], b: [{ source: 'res1851' }], q: [{ source: 'res1851' }], c: [{ source: 'res1851' }] }, /Sample case “Somalia piracy”, footnote “a”: unknown source key “nope”/],
    ['a marker without a footnote', { a: [{ source: 'res1851' }], b: [{ source: 'res1851' }], q: [{ source: 'res1851' }] }, /Sample case “Somalia piracy”: the note has a footnote marker \[\^c\] but no footnote “c”/],
    ['a footnote without a marker', { a: [{ source: 'res1851' }], b: [{ source: 'res1851' }], q: [{ source: 'res1851' }], c: [{ source: 'res1851' }], z: [{ source: 'res1851' }] }, /Sample case “Somalia piracy” defines footnote “z” but its note has no \[\^name\] marker/],
  ])('refuses %s, naming the case, and writes nothing', (_what, footnotes, message) => {
    const session = newSession('bad-footnotes.casebook');
    const broken: SampleKb = { ...CITED, cases: [{ ...CITED.cases[0]!, footnotes }] };
    expect(() => writeKbData(session, broken)).toThrow(message);
    expect(readKbCounts(session.db)).toMatchObject({ sources: 0, citations: 0, cases: 0, fields: 0 });
    session.close();
  });
});

describe('the sample bibliography and footnotes', () => {
  const sources = SAMPLE_KB.sources ?? [];

  it('has at least 45 valid, uniquely keyed sources of varied types, with the UN resolutions and dated web pages', () => {
    expect(sources.length).toBeGreaterThanOrEqual(45);
    expect(new Set(sources.map((s) => s.citekey)).size).toBe(sources.length);
    expect(new Set(sources.map((s) => s.key)).size).toBe(sources.length);
    for (const s of sources) expect(CslItem.safeParse(s.csl).success, s.citekey).toBe(true);
    expect(new Set(sources.map((s) => s.csl.type)).size).toBeGreaterThanOrEqual(6);
    const resolutions = sources.filter((s) => s.csl.type === 'document' && /^S\/RES\/\d+ \(\d{4}\)$/.test(String(s.csl.number)));
    expect(resolutions.length).toBeGreaterThanOrEqual(4);
    for (const r of resolutions) expect(r.csl).toMatchObject({ authority: 'UN Security Council', issued: { 'date-parts': [expect.any(Array)] } });
    const datedPages = sources.filter((s) => s.csl.type === 'webpage' && s.csl.accessed && s.csl.URL);
    expect(datedPages.length).toBeGreaterThanOrEqual(3);
    expect(sources.find((s) => s.citekey === 'crocker2011collective')?.csl).toMatchObject({ type: 'article-journal', 'container-title': 'International Affairs', volume: '87', issue: '1', page: '39-58' });
    expect(sources.find((s) => s.citekey === 'haugevik2007new')?.csl).toMatchObject({ type: 'report', 'publisher-place': 'Oslo', number: '6' });
    expect(sources.find((s) => s.citekey === 'crc1998collective')?.csl).toMatchObject({ URL: 'http://www.colorado.edu/conflict/peace/treatment/collsec.htm', accessed: { 'date-parts': [[2009, 8, 20]] } });
  });

  it('has at least 60 footnotes citing known sources on real pages, with no raw markers left in any note', () => {
    let total = 0;
    const pages: Record<string, [number, number]> = { crocker2011collective: [39, 58], haugevik2007new: [1, 31] };
    for (const { c, note, unused, ids } of sampleNotes()) {
      expect(unused, c.title).toEqual([]);
      const footnotes = collectFootnotes(note);
      total += footnotes.length;
      expect(noteToPlainText(note), c.title).not.toContain('[^');
      const known = new Set(ids.values());
      for (const f of footnotes) for (const cit of f.citations) expect(known.has(cit.sourceId), c.title).toBe(true);
      for (const [key, cits] of Object.entries(c.footnotes ?? {})) {
        for (const cit of cits) {
          const range = pages[cit.source];
          if (!range || !cit.locator) continue;
          for (const n of cit.locator.split(/[-,\s]+/).filter(Boolean).map(Number)) {
            expect(n >= range[0] && n <= range[1], `${c.title} [^${key}] p. ${cit.locator}`).toBe(true);
          }
        }
      }
    }
    expect(total).toBeGreaterThanOrEqual(60);
  });

  it('quotes only short passages that appear word for word in the corpus', () => {
    const corpus = readdirSync(CORPUS).map((f) => flatten(readFileSync(join(CORPUS, f), 'utf8'))).join('\n');
    const quotes = SAMPLE_KB.cases.flatMap((c) => Object.values(c.footnotes ?? {}).flat().filter((cit) => cit.quote).map((cit) => ({ c, quote: cit.quote! })));
    expect(quotes.length).toBeGreaterThanOrEqual(10);
    for (const { c, quote } of quotes) {
      expect(quote.split(/\s+/).length, c.title).toBeLessThanOrEqual(30);
      expect(corpus, `${c.title}: “${quote}”`).toContain(flatten(quote));
    }
    // Quote blocks carry their source in a footnote, not in a hand-typed attribution line.
    for (const c of SAMPLE_KB.cases) {
      for (const b of c.note) if (b.type === 'paragraph') expect(b.text, c.title).not.toMatch(/^— /);
    }
  });

  it('casebook new --sample writes every source and citation, as casebook info reports', { timeout: 120_000 }, () => {
    const file = join(tempDir(), 'sample.casebook');
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/casebook.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CASEBOOK_USER: 'cli-tester' }, timeout: 60_000 });
    const made = run('new', file, '--sample', '--json');
    expect(made.stderr).toBe('');
    const info = run('info', file, '--json');
    expect(info.status, info.stderr).toBe(0);
    const counts = (JSON.parse(info.stdout) as { counts: { sources: number; citations: number; cases: number } }).counts;
    expect(counts.sources).toBe(sources.length);
    expect(counts.sources).toBeGreaterThanOrEqual(45);
    expect(counts.citations).toBeGreaterThanOrEqual(60);
    expect(counts.citations).toBe(sampleNotes().reduce((n, { note }) => n + collectFootnotes(note).reduce((m, f) => m + f.citations.length, 0), 0));
  });
});
