import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { hostname as osHostname, uptime } from 'node:os';
import { basename } from 'node:path';

/**
 * The writer's lock of a knowledge base: never two writers on one file (issue 5).
 *
 * SQLite's own locks keep single transactions apart, but two windows that each believe they own a
 * file still interleave edits, clocks and backups, and over a network share or a cloud-sync folder
 * SQLite's locks are not reliable at all. So a window that opens a file for writing first creates
 * a lock file beside it, exclusively (`wx`); a second window finds it and opens the file read-only.
 *
 * The lock file is `<file>.lock`, e.g. `Piracy.casebook.lock`: it sorts right beside the file in
 * any listing, its name says what it is, and cloud-sync tools copy it like any file, so a colleague
 * whose machine syncs the same folder also sees "open on <host>". It holds JSON
 * `{ app: 'casebook', pid, hostname, displayName?, since, token }` and is removed when the window
 * closes the file (or the process exits normally). It is safe to delete by hand when no Casebook
 * is running.
 *
 * A lock is stale, and taken over, when:
 * - it names this host and a process that no longer runs (`process.kill(pid, 0)` fails with
 *   ESRCH), or it dates from before this machine last started (the pid may have been reused);
 * - it names this process, but the connection that took it has since been closed without
 *   releasing it (in-process bookkeeping below);
 * - it names another host and was last refreshed more than 7 days ago. The owner refreshes the
 *   lock file's modification time every hour, so a window left open for weeks keeps its claim;
 *   a machine that crashed or went away releases it after a week (or when someone deletes it);
 * - it is not a Casebook lock (unreadable, not our JSON) and is older than 10 seconds (younger,
 *   it may be one being written right now).
 */

export const LOCK_SUFFIX = '.lock';
/** How long a lock of another machine counts as live after its owner last refreshed it. */
export const OTHER_HOST_STALE_MS = 7 * 24 * 60 * 60 * 1000;
const REFRESH_MS = 60 * 60 * 1000;
const UNREADABLE_GRACE_MS = 10_000;

export interface LockOwner {
  app: 'casebook';
  pid: number;
  hostname: string;
  displayName?: string;
  /** When the owner opened the file (ISO). */
  since: string;
  /** Random per lock, so that a window only ever removes its own lock. */
  token: string;
}

export interface KbLock {
  /** The lock file. */
  path: string;
  owner: LockOwner;
  /** Removes the lock file if it is still ours; idempotent. */
  release(): void;
}

export type LockAttempt = { ok: true; lock: KbLock } | { ok: false; holder: LockOwner | null; reason: string };

export interface AcquireOptions {
  displayName?: string;
  /**
   * Whether the connection that holds the lock is still open. A lock of this very process whose
   * holder is no longer live (a connection closed without releasing) is stale.
   */
  isLive?: () => boolean;
}

interface Held {
  token: string;
  isLive: () => boolean;
  timer: ReturnType<typeof setInterval>;
}

/** Locks this process holds, by lock-file path (two windows of one process must not share one). */
const held = new Map<string, Held>();
let exitHookInstalled = false;

export function lockPathFor(kbPath: string): string {
  return `${kbPath}${LOCK_SUFFIX}`;
}

/**
 * Takes the writer's lock of `kbPath`, taking over a stale one. On failure says who holds it, in
 * words for the read-only banner.
 */
export function acquireKbLock(kbPath: string, options: AcquireOptions = {}): LockAttempt {
  const path = lockPathFor(kbPath);
  for (let attempt = 0; attempt < 3; attempt++) {
    const owner: LockOwner = {
      app: 'casebook',
      pid: process.pid,
      hostname: osHostname(),
      ...(options.displayName ? { displayName: options.displayName } : {}),
      since: new Date().toISOString(),
      token: randomBytes(8).toString('hex'),
    };
    const raw = `${JSON.stringify(owner, null, 2)}\n`;
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o644);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        return { ok: false, holder: null, reason: `The lock file “${basename(path)}” could not be created (${code ?? (e as Error).message}), so “${basename(kbPath)}” is open read-only.` };
      }
      const existing = readLock(path);
      if (existing === null) continue; // removed meanwhile: try again
      if (!isStale(path, existing)) return { ok: false, holder: existing.owner, reason: describeHolder(kbPath, existing.owner) };
      takeOver(path, existing.raw);
      continue;
    }
    try {
      writeSync(fd, raw);
    } finally {
      closeSync(fd);
    }
    return { ok: true, lock: register(path, owner, options.isLive ?? (() => true)) };
  }
  const existing = readLock(path);
  return { ok: false, holder: existing?.owner ?? null, reason: describeHolder(kbPath, existing?.owner ?? null) };
}

/** Who holds the writer's lock of `kbPath` right now, if anyone (stale locks count as none). */
export function liveLockHolder(kbPath: string): LockOwner | null {
  const path = lockPathFor(kbPath);
  const existing = readLock(path);
  if (!existing || isStale(path, existing)) return null;
  return existing.owner;
}

