import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { HybridClock } from '../../common/hlc';
import { AppError } from '../../common/errors';
import type { OpenedDb } from '../db/openKb';

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
}

export interface KbSession extends WriteContext {
  opened: OpenedDb;
  /** Throws READ_ONLY with the banner's reason when the file cannot be written. */
  assertWritable(): void;
  close(): void;
}

const SYNCED_TABLES = ['cases', 'case_notes', 'fields', 'case_values', 'tags', 'case_tags', 'actors', 'case_actors', 'sources', 'citations', 'case_links', 'saved_views', 'kb_settings'];

export function createWriteContext(db: Database.Database, who: () => string): WriteContext {
  const clock = new HybridClock(randomBytes(4).toString('hex'));
  // Start after every timestamp already in the file, so local edits always sort after them.
  for (const table of SYNCED_TABLES) {
    const row = db.prepare(`SELECT max(updated_at) AS m FROM ${table}`).get() as { m: string | null } | undefined;
    if (row?.m) clock.observe(row.m);
  }
  return { db, tick: () => clock.tick(), who };
}

export function createKbSession(opened: OpenedDb, who: () => string): KbSession {
  const ctx = createWriteContext(opened.db, who);
  return {
    ...ctx,
    opened,
    assertWritable() {
      if (opened.readOnly) throw new AppError('READ_ONLY', opened.readOnlyReason ?? 'This knowledge base is open read-only.');
    },
    close() {
      if (opened.db.open) opened.db.close();
    },
  };
}
