import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKb, openKb } from '../../main/db/openKb';
import { acquireKbLock, describeHolder, liveLockHolder, lockPathFor, type LockOwner } from '../../main/share/kbLock';
import { appWithKb, buildCase, sha256, startApp, tempDir } from './support/builders';

const ROOT = resolve(import.meta.dirname, '../..');

function newKb(name = 'Piracy.casebook'): string {
  const path = join(tempDir(), name);
  createKb(path);
  return path;
}

function lockOf(path: string): LockOwner {
  return JSON.parse(readFileSync(lockPathFor(path), 'utf8')) as LockOwner;
}

function writeLock(path: string, owner: Partial<LockOwner>): void {
  const full: LockOwner = { app: 'casebook', pid: 1, hostname: hostname(), since: new Date().toISOString(), token: 'feedface', ...owner };
  writeFileSync(lockPathFor(path), JSON.stringify(full));
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Another Casebook process that opens `path` for writing and keeps it open until killed. */
async function otherProcessOpens(path: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { openKb } from './main/db/openKb.ts';
       const opened = openKb(${JSON.stringify(path)}, { displayName: 'Amina' });
       process.stdout.write(opened.readOnly ? 'read-only\\n' : 'writing\\n');
       setInterval(() => {}, 1000);`,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  const first = await new Promise<string>((done, fail) => {
    child.stdout?.once('data', (d: Buffer) => done(d.toString().trim()));
    child.once('exit', (code) => fail(new Error(`the other process ended (${code})`)));
  });
  expect(first).toBe('writing');
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await exited;
}

describe('the writer’s lock', () => {
  it('makes a second opening in the same process read-only, and says why', () => {
    const path = newKb();
    const first = openKb(path);
    expect(first.readOnly).toBe(false);
    expect(lockOf(path)).toMatchObject({ app: 'casebook', pid: process.pid, hostname: hostname() });

    const second = openKb(path);
    expect(second.readOnly).toBe(true);
    expect(second.readOnlyReason).toMatch(
      new RegExp(`^“Piracy” is open in another Casebook window \\(process ${process.pid} on ${hostname()}, since \\d\\d:\\d\\d\\)\\. This window is read-only so that there are never two writers\\.$`),
    );
    expect(second.lockHolder?.pid).toBe(process.pid);
    second.close();
    // Closing the read-only one leaves the writer's lock alone.
    expect(existsSync(lockPathFor(path))).toBe(true);

    first.close();
    expect(existsSync(lockPathFor(path))).toBe(false);
    const third = openKb(path);
    expect(third.readOnly).toBe(false);
    third.close();
  });

  it('is not taken by read-only openings or by job processes that write for the window', () => {
    const path = newKb();
    const reader = openKb(path, { readOnly: true });
    expect(existsSync(lockPathFor(path))).toBe(false);
    const window = openKb(path);
    expect(window.readOnly).toBe(false);
    const job = openKb(path, { lock: false });
    expect(job.readOnly).toBe(false);
    job.close();
    expect(lockOf(path).token).toBe(window.lock?.owner.token);
    reader.close();
    window.close();
  });

  it('makes a second app core opening the same file read-only; the first keeps writing', async () => {
    const first = await appWithKb('Darfur.casebook');
    const second = startApp();

    const kb = await second.call('kb.open', { path: first.path });
    expect(kb.readOnly).toBe(true);
    expect(kb.readOnlyReason).toMatch(/^“Darfur” is open in another Casebook window \(process \d+ on .+, since \d\d:\d\d\)\./);
    expect(await second.send('cases.create', buildCase())).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: kb.readOnlyReason } });
    expect((await first.send('cases.create', buildCase())).ok).toBe(true);

    // The first window reopening its own file stays writable.
    expect((await first.call('kb.open', { path: first.path })).readOnly).toBe(false);

    first.core.close();
    expect((await second.call('kb.open', { path: first.path })).readOnly).toBe(false);
    expect((await second.send('cases.create', buildCase({ title: 'Now mine' }))).ok).toBe(true);
    second.core.close();
    expect(existsSync(lockPathFor(first.path))).toBe(false);
  });

  it('makes the file read-only while another process has it open, and writable once that process is gone', async () => {
    const path = newKb();
    const child = await otherProcessOpens(path);
    const before = sha256(path);

    const opened = openKb(path);
    expect(opened.readOnly).toBe(true);
    expect(opened.readOnlyReason).toContain(`(process ${child.pid} on ${hostname()} by Amina, since`);
    opened.close();
    expect(sha256(path)).toBe(before);

    // Killed, it could not remove its lock: the lock names a process that no longer runs.
    await kill(child);
    expect(lockOf(path).pid).toBe(child.pid);
    const after = openKb(path);
    expect(after.readOnly).toBe(false);
    expect(lockOf(path).pid).toBe(process.pid);
    after.close();
  });

  it('takes over a lock whose connection was closed without releasing it', () => {
    const path = newKb();
    const leaked = openKb(path);
    leaked.db.close();
    const next = openKb(path);
    expect(next.readOnly).toBe(false);
    // The leaked handle no longer owns the lock: releasing it leaves the new one in place.
    leaked.close();
    expect(lockOf(path).token).toBe(next.lock?.owner.token);
    next.close();
  });

  it('respects a recent lock of another computer, and takes over one not refreshed for a week', () => {
    const path = newKb();
    writeLock(path, { hostname: 'fieldlaptop', pid: 4242, displayName: 'Amina' });
    const opened = openKb(path);
    expect(opened.readOnly).toBe(true);
    expect(opened.readOnlyReason).toMatch(/^“Piracy” is open in Casebook on another computer \(fieldlaptop by Amina, since .+\)\..*delete “Piracy\.casebook\.lock” beside the file/);
    opened.close();

    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    utimesSync(lockPathFor(path), eightDaysAgo, eightDaysAgo);
    const later = openKb(path);
    expect(later.readOnly).toBe(false);
    later.close();
  });

  it('treats a lock from before this machine started, or an unreadable old one, as stale; a fresh unreadable one as held', () => {
    const path = newKb();
    writeLock(path, { pid: process.ppid, since: '2001-01-01T00:00:00.000Z' });
    const a = openKb(path);
    expect(a.readOnly).toBe(false);
    a.close();

    writeFileSync(lockPathFor(path), '');
    const b = openKb(path);
    expect(b.readOnly).toBe(true);
    expect(b.readOnlyReason).toMatch(/open in another program/);
    b.close();

    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathFor(path), old, old);
    const c = openKb(path);
    expect(c.readOnly).toBe(false);
    c.close();
  });

  it('a live lock of this machine is reported by liveLockHolder; a stale one is not', () => {
    const path = newKb();
    expect(liveLockHolder(path)).toBeNull();
    const attempt = acquireKbLock(path);
    expect(attempt.ok).toBe(true);
    expect(liveLockHolder(path)?.pid).toBe(process.pid);
    if (attempt.ok) attempt.lock.release();
    writeLock(path, { pid: 2 ** 22 + 12345 });
    expect(liveLockHolder(path)).toBeNull();
  });

  it('words the banner with the date when the lock is older than today', () => {
    const owner: LockOwner = { app: 'casebook', pid: 7, hostname: hostname(), since: new Date(2026, 0, 5, 9, 3).toISOString(), token: 't' };
    expect(describeHolder('/x/Piracy.casebook', owner, new Date(2026, 0, 6, 10, 0))).toContain('since 2026-01-05 09:03)');
  });
});
