import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { resolveAppPath } from '../appPaths';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The migrations shipped with this build, in order: `migrations/NNNN_name.sql`. */
export function loadMigrations(dir = resolveAppPath('migrations')): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_PATTERN.exec(file) }))
    .filter((m): m is { file: string; match: RegExpExecArray } => m.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] as string,
      sql: readFileSync(join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations/: expected version ${i + 1}, found ${m.version}_${m.name}`);
  });
  return migrations;
}

let cached: Migration[] | undefined;
export function bundledMigrations(): Migration[] {
  cached ??= loadMigrations();
  return cached;
}

/** The schema version this build writes: the last migration's number. */
export function latestSchemaVersion(): number {
  return bundledMigrations().length;
}

/** Applies every migration above the file's user_version, each in its own transaction. */
export function migrate(db: Database.Database, migrations = bundledMigrations()): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
