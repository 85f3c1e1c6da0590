import type { LexicalJson } from '../../common/domain/schemas';
import { collectFootnotes, FootnoteError, type CollectedFootnote } from '../../common/editor/footnotes';
import { AppError } from '../../common/errors';
import type { WriteContext } from './kbSession';
import { createCitationsRepository, type CitationFields, type CitationRecord } from './citationsRepository';

/**
 * The footnotes of a note, read and checked before its save transaction starts. A malformed
 * citation is refused with the footnote's number, before anything is written.
 */
export function readFootnotes(note: LexicalJson): CollectedFootnote[] {
  try {
    return collectFootnotes(note);
  } catch (e) {
    if (e instanceof FootnoteError) throw new AppError('INVALID_INPUT', `note: ${e.message}`);
    throw e;
  }
}

/**
 * Keeps a case's citation rows equal to the citations in its note's footnotes (DESIGN §4). Runs
 * inside the note's save transaction: new citations are inserted, changed ones updated, ones no
 * longer in the note tombstoned, and a tombstoned one that is back in the note (undo in the
 * editor) is brought back under its old id. Any problem throws, so nothing of the save is written.
 */
export function createCitationsSync(ctx: WriteContext) {
  const { db } = ctx;
  const citations = createCitationsRepository(db);
  const liveSource = db.prepare<[string], { id: string }>('SELECT id FROM sources WHERE id = ? AND deleted_at IS NULL');
  const caseTitle = db.prepare<[string], { title: string }>('SELECT title FROM cases WHERE id = ?');

  function sync(caseId: string, footnotes: CollectedFootnote[]): void {
    const existing = new Map<string, CitationRecord>(citations.ofCase(caseId).map((c) => [c.id, c]));
    const seen = new Map<string, number>();
    const sourceOk = new Map<string, boolean>();
    const stamp = () => ({ updatedAt: ctx.tick(), updatedBy: ctx.who() });
    const now = new Date().toISOString();

    for (const footnote of footnotes) {
      for (const ref of footnote.citations) {
        const earlier = seen.get(ref.id);
        if (earlier !== undefined) {
          throw new AppError(
            'INVALID_INPUT',
            earlier === footnote.number
              ? `Footnote ${footnote.number} lists the same citation twice (id “${ref.id}”).`
              : `Footnotes ${earlier} and ${footnote.number} share one citation id (“${ref.id}”); each citation needs its own id.`,
          );
        }
        seen.set(ref.id, footnote.number);

        let ok = sourceOk.get(ref.sourceId);
        if (ok === undefined) {
          ok = liveSource.get(ref.sourceId) !== undefined;
          sourceOk.set(ref.sourceId, ok);
        }
        if (!ok) throw new AppError('INVALID_INPUT', `Footnote ${footnote.number} cites a source that is not in this knowledge base (it may have been deleted).`);

        const fields: CitationFields = {
          sourceId: ref.sourceId,
          locator: ref.locator.trim(),
          label: ref.label,
          prefix: ref.prefix,
          suffix: ref.suffix,
          quote: ref.quote,
        };
        const row = existing.get(ref.id);
        if (row) {
          if (row.deletedAt !== null || !sameFields(row, fields)) citations.update(ref.id, fields, stamp());
          continue;
        }
        const other = citations.get(ref.id);
        if (other) {
          const title = caseTitle.get(other.caseId)?.title ?? 'another case';
          throw new AppError(
            'INVALID_INPUT',
            `Footnote ${footnote.number} uses citation id “${ref.id}”, which belongs to “${title}”; a citation belongs to one case (copy the footnote to get a new one).`,
          );
        }
        citations.insert({ id: ref.id, caseId, createdAt: now, ...fields, ...stamp() });
      }
    }

    for (const row of existing.values()) {
      if (row.deletedAt === null && !seen.has(row.id)) citations.tombstone(row.id, now, stamp());
    }
  }

  return {
    sync,
    /** Quotes captured in the case's live citations (part of its search text). */
    quotesOfCase: (caseId: string): string[] => citations.quotesOfCase(caseId),
  };
}
export type CitationsSync = ReturnType<typeof createCitationsSync>;

function sameFields(row: CitationRecord, f: CitationFields): boolean {
  return (
    row.sourceId === f.sourceId &&
    row.locator === f.locator &&
    row.label === f.label &&
    row.prefix === f.prefix &&
    row.suffix === f.suffix &&
    row.quote === f.quote
  );
}
