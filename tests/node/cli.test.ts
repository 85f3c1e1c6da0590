import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKb } from '../../main/db/openKb';
import { sha256, tempDir } from './support/builders';
import { casebook } from './support/cliSupport';



function json<T>(r: { code: number | null; stdout: string; stderr: string }): T {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

function expectOneLineError(r: { code: number | null; stdout: string; stderr: string }, code: number, message: RegExp): void {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^casebook: /);
  expect(r.stderr).toMatch(message);
}

interface CliCase {
  id: string;
  title: string;
  region: string;
  status: string;
  periodStart: string | null;
  updatedBy: string;
  fields: Record<string, unknown>;
}

// Each run starts Node and tsx; several runs per test need more than the default timeout.
describe('the casebook command', { timeout: 180_000 }, () => {
  it('prints help and exits 0', () => {
    const r = casebook('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('casebook case add <file> --title TITLE');
    expect(casebook('case', 'add', '--help').stdout).toContain('--field NAME=VALUE');
  });

  it('creates, describes, adds, changes, lists and trashes cases end to end', () => {
    const dir = tempDir();
    const file = join(dir, 'work.casebook');
    expect(json<{ path: string }>(casebook('new', file, '--json')).path).toBe(file);

    const info = json<{ schemaVersion: number; counts: Record<string, number> }>(casebook('info', file, '--json'));
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(info.counts).toMatchObject({ cases: 0, sources: 0, citations: 0 });

    const { id } = json<{ id: string }>(
      casebook('case', 'add', file, '--title', 'Aceh peace process', '--field', 'region=Southeast Asia', '--field', 'period-start=2005-08', '--json'),
    );
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    expect(casebook('case', 'set', file, id, '--title', 'Aceh peace talks', '--field', 'status=In progress', '--field', 'summary=Helsinki talks.').code).toBe(0);
    let cases = json<CliCase[]>(casebook('cases', file, '--json'));
    expect(cases).toEqual([
      expect.objectContaining({ id, title: 'Aceh peace talks', region: 'Southeast Asia', status: 'in_progress', periodStart: '2005-08', updatedBy: 'cli-tester', fields: {} }),
    ]);

    expect(casebook('case', 'set', file, id, '--field', 'region=').code).toBe(0);
    cases = json<CliCase[]>(casebook('cases', file, '--json'));
    expect(cases[0]?.region).toBe('');

    expect(casebook('case', 'delete', file, id).code).toBe(0);
    expect(json<CliCase[]>(casebook('cases', file, '--json'))).toEqual([]);
    expect(json<CliCase[]>(casebook('cases', file, '--trash', '--json'))).toHaveLength(1);
    expect(json<{ counts: Record<string, number> }>(casebook('info', file, '--json')).counts).toMatchObject({ cases: 0, trashed: 1 });
  });

  it('sets user fields by name, parsing values per type', async () => {
    const dir = tempDir();
    const file = join(dir, 'fields.casebook');
    const { createKbSession } = await import('../../main/store/kbSession');
    const { openKb } = await import('../../main/db/openKb');
    const { kbStoreFor } = await import('../../main/store/kbStore');
    createKb(file);
    const session = createKbSession(openKb(file), () => 'setup');
    const store = kbStoreFor(session);
    store.fields.create('Fatalities', 'number', []);
    store.fields.create('UN mandate', 'boolean', []);
    store.fields.create('Mechanisms', 'multi_select', ['sanctions', 'mediation', 'patrols']);
    session.close();

    const { id } = json<{ id: string }>(
      casebook('case', 'add', file, '--title', 'Darfur', '--field', 'fatalities=300', '--field', 'UN mandate=yes', '--field', 'Mechanisms=mediation, sanctions', '--json'),
    );
    let [c] = json<CliCase[]>(casebook('cases', file, '--json'));
    expect(c?.fields).toEqual({ Fatalities: 300, 'UN mandate': true, Mechanisms: ['sanctions', 'mediation'] });

    expect(casebook('case', 'set', file, id, '--field', 'UN mandate=no', '--field', 'Fatalities=').code).toBe(0);
    [c] = json<CliCase[]>(casebook('cases', file, '--json'));
    expect(c?.fields).toEqual({ 'UN mandate': false, Mechanisms: ['sanctions', 'mediation'] });

    expectOneLineError(casebook('case', 'set', file, id, '--field', 'Fatalities=many'), 1, /Field “Fatalities”: “many” is not a number/);
    expectOneLineError(casebook('case', 'set', file, id, '--field', 'Mechanisms=bribes'), 1, /“bribes” is not one of its options/);
    expectOneLineError(casebook('case', 'set', file, id, '--field', 'Colour=red'), 1, /no field named “Colour”; known fields: .*Fatalities/);
    expectOneLineError(casebook('case', 'set', file, id, '--field', 'period-start=2003-13'), 1, /periodStart: /);
    expectOneLineError(casebook('case', 'set', file, 'no-such-id', '--title', 'X'), 1, /No case with id “no-such-id”/);
  });

  it('new --sample writes the sample knowledge base', () => {
    const file = join(tempDir(), 'sample.casebook');
    const made = json<{ counts: { cases: number } }>(casebook('new', file, '--sample', '--json'));
    expect(made.counts.cases).toBeGreaterThan(0);
    expect(json<CliCase[]>(casebook('cases', file, '--json'))).toHaveLength(made.counts.cases);
  });

  it('refuses files that are not knowledge bases with one line and leaves them unchanged', () => {
    const dir = tempDir();
    const file = join(dir, 'x.casebook');
    writeFileSync(file, 'not a database at all, just some words\n'.repeat(10));
    const before = sha256(file);
    expectOneLineError(casebook('info', file, '--json'), 1, /^casebook: “x\.casebook” is not a Casebook knowledge base/);
    expectOneLineError(casebook('case', 'add', file, '--title', 'T'), 1, /is not a Casebook knowledge base/);
    expect(sha256(file)).toBe(before);
    expectOneLineError(casebook('info', join(dir, 'missing.casebook')), 1, /does not exist/);
    expectOneLineError(casebook('new', file), 1, /already exists/);
  });

  it('refuses to write a read-only file', () => {
    const file = join(tempDir(), 'locked.casebook');
    createKb(file);
    chmodSync(file, 0o444);
    const before = sha256(file);
    expectOneLineError(casebook('case', 'add', file, '--title', 'T'), 1, /read-only file/);
    expect(casebook('info', file).code).toBe(0);
    expect(sha256(file)).toBe(before);
  });

  it('answers usage errors with exit code 2', () => {
    const file = join(tempDir(), 'u.casebook');
    createKb(file);
    expectOneLineError(casebook('frobnicate'), 2, /unknown command “frobnicate”/);
    expectOneLineError(casebook('case', 'remove', file), 2, /“case remove” is not a command/);
    expectOneLineError(casebook('info', file, '--colour'), 2, /--colour/);
    expectOneLineError(casebook('info'), 2, /usage: casebook info <file>/);
    expectOneLineError(casebook('case', 'set', file, 'id'), 2, /nothing to change/);
    expectOneLineError(casebook('case', 'add', file, '--title', 'T', '--field', 'oops'), 2, /--field expects NAME=VALUE/);
    expectOneLineError(casebook('case', 'add', file), 2, /--title is required/);
  });
});
