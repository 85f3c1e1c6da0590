import type Database from 'better-sqlite3';
import type { ExportScope, ExportSources } from '../../common/domain/exports';
import { AppError } from '../../common/errors';

export interface ResolvedScope {
  /** Live cases in document order. */
  caseIds: string[];
  /** Sources to export: those cited by the cases, or every live source. */
  sourceIds: string[];
  /** A title for the document ("Horn of Africa piracy, 2009", "Cases tagged piracy", …). */
  title: string;
}

/**
 * Which cases and sources an export covers. Cases in the Trash are never exported; a case asked
 * for by id that is missing or in the Trash is refused by name. `sources: 'cited'` is every source
 * a live citation of the cases points at; `'all'` is every live source of the knowledge base.
 */
export function resolveScope(db: Database.Database, scope: ExportScope, sources: ExportSources): ResolvedScope {
  let caseIds: string[];
  let title: string;
  if (scope.kind === 'kb') {
    caseIds = db
      .prepare<[], string>('SELECT id FROM cases WHERE deleted_at IS NULL AND trashed_at IS NULL ORDER BY title COLLATE NOCASE, id')
      .pluck()
      .all();
    title = 'Knowledge base';
  } else if (scope.kind === 'tag') {
    caseIds = db
      .prepare<[string], string>(
        `SELECT c.id FROM cases c
         JOIN case_tags ct ON ct.case_id = c.id AND ct.deleted_at IS NULL
         JOIN tags t ON t.id = ct.tag_id AND t.deleted_at IS NULL
         WHERE t.name = ? COLLATE NOCASE AND c.deleted_at IS NULL AND c.trashed_at IS NULL
         ORDER BY c.title COLLATE NOCASE, c.id`,
      )
      .pluck()
      .all(scope.tag);
    if (caseIds.length === 0) throw new AppError('NOT_FOUND', `tag: no case outside the Trash has the tag “${scope.tag.slice(0, 100)}”.`);
    title = `Cases tagged “${scope.tag}”`;
  } else {
    const get = db.prepare<[string], { id: string; title: string; trashed_at: string | null; deleted_at: string | null }>(
      'SELECT id, title, trashed_at, deleted_at FROM cases WHERE id = ?',
    );
    const seen = new Set<string>();
    caseIds = [];
    const titles: string[] = [];
    for (const id of scope.caseIds) {
      if (seen.has(id)) continue;
      seen.add(id);
      const row = get.get(id);
      if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND', `case: there is no case with id ${id}.`);
      if (row.trashed_at !== null) throw new AppError('INVALID_INPUT', `case: “${row.title}” is in the Trash; restore it to export it.`);
      caseIds.push(id);
      titles.push(row.title);
    }
    title = titles.length === 1 ? (titles[0] as string) : `${titles.length} cases`;
  }

  let sourceIds: string[];
  if (sources === 'all') {
    sourceIds = db.prepare<[], string>('SELECT id FROM sources WHERE deleted_at IS NULL ORDER BY citekey').pluck().all();
  } else {
    const cited = db.prepare<[string], string>(
      `SELECT DISTINCT ci.source_id FROM citations ci JOIN sources s ON s.id = ci.source_id AND s.deleted_at IS NULL
       WHERE ci.case_id = ? AND ci.deleted_at IS NULL`,
    );
    const set = new Set<string>();
    for (const id of caseIds) for (const sourceId of cited.pluck().all(id)) set.add(sourceId);
    sourceIds = [...set];
  }
  return { caseIds, sourceIds, title };
}