/**
 * The read-only banner's words: "“Piracy” is open in another Casebook window (process 1234 on
 * host, since 14:02). This window is read-only so that there are never two writers."
 */
export function describeHolder(kbPath: string, owner: LockOwner | null, now = new Date()): string {
  const name = `“${basename(kbPath, '.casebook')}”`;
  if (!owner) return `${name} is open in another program. This window is read-only so that there are never two writers.`;
  const since = formatSince(owner.since, now);
  const by = owner.displayName ? ` by ${owner.displayName}` : '';
  if (owner.hostname === osHostname()) {
    return `${name} is open in another Casebook window (process ${owner.pid} on ${owner.hostname}${by}, since ${since}). This window is read-only so that there are never two writers.`;
  }
  return (
    `${name} is open in Casebook on another computer (${owner.hostname}${by}, since ${since}). This window is read-only so that there are never two writers. ` +
    `If Casebook is no longer running there, delete “${basename(lockPathFor(kbPath))}” beside the file and open it again.`
  );
}

/**
 * For refusing instead of opening read-only (the command line, replacing a file): "“Piracy.casebook”
 * is open in Casebook (process 1234, since 14:02); close it there first."
 */
export function describeHolderForCli(kbPath: string, owner: LockOwner | null, advice = 'close it there first', now = new Date()): string {
  if (!owner) return `“${basename(kbPath)}” is open in another program; ${advice}.`;
  const where = owner.hostname === osHostname() ? `process ${owner.pid}` : `on ${owner.hostname}, process ${owner.pid}`;
  return `“${basename(kbPath)}” is open in Casebook (${where}${owner.displayName ? `, ${owner.displayName}` : ''}, since ${formatSince(owner.since, now)}); ${advice}.`;
}

function formatSince(iso: string, now: Date): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'an unknown time';
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  return sameDay ? time : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

function register(path: string, owner: LockOwner, isLive: () => boolean): KbLock {
  // Refreshing the lock's mtime tells other machines that the owner is still running.
  const timer = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // Gone or unreachable for now; the next refresh tries again.
    }
  }, REFRESH_MS);
  timer.unref?.();
  held.set(path, { token: owner.token, isLive, timer });
  installExitHook();
  let released = false;
  return {
    path,
    owner,
    release() {
      if (released) return;
      released = true;
      releaseHeld(path, owner.token);
    },
  };
}

function releaseHeld(path: string, token: string): void {
  const entry = held.get(path);
  if (entry?.token === token) {
    clearInterval(entry.timer);
    held.delete(path);
  }
  if (readLock(path)?.owner?.token === token) rmSync(path, { force: true });
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A normal exit releases every lock; after a crash the dead pid makes them stale instead.
  process.on('exit', () => {
    for (const [path, entry] of held) {
      try {
        if (readLock(path)?.owner?.token === entry.token) rmSync(path, { force: true });
      } catch {
        // Exiting anyway.
      }
    }
  });
}

interface ReadLock {
  raw: string;
  /** Null when the file is not a readable Casebook lock. */
  owner: LockOwner | null;
}

/** The lock at `path` (null when there is none). */
function readLock(path: string): ReadLock | null {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    raw = '';
  }
  return { raw, owner: parseOwner(raw) };
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const v = JSON.parse(raw) as Partial<LockOwner>;
    if (v.app !== 'casebook' || typeof v.pid !== 'number' || typeof v.hostname !== 'string' || typeof v.since !== 'string' || typeof v.token !== 'string') return null;
    return { app: 'casebook', pid: v.pid, hostname: v.hostname, since: v.since, token: v.token, ...(typeof v.displayName === 'string' ? { displayName: v.displayName } : {}) };
  } catch {
    return null;
  }
}

function isStale(path: string, { owner }: ReadLock): boolean {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return false;
  }
  if (owner === null) return Date.now() - mtimeMs > UNREADABLE_GRACE_MS;
  if (owner.hostname !== osHostname()) return Date.now() - mtimeMs > OTHER_HOST_STALE_MS;
  if (owner.pid === process.pid) {
    const entry = held.get(path);
    return !entry || entry.token !== owner.token || !entry.isLive();
  }
  const bootedAt = Date.now() - uptime() * 1000;
  if (Date.parse(owner.since) < bootedAt - 60_000) return true;
  return !processRuns(owner.pid);
}

function processRuns(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock so that the next exclusive create can win. Moved aside first and compared:
 * if another window replaced the stale lock with a fresh one in the meantime, that one is put back.
 */
function takeOver(path: string, staleRaw: string): void {
  const aside = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // already gone: the next attempt creates it
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // unreadable: treat it as the stale one
  }
  if (moved !== staleRaw && moved !== '') {
    try {
      linkSync(aside, path);
    } catch {
      // A third window took it meanwhile (or no hard links here): theirs stands.
    }
  }
  rmSync(aside, { force: true });
}
