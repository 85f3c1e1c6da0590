import type { ImportEntry } from '../../common/domain/sources';
import type { SourceIdentity } from '../store/sourcesService';
import { normaliseDoi, normaliseIsbn, titleAuthorYearKey } from '../store/sourceIdentity';
import type { ParsedEntry } from './importTypes';

export type DuplicateOf = NonNullable<ImportEntry['duplicateOf']>;

/**
 * Which entries are already in the knowledge base, by the strongest evidence first: the same DOI,
 * the same ISBN, the same citekey, or the same normalised title + first author + year.
 */
export function findDuplicates(entries: ParsedEntry[], known: SourceIdentity[]): Map<number, DuplicateOf> {
  const byDoi = new Map<string, SourceIdentity>();
  const byIsbn = new Map<string, SourceIdentity>();
  const byCitekey = new Map<string, SourceIdentity>();
  const byTay = new Map<string, SourceIdentity>();
  for (const s of known) {
    if (s.doi && !byDoi.has(s.doi)) byDoi.set(s.doi, s);
    if (s.isbn && !byIsbn.has(s.isbn)) byIsbn.set(s.isbn, s);
    if (!byCitekey.has(s.citekey)) byCitekey.set(s.citekey, s);
    if (s.titleAuthorYear && !byTay.has(s.titleAuthorYear)) byTay.set(s.titleAuthorYear, s);
  }
  const out = new Map<number, DuplicateOf>();
  const found = (index: number, s: SourceIdentity, reason: DuplicateOf['reason']) =>
    out.set(index, { id: s.id, citekey: s.citekey, title: s.title, reason });
  for (const entry of entries) {
    const doi = normaliseDoi(entry.csl.DOI);
    const isbn = normaliseIsbn(entry.csl.ISBN);
    const tay = titleAuthorYearKey(entry.csl);
    const hit =
      (doi && byDoi.get(doi) && ([byDoi.get(doi), 'doi'] as const)) ||
      (isbn && byIsbn.get(isbn) && ([byIsbn.get(isbn), 'isbn'] as const)) ||
      (entry.key && byCitekey.get(entry.key) && ([byCitekey.get(entry.key), 'citekey'] as const)) ||
      (tay && byTay.get(tay) && ([byTay.get(tay), 'title-author-year'] as const)) ||
      null;
    if (hit && hit[0]) found(entry.index, hit[0], hit[1]);
  }
  return out;
}
