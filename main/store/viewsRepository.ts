import type Database from 'better-sqlite3';
import type { Stamp } from './fieldsRepository';

/** Saved table layouts (`saved_views`), one live row per table and name. */
export function createViewsRepository(db: Database.Database) {
  const find = db.prepare<[string, string], { id: string; layout: string }>(
    'SELECT id, layout FROM saved_views WHERE table_name = ? AND name = ? AND deleted_at IS NULL',
  );
  const insert = db.prepare(
    `INSERT INTO saved_views (id, table_name, name, layout, created_at, updated_at, updated_by)
     VALUES (@id, @tableName, @name, @layout, @createdAt, @updatedAt, @updatedBy)`,
  );
  const update = db.prepare('UPDATE saved_views SET layout = @layout, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id');

  return {
    find: (tableName: string, name: string) => find.get(tableName, name),
    insert(view: { id: string; tableName: string; name: string; layout: string; createdAt: string } & Stamp): void {
      insert.run(view);
    },
    update(id: string, layout: string, stamp: Stamp): void {
      update.run({ id, layout, ...stamp });
    },
  };
}
export type ViewsRepository = ReturnType<typeof createViewsRepository>;
