import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { HybridClock } from '../../common/hlc';
import { AppError } from '../../common/errors';
import type { OpenedDb } from '../db/openKb';
import { SYNCED_TABLES } from '../share/peers';

/**
 * Everything a write needs besides its data: the connection, the clock that stamps `updated_at`,
 * and who is editing (`updated_by`). One session per open knowledge base.
 */
export interface WriteContext {
  db: Database.Database;
  /** Next hybrid-logical-clock timestamp for `updated_at`. */
  tick(): string;
  /** The editing person (display name), for `updated_by`. */
  who(): string;
  /** Advance the clock past a timestamp written by another process (a merge, a restore). */
  observe(timestamp: string): void;
}

export interface KbSession extends WriteContext {
  opened: OpenedDb;
  /** Throws READ_ONLY with the banner's reason when the file cannot be written. */
  assertWritable(): void;
  close(): void;
}

export function createWriteContext(db: Database.Database, who: () => string): WriteContext {
  const clock = new HybridClock(randomBytes(4).toString('hex'));
  // Start after every timestamp already in the file, so local edits always sort after them.
  for (const table of SYNCED_TABLES) {
    const row = db.prepare(`SELECT max(updated_at) AS m FROM ${table}`).get() as { m: string | null } | undefined;
    if (row?.m) clock.observe(row.m);
  }
  return { db, tick: () => clock.tick(), who, observe: (timestamp) => clock.observe(timestamp) };
}

export function createKbSession(opened: OpenedDb, who: () => string): KbSession {
  const ctx = createWriteContext(opened.db, who);
  return {
    ...ctx,
    opened,
    assertWritable() {
      if (opened.readOnly) throw new AppError('READ_ONLY', opened.readOnlyReason ?? 'This knowledge base is open read-only.');
    },
    /** Closes the connection and releases the writer's lock if this session holds it. */
    close() {
      opened.close();
    },
  };
}
