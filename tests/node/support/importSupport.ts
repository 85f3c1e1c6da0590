import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { JobProgress } from '../../../common/domain/sources';
import { createAppCore } from '../../../main/app/createAppCore';
import type { TestApp } from './builders';
import { tempDir } from './builders';

export const IMPORT_FIXTURES = resolve(import.meta.dirname, '../../fixtures/import');

export function fixtureText(name: string): string {
  return readFileSync(join(IMPORT_FIXTURES, name), 'utf8');
}

/** An app with a fresh knowledge base that records every `job.progress` push. */
export async function importApp(options: { dailyBackups?: boolean } = {}): Promise<TestApp & { path: string; progress: JobProgress[]; onProgress: (fn: (p: JobProgress) => void) => void }> {
  const dir = tempDir();
  const progress: JobProgress[] = [];
  let listener: ((p: JobProgress) => void) | null = null;
  const core = createAppCore({
    userDataDir: join(dir, 'userData'),
    documentsDir: join(dir, 'Documents'),
    dailyBackups: options.dailyBackups ?? false,
    ports: {
      host: 'browser',
      dialogs: null,
      push(channel, payload) {
        if (channel !== 'job.progress') return;
        progress.push(payload as JobProgress);
        listener?.(payload as JobProgress);
      },
    },
  });
  const app: TestApp = {
    core,
    dir,
    async call(channel, input) {
      const envelope = await core.dispatch(channel, input);
      if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value as never;
    },
    send: (channel, input) => core.dispatch(channel, input),
  };
  const path = join(dir, 'test.casebook');
  await app.call('kb.create', { path });
  return { ...app, path, progress, onProgress: (fn) => (listener = fn) };
}

/** Live sources in the file, read through a connection of the test's own. */
export function storedSources(path: string): { citekey: string; title: string; csl: string }[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT citekey, title, csl FROM sources WHERE deleted_at IS NULL ORDER BY citekey').all() as { citekey: string; title: string; csl: string }[];
  } finally {
    db.close();
  }
}

/** A BibTeX file of `count` entries about maritime security (about 500 bytes each). */
export function generatedBibtex(count: number, prefix = 'gen'): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(
      `@article{${prefix}${i},\n  author = {Okafor, Chidi and M{\\"u}ller, Anna},\n  title = {Maritime Security Governance in the Western Indian Ocean, Part ${i}},\n` +
        `  journal = {Journal of African Security},\n  year = {${1990 + (i % 35)}},\n  pages = {${i}--${i + 20}},\n` +
        `  abstract = {${'Counter-piracy patrols off Somalia and the Gulf of Aden. '.repeat(4)}}\n}\n\n`,
    );
  }
  return parts.join('');
}
