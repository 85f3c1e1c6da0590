import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { AppError } from '../../../common/errors';
import type { InvokeChannel } from '../../../common/ipc/channels';
import type { ChannelInput, ChannelOutput, Envelope } from '../../../common/ipc/contract';
import type { FieldType } from '../../../common/domain/schemas';
import { paragraphsToNote } from '../../../common/editor/noteText';
import { createAppCore, type AppCore } from '../../../main/app/createAppCore';

const dirs: string[] = [];

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'casebook-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs `fn` and checks it throws an AppError with this code and a message matching `message`. */
export function expectAppError(fn: () => unknown, code: string, message: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export interface TestApp {
  core: AppCore;
  dir: string;
  /** Calls a channel through dispatch and returns its value; fails the test on an error envelope. */
  call<C extends InvokeChannel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Calls a channel and returns the raw envelope (for asserting errors). */
  send(channel: string, input: unknown): Promise<Envelope<unknown>>;
}

/** The app core (no transport) over a temp user-data folder, as both hosts build it. */
export function startApp(dir = tempDir()): TestApp {
  // No daily backup job on every open (tests/node/shareHandlers.test.ts covers it); local copies stay in the temp folder.
  const core = createAppCore({ userDataDir: join(dir, 'userData'), ports: { host: 'browser', dialogs: null, push() {} }, cacheDir: join(dir, 'cache'), documentsDir: join(dir, 'Documents'), dailyBackups: false });
  return {
    core,
    dir,
    async call(channel, input) {
      const envelope = await core.dispatch(channel, input);
      if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value as never;
    },
    send: (channel, input) => core.dispatch(channel, input),
  };
}

/** An app with a new, empty knowledge base open; `path` is its file. */
export async function appWithKb(name = 'test.casebook'): Promise<TestApp & { path: string }> {
  const app = startApp();
  const path = join(app.dir, name);
  await app.call('kb.create', { path });
  return { ...app, path };
}

export function buildCase(overrides: Partial<ChannelInput<'cases.create'>> = {}): ChannelInput<'cases.create'> {
  return { title: 'Horn of Africa piracy, 2009', ...overrides };
}

export function buildField(overrides: { name?: string; type?: FieldType; options?: string[] } = {}): ChannelInput<'fields.create'> {
  return { name: 'Outcome', type: 'text', options: [], ...overrides };
}

export function buildActor(overrides: Partial<ChannelInput<'actors.create'>> = {}): ChannelInput<'actors.create'> {
  return { name: 'African Union Mission to Somalia', abbreviation: 'AMISOM', kind: 'mission', ...overrides };
}

export function buildNote(...paragraphs: string[]) {
  return paragraphsToNote(paragraphs.length ? paragraphs : ['Negotiations stalled after the ceasefire.']);
}

/** Titles of a page of rows, for compact assertions. */
export function titles(page: { rows: { title: string }[] }): string[] {
  return page.rows.map((r) => r.title);
}
