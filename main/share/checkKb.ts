import { basename } from 'node:path';
import Database from 'better-sqlite3';
import type { KbCounts } from '../../common/domain/schemas';
import { isAppError } from '../../common/errors';
import { latestSchemaVersion } from '../db/migrations';
import { configureConnection, getSqliteNativeBinding, readKbHeader } from '../db/openKb';
import { readKbCounts } from '../store/kbCounts';
import { compareWithOurSchema } from './schemaCheck';

export interface KbCheck {
  /** No problem found. */
  ok: boolean;
  /** Damage or foreign changes, in words; empty when ok. */
  problems: string[];
  /** Worth knowing but not damage: a newer schema, checks that were skipped and why. */
  notes: string[];
  schemaVersion: number;
  kbId: string | null;
  /** Live records per kind, when the schema is ours and readable. */
  counts?: KbCounts;
}

const MAX_LISTED = 10;

/**
 * Checks a knowledge base file without changing it (`casebook check`, and the job behind a
 * "Check file" command): that it is a Casebook file (header and application id), SQLite's full
 * `integrity_check`, `foreign_key_check`, its schema against ours at the file's version (no extra
 * triggers, views, tables or indexes), and that the full-text indexes match the records.
 *
 * The file is opened read-only, so checking never changes it. FTS5's own index check
 * (`INSERT INTO cases_fts(cases_fts) VALUES('integrity-check')`) is a write, but it is not needed:
 * since SQLite 3.44, `PRAGMA integrity_check` runs the same check on every FTS5 table ("fts5:
 * checksum mismatch …"). What it cannot know, whether every live record has its search row, is
 * checked here by comparing rowids.
 */
export function checkKb(path: string): KbCheck {
  const problems: string[] = [];
  const notes: string[] = [];
  let schemaVersion = 0;
  try {
    schemaVersion = readKbHeader(path).userVersion;
  } catch (e) {
    if (isAppError(e)) return { ok: false, problems: [e.message], notes, schemaVersion, kbId: null };
    throw e;
  }
  const latest = latestSchemaVersion();

  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: getSqliteNativeBinding() });
    configureConnection(db, { readOnly: true });
  } catch (e) {
    return { ok: false, problems: [`“${basename(path)}” cannot be opened: ${(e as Error).message}`], notes, schemaVersion, kbId: null };
  }
  try {
    const integrity = runIntegrityCheck(db);
    problems.push(...integrity);
    problems.push(...runForeignKeyCheck(db));

    let schemaOurs = false;
    if (schemaVersion > latest) {
      notes.push(`Written by a newer Casebook (schema version ${schemaVersion}; this version knows up to ${latest}): its schema and search rows were not compared with ours.`);
    } else {
      const differences = compareWithOurSchema(db, schemaVersion);
      problems.push(...differences.slice(0, MAX_LISTED).map((d) => `Schema: the file ${d}.`));
      if (differences.length > MAX_LISTED) problems.push(`Schema: ${differences.length - MAX_LISTED} more differences.`);
      schemaOurs = differences.length === 0;
    }

    if (schemaOurs && integrity.length === 0) {
      problems.push(...checkSearchRows(db, schemaVersion));
    } else if (schemaVersion <= latest) {
      notes.push('Whether every record has its search row was not checked, because of the problems above.');
    }

    const counts = schemaOurs ? readKbCounts(db) : undefined;
    return { ok: problems.length === 0, problems, notes, schemaVersion, kbId: readKbId(db), ...(counts ? { counts } : {}) };
  } finally {
    db.close();
  }
}

function runIntegrityCheck(db: Database.Database): string[] {
  try {
    const rows = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (rows.length === 1 && rows[0] === 'ok') return [];
    return rows.slice(0, MAX_LISTED).map((r) => {
      const fts = /^fts5: .* table "(cases|sources)_fts"/.exec(r);
      return fts ? `Search: the ${fts[1]} search index does not match the text it indexes (${r}).` : `Integrity: ${r}`;
    });
  } catch (e) {
    return [`Integrity: the check could not run (${(e as Error).message}).`];
  }
}

function runForeignKeyCheck(db: Database.Database): string[] {
  try {
    const rows = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
    const byPair = new Map<string, number>();
    for (const r of rows) byPair.set(`${r.table}\u0000${r.parent}`, (byPair.get(`${r.table}\u0000${r.parent}`) ?? 0) + 1);
    return [...byPair].map(([pair, n]) => {
      const [table, parent] = pair.split('\u0000');
      return `References: ${n} ${n === 1 ? 'row' : 'rows'} of ${table} ${n === 1 ? 'points' : 'point'} at missing ${parent}.`;
    });
  } catch (e) {
    return [`References: the check could not run (${(e as Error).message}).`];
  }
}

/** Every live case (and source) has exactly its search row, and no search row is left over. */
function checkSearchRows(db: Database.Database, version: number): string[] {
  const problems: string[] = [];
  const pairs: [string, string, string, string][] = [['cases', 'cases_fts', 'case', 'cases']];
  if (version >= 3) pairs.push(['sources', 'sources_fts', 'source', 'sources']);
  for (const [table, fts, one, many] of pairs) {
    const missing = (db.prepare(`SELECT count(*) AS n FROM ${table} t WHERE t.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM ${fts} f WHERE f.rowid = t.fts_rowid)`).get() as { n: number }).n;
    const extra = (db.prepare(`SELECT count(*) AS n FROM ${fts} f WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.fts_rowid = f.rowid AND t.deleted_at IS NULL)`).get() as { n: number }).n;
    if (missing > 0) problems.push(`Search: ${missing} ${missing === 1 ? `${one} is` : `${many} are`} missing from the search index.`);
    if (extra > 0) problems.push(`Search: the search index holds ${extra} ${extra === 1 ? 'entry' : 'entries'} of ${many} that no longer exist.`);
  }
  return problems;
}

function readKbId(db: Database.Database): string | null {
  try {
    const row = db.prepare('SELECT kb_id AS id FROM kb_identity WHERE singleton = 1').get() as { id: string } | undefined;
    return row?.id ?? null;
  } catch {
    return null;
  }
}
