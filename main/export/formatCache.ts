import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getSqliteNativeBinding } from '../db/openKb';
import type { FormattedCitations } from '../citations/citationFormatter';

/**
 * Formatted citations of earlier exports, so exporting the same scope again skips citeproc (whose
 * engine alone takes up to a second to build). The key covers everything the output depends on:
 * style content, locale, every footnote's citations in order, the uncited sources, and the
 * version (`updated_at`) of every source involved, so any change misses the cache. It lives in
 * the user's cache folder, never in the knowledge base (exports do not write to it), and a cache
 * that cannot be opened is simply not used.
 */

const MAX_ENTRIES = 200;

export function defaultCacheDir(): string {
  if (process.env.CASEBOOK_CACHE_DIR) return process.env.CASEBOOK_CACHE_DIR;
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Casebook', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Casebook');
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'casebook');
}

export function formatCacheKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export interface FormatCache {
  get(key: string): FormattedCitations | null;
  put(key: string, value: FormattedCitations): void;
  close(): void;
}

const NO_CACHE: FormatCache = { get: () => null, put: () => undefined, close: () => undefined };

export function openFormatCache(dir: string | null = defaultCacheDir()): FormatCache {
  if (dir === null) return NO_CACHE;
  let db: Database.Database;
  try {
    mkdirSync(dir, { recursive: true });
    db = new Database(join(dir, 'format-cache.sqlite'), { nativeBinding: getSqliteNativeBinding() });
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 2000');
    db.exec('CREATE TABLE IF NOT EXISTS formatted (key TEXT PRIMARY KEY, value TEXT NOT NULL, used_at INTEGER NOT NULL)');
  } catch {
    return NO_CACHE;
  }
  const select = db.prepare<[string], string>('SELECT value FROM formatted WHERE key = ?').pluck();
  const touch = db.prepare('UPDATE formatted SET used_at = ? WHERE key = ?');
  const upsert = db.prepare('INSERT OR REPLACE INTO formatted (key, value, used_at) VALUES (?, ?, ?)');
  const prune = db.prepare(`DELETE FROM formatted WHERE key NOT IN (SELECT key FROM formatted ORDER BY used_at DESC LIMIT ${MAX_ENTRIES})`);
  return {
    get(key) {
      try {
        const value = select.get(key);
        if (value === undefined) return null;
        touch.run(Date.now(), key);
        return JSON.parse(value) as FormattedCitations;
      } catch {
        return null;
      }
    },
    put(key, value) {
      try {
        db.transaction(() => {
          upsert.run(key, JSON.stringify(value), Date.now());
          prune.run();
        })();
      } catch {
        // A full disk or a locked cache only costs speed.
      }
    },
    close: () => db.close(),
  };
}
