import type Database from 'better-sqlite3';
import type { FieldDef, FieldType } from '../../common/domain/schemas';

interface FieldRow {
  id: string;
  name: string;
  type: string;
  options: string;
  position: number;
}

export interface Stamp {
  updatedAt: string;
  updatedBy: string;
}

const COLUMNS = 'id, name, type, options, position';

function fromRow(row: FieldRow): FieldDef {
  return { id: row.id, name: row.name, type: row.type as FieldType, options: JSON.parse(row.options) as string[], position: row.position };
}

/** User-defined fields (`fields`): live definitions in display order, and their writes. */
export function createFieldsRepository(db: Database.Database) {
  const listLive = db.prepare<[], FieldRow>(`SELECT ${COLUMNS} FROM fields WHERE deleted_at IS NULL ORDER BY position, id`);
  const getLive = db.prepare<[string], FieldRow>(`SELECT ${COLUMNS} FROM fields WHERE id = ? AND deleted_at IS NULL`);
  const findByName = db.prepare<[string], FieldRow>(
    `SELECT ${COLUMNS} FROM fields WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL LIMIT 1`,
  );
  const maxPosition = db.prepare<[], { m: number | null }>('SELECT max(position) AS m FROM fields WHERE deleted_at IS NULL');
  const insert = db.prepare(
    `INSERT INTO fields (id, name, type, options, position, created_at, updated_at, updated_by)
     VALUES (@id, @name, @type, @options, @position, @createdAt, @updatedAt, @updatedBy)`,
  );
  const update = db.prepare(
    'UPDATE fields SET name = @name, options = @options, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id',
  );
  const setPosition = db.prepare(
    'UPDATE fields SET position = @position, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id',
  );
  const tombstone = db.prepare(
    'UPDATE fields SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id AND deleted_at IS NULL',
  );

  return {
    listLive: (): FieldDef[] => listLive.all().map(fromRow),
    get(id: string): FieldDef | undefined {
      const row = getLive.get(id);
      return row ? fromRow(row) : undefined;
    },
    findByName(name: string): FieldDef | undefined {
      const row = findByName.get(name);
      return row ? fromRow(row) : undefined;
    },
    nextPosition: (): number => (maxPosition.get()?.m ?? 0) + 1,
    insert(field: FieldDef & Stamp & { createdAt: string }): void {
      insert.run({ ...field, options: JSON.stringify(field.options) });
    },
    update(id: string, data: { name: string; options: string[] } & Stamp): void {
      update.run({ id, name: data.name, options: JSON.stringify(data.options), updatedAt: data.updatedAt, updatedBy: data.updatedBy });
    },
    setPosition(id: string, position: number, stamp: Stamp): void {
      setPosition.run({ id, position, ...stamp });
    },
    tombstone(id: string, deletedAt: string, stamp: Stamp): void {
      tombstone.run({ id, deletedAt, ...stamp });
    },
  };
}
export type FieldsRepository = ReturnType<typeof createFieldsRepository>;
