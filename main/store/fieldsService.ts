import type { FieldDef, FieldType, FieldValue } from '../../common/domain/schemas';
import { AppError } from '../../common/errors';
import { newId } from '../../common/ids';
import type { WriteContext } from './kbSession';
import type { StoreRepositories } from './casesService';
import { normalizeFieldValue } from './fieldValues';
import type { Stamp } from './fieldsRepository';

const SELECT_TYPES: readonly FieldType[] = ['single_select', 'multi_select'];

/**
 * User-defined fields. Names are unique case-insensitively among live fields. Removing an option
 * from a select field removes it from every case that uses it (a single-select value becomes
 * empty), in the same transaction — the UI asks for confirmation before it sends the update.
 */
export function createFieldsService(ctx: WriteContext, repos: StoreRepositories, reindex: (caseId: string) => void) {
  const { db } = ctx;
  const { fields, values, cases } = repos;
  const stamp = (): Stamp => ({ updatedAt: ctx.tick(), updatedBy: ctx.who() });
  const nowIso = () => new Date().toISOString();

  function requireField(id: string): FieldDef {
    const field = fields.get(id);
    if (!field) throw new AppError('NOT_FOUND', `No field with id “${id}” (it may have been deleted).`);
    return field;
  }

  function checkName(name: string, exceptId?: string): void {
    const clash = fields.findByName(name);
    if (clash && clash.id !== exceptId) throw new AppError('ALREADY_EXISTS', `A field named “${clash.name}” already exists.`);
  }

  function checkOptions(type: FieldType, options: string[], name: string): string[] {
    const cleaned = options.map((o) => o.trim());
    if (!SELECT_TYPES.includes(type)) {
      if (cleaned.length > 0) throw new AppError('INVALID_INPUT', `options: field “${name}” is not a select field, so it has no options.`);
      return [];
    }
    const seen = new Set<string>();
    for (const o of cleaned) {
      const key = o.toLocaleLowerCase();
      if (seen.has(key)) throw new AppError('INVALID_INPUT', `options: “${o}” appears twice in field “${name}”.`);
      seen.add(key);
    }
    return cleaned;
  }

  const createTx = db.transaction((name: string, type: FieldType, options: string[]): string => {
    checkName(name);
    const id = newId();
    fields.insert({ id, name, type, options: checkOptions(type, options, name), position: fields.nextPosition(), createdAt: nowIso(), ...stamp() });
    return id;
  });

  const updateTx = db.transaction((id: string, patch: { name?: string; options?: string[] }): void => {
    const field = requireField(id);
    const name = patch.name?.trim() ?? field.name;
    if (patch.name !== undefined) checkName(name, id);
    const options = patch.options !== undefined ? checkOptions(field.type, patch.options, name) : field.options;
    fields.update(id, { name, options, ...stamp() });

    // Options kept are re-matched so a value follows a change of spelling only in case ("un" → "UN").
    const removed = field.options.filter((o) => !options.some((n) => n.toLocaleLowerCase() === o.toLocaleLowerCase()));
    const respelled = field.options.some((o) => options.includes(o) === false);
    if (removed.length === 0 && !respelled) return;
    const next = { ...field, name, options };
    for (const v of values.forField(id)) {
      const kept: FieldValue = Array.isArray(v.value)
        ? v.value.filter((o) => options.some((n) => n.toLocaleLowerCase() === o.toLocaleLowerCase()))
        : typeof v.value === 'string' && options.some((n) => n.toLocaleLowerCase() === v.value?.toString().toLocaleLowerCase())
          ? v.value
          : null;
      const stored = normalizeFieldValue(next, kept);
      const s = stamp();
      if (stored) values.upsert({ id: newId(), caseId: v.caseId, fieldId: id, createdAt: nowIso(), ...stored, ...s });
      else values.tombstone(v.caseId, id, nowIso(), s);
      cases.touch(v.caseId, stamp());
      reindex(v.caseId);
    }
  });

  const reorderTx = db.transaction((ids: string[]): void => {
    const live = fields.listLive();
    const unique = new Set(ids);
    const liveIds = new Set(live.map((f) => f.id));
    const missing = live.filter((f) => !unique.has(f.id)).map((f) => `“${f.name}”`);
    const unknown = ids.filter((id) => !liveIds.has(id));
    if (unique.size !== ids.length || missing.length > 0 || unknown.length > 0) {
      const why = [
        unique.size !== ids.length ? 'an id appears twice' : '',
        missing.length ? `missing ${missing.join(', ')}` : '',
        unknown.length ? `unknown id “${unknown[0]}”` : '',
      ].filter(Boolean);
      throw new AppError('INVALID_INPUT', `ids: give every field exactly once (${why.join('; ')}).`);
    }
    ids.forEach((id, i) => {
      const field = live.find((f) => f.id === id);
      if (field && field.position !== i + 1) fields.setPosition(id, i + 1, stamp());
    });
  });

  const deleteTx = db.transaction((id: string): void => {
    requireField(id);
    const affected = values.caseIdsOfField(id);
    const deletedAt = nowIso();
    values.tombstoneByField(id, deletedAt, stamp());
    fields.tombstone(id, deletedAt, stamp());
    for (const caseId of affected) reindex(caseId);
  });

  return {
    list: (): FieldDef[] => fields.listLive(),
    create(name: string, type: FieldType, options: string[]): FieldDef {
      return requireField(createTx(name.trim(), type, options));
    },
    update(id: string, patch: { name?: string; options?: string[] }): FieldDef {
      updateTx(id, patch);
      return requireField(id);
    },
    /** Puts fields in the given order; `ids` must list every live field exactly once. */
    reorder(ids: string[]): FieldDef[] {
      reorderTx(ids);
      return fields.listLive();
    },
    /** Tombstones the field and all its values. */
    delete(id: string): void {
      deleteTx(id);
    },
  };
}
export type FieldsService = ReturnType<typeof createFieldsService>;
