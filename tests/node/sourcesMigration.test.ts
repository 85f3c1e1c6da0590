import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, configureConnection, openKb } from '../../main/db/openKb';
import { bundledMigrations, migrate } from '../../main/db/migrations';
import { createWriteContext } from '../../main/store/kbSession';
import { kbStoreFor } from '../../main/store/kbStore';
import { tempDir } from './support/builders';
import { buildArticle } from './support/sourceBuilders';

describe('migration 0003 (source search columns)', () => {
  it('derives the new columns and the search index for sources written before it', () => {
    const file = join(tempDir(), 'old.casebook');
    const db = new Database(file);
    configureConnection(db, { readOnly: false });
    db.pragma(`application_id = ${APPLICATION_ID}`);
    const before = bundledMigrations().filter((m) => m.name !== 'source_search' && m.version < 3);
    migrate(db, before);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.prepare(
      `INSERT INTO sources (id, citekey, csl, type, title, authors, year, created_at, updated_at, updated_by)
       VALUES ('0190a1b2-0000-7000-8000-000000000001', 'menkhaus2009', ?, 'article-journal', 'Piracy off the Horn of Africa', 'Menkhaus', 2009,
         '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 'colleague')`,
    ).run(JSON.stringify(buildArticle({ DOI: '10.1080/ABC' })));
    db.close();

    const opened = openKb(file, { backupDir: tempDir() });
    try {
      expect(opened.schemaVersion).toBeGreaterThanOrEqual(3);
      const store = kbStoreFor(createWriteContext(opened.db, () => 'tester'));
      const page = store.sources.list({ search: 'international', sort: [], offset: 0, limit: 10 });
      expect(page.rows.map((r) => [r.citekey, r.container, r.citedIn])).toEqual([['menkhaus2009', 'International Affairs', 0]]);
      expect(store.sources.identities()[0]?.doi).toBe('10.1080/abc');
      // A source added after the migration gets the next search row, not the old one's.
      const added = store.sources.create(buildArticle({ title: 'Another piece' }));
      expect(store.sources.list({ search: 'another', sort: [], offset: 0, limit: 10 }).rows.map((r) => r.id)).toEqual([added.id]);
    } finally {
      opened.db.close();
    }
  });
});
