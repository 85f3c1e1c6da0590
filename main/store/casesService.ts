import type { CaseDetail, CasePatch, CaseQuery, CaseRow, FieldValue, LexicalJson } from '../../common/domain/schemas';
import { noteToPlainText } from '../../common/editor/noteText';
import { AppError } from '../../common/errors';
import { newId } from '../../common/ids';
import type { WriteContext } from './kbSession';
import type { ActorsRepository, CaseActorLink } from './actorsRepository';
import { createCaseListQuery } from './caseListQuery';
import type { CaseBuiltins, CaseRecord, CasesRepository } from './casesRepository';
import { normalizeFieldValue, valueToText } from './fieldValues';
import type { FieldsRepository, Stamp } from './fieldsRepository';
import type { TagsRepository } from './tagsRepository';
import { createCitationsSync, readFootnotes } from './citationsSync';
import type { CollectedFootnote } from '../../common/editor/footnotes';
import type { ValuesRepository } from './valuesRepository';

export interface StoreRepositories {
  cases: CasesRepository;
  fields: FieldsRepository;
  values: ValuesRepository;
  tags: TagsRepository;
  actors: ActorsRepository;
}

/** Notes above this size are refused: a note that large is almost certainly a paste gone wrong. */
export const MAX_NOTE_BYTES = 10 * 1024 * 1024;

export type NewCase = { title: string } & CasePatch;

/**
 * Case operations as the app, the CLI and the sample writer perform them. Every write is one
 * transaction that also rewrites the case's full-text row, stamps `updated_at` with the hybrid
 * clock and `updated_by` with the editing person.
 */
