/**
 * Footnote numbering benchmark, in Chromium. Builds a small page (esbuild) that mounts the real
 * NoteEditor on a note of N paragraphs, each ending in a footnote, and times — from the update to
 * the moment every marker in the DOM shows its new number — inserting a footnote near the start
 * (all N numbers shift) and moving the last paragraph to the top (its footnote becomes 1). The
 * baseline is the same editor on the same note with plain-text markers "[n]" instead of footnotes,
 * doing the same edits with text, so the difference is what live numbering costs. Typing a
 * character near the start is timed in both notes too (the numbering walk runs on every change).
 *
 *   npx tsx bench/footnoteBench.ts          # 500 footnotes
 *   npx tsx bench/footnoteBench.ts 2000     # other sizes
 *   BENCH_PROFILE=insertAtStart npx tsx bench/footnoteBench.ts   # also writes /tmp/footnote.cpuprofile
 *                                            (development builds, so function names are readable)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const RUNS = 15;
const WARMUP = 3;

/** The page: the real editor plus a few timing hooks on `window.bench`. */
const HARNESS = `
import { createRoot } from 'react-dom/client';
import { $createTextNode, $getRoot, $isElementNode } from 'lexical';
import type { LexicalEditor } from 'lexical';
import { NoteEditor } from '../renderer/src/features/editor/NoteEditor';
import { $createFootnoteNode } from '../renderer/src/features/footnotes/FootnoteNode';
import { newId } from '../common/ids';

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
const citation = (n: number) => ({ id: newId(), sourceId: newId(), locator: String(n), label: 'page', prefix: '', suffix: '', quote: '' });

function buildNote(n: number, footnotes: boolean) {
  const children = [];
  for (let i = 1; i <= n; i++) {
    const tail = footnotes ? { type: 'footnote', version: 1, citations: [citation(i)], commentary: '' } : text(' [' + i + ']');
    children.push({
      type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '',
      children: [text('Paragraph ' + i + ' of the analysis, with a claim that needs a source.'), tail],
    });
  }
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } };
}

const surface = () => document.querySelector<HTMLElement>('[aria-label="Case note"]')!;
const editorOf = (): LexicalEditor => Reflect.get(surface(), '__lexicalEditor') as LexicalEditor;
const markers = () => surface().querySelectorAll('button.cb-footnote__marker');
const numbered = () => { const m = markers(); for (let i = 0; i < m.length; i++) if (m[i]!.getAttribute('data-number') !== String(i + 1)) return false; return true; };
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** ms from the update to \`done()\` holding in the DOM, and to the frame after it. */
async function measure(mutate: () => void, done: () => boolean): Promise<[number, number]> {
  const t0 = performance.now();
  let t1 = 0;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the DOM never reached the expected state: ' + [...markers()].slice(0, 5).map((m) => m.textContent).join(',') + ' / ' + markers().length + ' / ' + (surface().querySelector('p')?.textContent ?? '')));
    }, 10000);
    const observer = new MutationObserver(() => {
      if (!done()) return;
      t1 = performance.now();
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    });
    observer.observe(surface(), { subtree: true, childList: true, characterData: true, attributes: true });
    mutate();
  });
  await frame();
  await frame();
  return [t1 - t0, performance.now() - t0];
}

let container: HTMLElement | null = null;
let root: ReturnType<typeof createRoot> | null = null;
const w = window as unknown as Record<string, unknown>;
w.bench = {
  async mount(n: number, footnotes: boolean) {
    root?.unmount();
    container?.remove();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    root.render(<NoteEditor caseId="bench" initialNote={buildNote(n, footnotes) as never} readOnly={false} onSave={async () => ({ noteUpdatedAt: '' })} />);
    while (!surface() || surface().querySelectorAll('p').length < n) await frame();
    if (footnotes) while (markers().length < n || !numbered()) await frame();
  },
  insertAtStart(footnotes: boolean) {
    const before = markers().length;
    const firstText = () => surface().querySelector('p')!.textContent ?? '';
    const prior = firstText();
    return measure(
      () => editorOf().update(() => {
        const first = $getRoot().getFirstChild();
        const head = $isElementNode(first) ? first.getFirstChild() : null;
        head?.insertAfter(footnotes ? $createFootnoteNode([citation(0)]) : $createTextNode(' [*]'));
      }),
      footnotes ? () => markers().length === before + 1 && numbered() : () => firstText() !== prior,
    );
  },
  moveLastToTop(footnotes: boolean) {
    // The paragraph's own text (its first span), not its marker, whose number changes.
    const lastText = surface().querySelector('p:last-of-type > span')!.textContent ?? '';
    return measure(
      () => editorOf().update(() => {
        const last = $getRoot().getLastChild();
        const first = $getRoot().getFirstChild();
        if (last && first) first.insertBefore(last);
      }),
      () => surface().querySelector('p > span')!.textContent === lastText && (!footnotes || numbered()),
    );
  },
  typeAtStart() {
    const firstText = () => surface().querySelector('p')!.textContent ?? '';
    const prior = firstText();
    return measure(
      () => editorOf().update(() => {
        const first = $getRoot().getFirstChild();
        const head = $isElementNode(first) ? first.getFirstChild() : null;
        if (head && head.getType() === 'text') head.setTextContent('x' + head.getTextContent());
      }),
      () => firstText() !== prior,
    );
  },
};
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-footnote-bench-'));
  try {
    await build({
      stdin: { contents: HARNESS, loader: 'tsx', resolveDir: join(root, 'bench'), sourcefile: 'footnoteHarness.tsx' },
      bundle: true,
      outdir: dir,
      entryNames: 'harness',
      // A classic script: Chromium refuses module scripts from file: URLs.
      format: 'iife',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': process.env.BENCH_PROFILE ? '"development"' : '"production"' },
      minify: !process.env.BENCH_PROFILE,
      logLevel: 'warning',
    });
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="harness.css"><body><script src="harness.js"></script></body>',
    );
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      page.on('pageerror', (e) => console.error('page error:', e.message));
      page.on('console', (m) => console.error('page:', m.text()));
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      await page.waitForFunction(() => 'bench' in window);
      console.log(`Chromium ${browser.version()}, median of ${RUNS} runs after ${WARMUP} warm-up runs, production React build.`);
      console.log('ms until every number in the DOM is right (ms until the next frame is painted)\n');
      for (const n of SIZES.length > 0 ? SIZES : [500]) {
        const rows: [string, string, string][] = [];
        for (const [op, label] of [
          ['insertAtStart', 'insert near the start'],
          ['moveLastToTop', 'move last paragraph to top'],
          ['typeAtStart', 'type a character near the start'],
        ] as const) {
          const figures: string[] = [];
          for (const footnotes of [true, false]) {
            await page.evaluate(([size, f]) => (window as unknown as { bench: { mount(n: number, f: boolean): Promise<void> } }).bench.mount(size, f), [n, footnotes] as const);
            const dom: number[] = [];
            const painted: number[] = [];
            const cdp = process.env.BENCH_PROFILE && footnotes && op === process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
            if (cdp) {
              await cdp.send('Profiler.enable');
              await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
              await cdp.send('Profiler.start');
            }
            for (let i = 0; i < WARMUP + RUNS; i++) {
              const [a, b] = await page.evaluate(
                ([name, f]) => (window as unknown as { bench: Record<string, (f: boolean) => Promise<[number, number]>> }).bench[name]!(f),
                [op, footnotes] as const,
              );
              if (i >= WARMUP) {
                dom.push(a);
                painted.push(b);
              }
            }
            if (cdp) writeFileSync('/tmp/footnote.cpuprofile', JSON.stringify((await cdp.send('Profiler.stop')).profile));
            figures.push(`${median(dom).toFixed(1)} (${median(painted).toFixed(1)})`);
          }
          rows.push([label, figures[0] ?? '', figures[1] ?? '']);
        }
        console.log(`${n} footnotes`);
        console.log(`  ${'operation'.padEnd(34)}${'footnotes'.padStart(18)}${'plain [n] markers'.padStart(22)}`);
        for (const [label, withFootnotes, plain] of rows) console.log(`  ${label.padEnd(34)}${withFootnotes.padStart(18)}${plain.padStart(22)}`);
        console.log('');
      }
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