export function createCasesService(ctx: WriteContext, repos: StoreRepositories) {
  const { db } = ctx;
  const { cases, fields, values, tags, actors } = repos;
  const listCaseIds = createCaseListQuery(db, (id) => fields.get(id));
  const citationsSync = createCitationsSync(ctx);

  const stamp = (): Stamp => ({ updatedAt: ctx.tick(), updatedBy: ctx.who() });
  const nowIso = () => new Date().toISOString();

  function requireCase(id: string): CaseRecord {
    const record = cases.get(id);
    if (!record) throw new AppError('NOT_FOUND', `No case with id “${id}”.`);
    return record;
  }

  /** A case that may be edited: it exists and is not in the Trash. */
  function requireEditable(id: string): CaseRecord {
    const record = requireCase(id);
    if (record.trashedAt) throw new AppError('CONFLICT', `“${record.title}” is in the Trash; restore it before editing it.`);
    return record;
  }

  /** Rewrites the full-text row of a case from its current rows. Call inside the write's transaction. */
  function reindex(caseId: string): void {
    const record = cases.get(caseId);
    if (!record) return;
    const parts: string[] = [];
    const fieldIds = new Set(fields.listLive().map((f) => f.id));
    for (const v of values.forCases([caseId])) if (fieldIds.has(v.fieldId)) parts.push(valueToText(v.value));
    if (record.region) parts.push(record.region);
    for (const t of tags.linksOfCases([caseId])) parts.push(t.name);
    for (const a of actors.linksOfCases([caseId])) parts.push(a.abbreviation ? `${a.name} ${a.abbreviation}` : a.name);
    cases.writeFts(record.ftsRowid, {
      title: record.title,
      summary: record.summary,
      fields: parts.filter(Boolean).join('\n'),
      // Quotes captured in the note's footnotes are found like the note's own words.
      note: [record.noteText, ...citationsSync.quotesOfCase(caseId)].join('\n'),
    });
  }

  /** Table rows for records, with tags, actors and values fetched for all of them in three queries. */
  function toRows(records: CaseRecord[]): CaseRow[] {
    const ids = records.map((r) => r.id);
    const tagsBy = groupBy(tags.linksOfCases(ids), (t) => t.caseId);
    const actorsBy = groupBy(actors.linksOfCases(ids), (a) => a.caseId);
    const valuesBy = groupBy(values.forCases(ids), (v) => v.caseId);
    return records.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      region: r.region,
      status: r.status,
      tags: (tagsBy.get(r.id) ?? []).map((t) => t.name),
      actors: (actorsBy.get(r.id) ?? []).map(actorLabel),
      values: Object.fromEntries((valuesBy.get(r.id) ?? []).map((v) => [v.fieldId, v.value])) as Record<string, FieldValue>,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
      trashedAt: r.trashedAt,
    }));
  }

  function detail(id: string): CaseDetail {
    const record = requireCase(id);
    const [row] = toRows([record]);
    return {
      ...(row as CaseRow),
      note: parseNote(record.noteJson),
      noteText: record.noteText,
      noteUpdatedAt: record.noteUpdatedAt,
      caseActors: actors.linksOfCases([id]).map(({ caseId: _caseId, ...link }) => link),
    };
  }

  function checkPeriod(b: CaseBuiltins): void {
    if (b.periodStart && b.periodEnd && b.periodEnd < b.periodStart.slice(0, b.periodEnd.length)) {
      throw new AppError('INVALID_INPUT', `periodEnd: the period ends (${b.periodEnd}) before it starts (${b.periodStart}).`);
    }
  }

  /** Marks the case changed (its row shows who changed it last) and refreshes its search text. */
  function touchAndReindex(caseId: string): void {
    cases.touch(caseId, stamp());
    reindex(caseId);
  }

  const createTx = db.transaction((input: NewCase): string => {
    const id = newId();
    const builtins: CaseBuiltins = {
      title: input.title.trim(),
      summary: input.summary ?? '',
      periodStart: input.periodStart ?? null,
      periodEnd: input.periodEnd ?? null,
      region: input.region?.trim() ?? '',
      status: input.status ?? 'draft',
    };
    checkPeriod(builtins);
    cases.insert({ id, ftsRowid: cases.nextFtsRowid(), createdAt: nowIso(), ...builtins, ...stamp() });
    reindex(id);
    return id;
  });

  const updateTx = db.transaction((id: string, patch: CasePatch): void => {
    const r = requireEditable(id);
    const next: CaseBuiltins = {
      title: patch.title?.trim() ?? r.title,
      summary: patch.summary ?? r.summary,
      periodStart: patch.periodStart !== undefined ? patch.periodStart : r.periodStart,
      periodEnd: patch.periodEnd !== undefined ? patch.periodEnd : r.periodEnd,
      region: patch.region?.trim() ?? r.region,
      status: patch.status ?? r.status,
    };
    checkPeriod(next);
    cases.update(id, next, stamp());
    reindex(id);
  });

  const setValueTx = db.transaction((caseId: string, fieldId: string, value: FieldValue): void => {
    requireEditable(caseId);
    const field = fields.get(fieldId);
    if (!field) throw new AppError('NOT_FOUND', `No field with id “${fieldId}” (it may have been deleted).`);
    const stored = normalizeFieldValue(field, value);
    const s = stamp();
    if (stored) values.upsert({ id: newId(), caseId, fieldId, createdAt: nowIso(), ...stored, ...s });
    else values.tombstone(caseId, fieldId, nowIso(), s);
    touchAndReindex(caseId);
  });

  const setTagsTx = db.transaction((caseId: string, names: string[]): void => {
    requireEditable(caseId);
    const wanted = new Map<string, string>();
    for (const raw of names) {
      const name = raw.trim().replace(/\s+/g, ' ');
      if (name && !wanted.has(name.toLocaleLowerCase())) wanted.set(name.toLocaleLowerCase(), name);
    }
    const current = tags.linksOfCases([caseId]);
    const s = stamp();
    for (const link of current) {
      if (!wanted.has(link.name.toLocaleLowerCase())) tags.tombstoneLink(link.linkId, nowIso(), s);
    }
    const have = new Set(current.map((l) => l.name.toLocaleLowerCase()));
    for (const [key, name] of wanted) {
      if (have.has(key)) continue;
      let tag = tags.findByName(name);
      if (!tag) {
        tag = { id: newId(), name };
        tags.insertTag({ ...tag, createdAt: nowIso(), ...s });
      }
      tags.insertLink({ id: newId(), caseId, tagId: tag.id, createdAt: nowIso(), ...s });
    }
    touchAndReindex(caseId);
  });

  const trashTx = db.transaction((ids: string[]): number => {
    let count = 0;
    for (const id of ids) {
      const r = requireCase(id);
      if (r.trashedAt) continue;
      cases.setTrashed(id, nowIso(), stamp());
      count++;
    }
    return count;
  });

  const restoreTx = db.transaction((ids: string[]): number => {
    let count = 0;
    for (const id of ids) {
      const r = requireCase(id);
      if (!r.trashedAt) continue;
      cases.setTrashed(id, null, stamp());
      count++;
    }
    return count;
  });

  const purgeTx = db.transaction((ids: string[]): number => {
    let count = 0;
    for (const id of new Set(ids)) {
      const r = requireCase(id);
      if (!r.trashedAt) throw new AppError('CONFLICT', `“${r.title}” is not in the Trash; only cases in the Trash can be deleted forever.`);
      const deletedAt = nowIso();
      values.tombstoneByCase(id, deletedAt, stamp());
      tags.tombstoneLinksOfCase(id, deletedAt, stamp());
      actors.tombstoneLinksOfCase(id, deletedAt, stamp());
      cases.tombstoneDependants(id, deletedAt, stamp());
      cases.tombstone(id, deletedAt, stamp());
      cases.deleteFts(r.ftsRowid);
      count++;
    }
    return count;
  });

  const saveNoteTx = db.transaction((caseId: string, noteJson: string, noteText: string, footnotes: CollectedFootnote[]): string => {
    requireEditable(caseId);
    const noteUpdatedAt = ctx.tick();
    cases.setNote(caseId, { noteJson, noteText, noteUpdatedAt }, { updatedAt: noteUpdatedAt, updatedBy: ctx.who() });
    // Citation rows of the note's footnotes are written in this same transaction, so the note
    // and its citations can never disagree.
    citationsSync.sync(caseId, footnotes);
    reindex(caseId);
    return noteUpdatedAt;
  });

  const linkActorTx = db.transaction((caseId: string, actorId: string, role: string): void => {
    requireEditable(caseId);
    const actor = actors.get(actorId);
    if (!actor) throw new AppError('NOT_FOUND', `No actor with id “${actorId}”.`);
    if (actors.findLink(caseId, actorId)) {
      throw new AppError('ALREADY_EXISTS', `${actor.name} is already linked to this case; change its role instead.`);
    }
    actors.insertLink({ id: newId(), caseId, actorId, role: role.trim(), position: actors.nextLinkPosition(caseId), createdAt: nowIso(), ...stamp() });
    touchAndReindex(caseId);
  });

  function requireLink(linkId: string): CaseActorLink {
    const link = actors.getLink(linkId);
    if (!link) throw new AppError('NOT_FOUND', `No actor link with id “${linkId}”.`);
    requireEditable(link.caseId);
    return link;
  }

  const updateActorLinkTx = db.transaction((linkId: string, role: string): string => {
    const link = requireLink(linkId);
    actors.updateLinkRole(linkId, role.trim(), stamp());
    touchAndReindex(link.caseId);
    return link.caseId;
  });

  const unlinkActorTx = db.transaction((linkId: string): string => {
    const link = requireLink(linkId);
    actors.tombstoneLink(linkId, nowIso(), stamp());
    touchAndReindex(link.caseId);
    return link.caseId;
  });

  return {
    reindex,
    get: detail,
    /** One page of the cases table (or the Trash), sorted, filtered and searched in SQLite. */
    list(query: CaseQuery & { offset: number; limit: number }): { total: number; offset: number; rows: CaseRow[] } {
      const { total, ids } = listCaseIds(query);
      const byId = new Map(cases.rowsByIds(ids).map((r) => [r.id, r]));
      const records = ids.map((id) => byId.get(id)).filter((r): r is CaseRecord => r !== undefined);
      return { total, offset: query.offset, rows: toRows(records) };
    },
    create: (input: NewCase): CaseDetail => detail(createTx(input)),
    update(id: string, patch: CasePatch): CaseDetail {
      updateTx(id, patch);
      return detail(id);
    },
    setValue(caseId: string, fieldId: string, value: FieldValue): CaseDetail {
      setValueTx(caseId, fieldId, value);
      return detail(caseId);
    },
    setTags(caseId: string, names: string[]): CaseDetail {
      setTagsTx(caseId, names);
      return detail(caseId);
    },
    /** Moves cases to the Trash; returns how many were not there already. */
    trash: (ids: string[]): number => trashTx(ids),
    restore: (ids: string[]): number => restoreTx(ids),
    /** "Delete forever": tombstones trashed cases and everything that hangs off them. */
    purge: (ids: string[]): number => purgeTx(ids),
    /** Saves a note: JSON, derived plain text and the search row change together or not at all. */
    saveNote(caseId: string, note: LexicalJson): { noteUpdatedAt: string; noteText: string } {
      const noteJson = JSON.stringify(note);
      const bytes = Buffer.byteLength(noteJson, 'utf8');
      if (bytes > MAX_NOTE_BYTES) {
        throw new AppError('INVALID_INPUT', `note: the note is ${(bytes / 1024 / 1024).toFixed(1)} MB; notes are limited to 10 MB. Split it or remove pasted images.`);
      }
      const noteText = noteToPlainText(note);
      const footnotes = readFootnotes(note);
      return { noteUpdatedAt: saveNoteTx(caseId, noteJson, noteText, footnotes), noteText };
    },
    linkActor(caseId: string, actorId: string, role: string): CaseDetail {
      linkActorTx(caseId, actorId, role);
      return detail(caseId);
    },
    updateActorLink: (linkId: string, role: string): CaseDetail => detail(updateActorLinkTx(linkId, role)),
    unlinkActor: (linkId: string): CaseDetail => detail(unlinkActorTx(linkId)),
  };
}
export type CasesService = ReturnType<typeof createCasesService>;

/** How an actor appears in the cases table: its abbreviation when it has one (AMISOM), else its name. */
export function actorLabel(a: { name: string; abbreviation: string }): string {
  return a.abbreviation || a.name;
}

function parseNote(json: string | null): LexicalJson | null {
  if (!json) return null;
  try {
    const note = JSON.parse(json) as unknown;
    return typeof note === 'object' && note !== null && 'root' in note ? (note as LexicalJson) : null;
  } catch {
    return null;
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
