/**
 * Where citation-js 0.8's RIS tables read a record differently from the RIS specification and
 * from how reference managers (Zotero, EndNote) write it, fixed after the mapping from the
 * record's own tags. Each fix only fills a variable the mapping left empty, or undoes a reading
 * that cannot be right, so records those tables already read well are unchanged.
 */

type Tags = Record<string, string[]>;
type DateParts = { 'date-parts': number[][] };

/** Types where citation-js reads DA as the access date (the specification's “date accessed”). */
const DA_IS_ACCESSED = new Set(['AGGR', 'DBASE', 'EBOOK', 'EJOUR', 'MULTI', 'ECHAP']);
/** Types where `SP` is the number of pages, never a page. */
const SP_IS_TOTAL = new Set(['BOOK', 'THES']);
const RIS_DATE = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?(?:[/-].*)?$/;

export function finishRisCsl(csl: Record<string, unknown>, type: string, tags: Tags): Record<string, unknown> {
  const out = { ...csl };
  const value = (tag: string) => tags[tag]?.find((v) => v !== '');

  // NEWS: citation-js reads AU as `reporter`, as text; a newspaper article's authors are its
  // authors (as Zotero writes them).
  const authors = [...(tags.AU ?? []), ...(tags.A1 ?? [])].filter(Boolean);
  if (type === 'NEWS' && out.author === undefined && authors.length > 0) {
    out.author = authors.map(risName);
    delete out.reporter;
  }

  // ED (in the older specification, still written by many tools) is the editor of any type.
  const editors = (tags.ED ?? []).filter(Boolean);
  if (editors.length > 0 && out.editor === undefined) out.editor = editors.map(risName);

  // CONF: PY is the year published, not the date of the conference (an event date read from
  // another tag is kept).
  const y2 = risDate(value('Y2'));
  if (type === 'CONF' && samePoint(out['event-date'], risDate(value('PY'))) && !samePoint(out['event-date'], y2)) delete out['event-date'];

  // The publication date: citation-js reads only PY for some types (NEWS, CHAP) and only DA for
  // CONF; the fuller of the two is the date, when they agree on the year.
  if (!DA_IS_ACCESSED.has(type)) {
    const year = risDate(value('PY') ?? value('Y1'));
    const full = risDate(value('DA'));
    const best = full && (!year || year[0] === full[0]) ? full : year;
    const issued = datePoint(out.issued);
    if (best && (out.issued === undefined || (issued !== null && issued[0] === best[0] && issued.length < best.length))) {
      out.issued = { 'date-parts': [best] } satisfies DateParts;
    }
  }

  // ELEC: Y2 is the access date, and T2 the website, which citation-js reads as the series (both
  // as Zotero writes them). Other types' Y2 citation-js already reads, or (in records of the older
  // specification, where Y2 is a secondary date) rightly leaves alone.
  if (type === 'ELEC' && y2 && out.accessed === undefined) out.accessed = { 'date-parts': [y2] } satisfies DateParts;
  const t2 = value('T2');
  if (type === 'ELEC' && t2 !== undefined && out['container-title'] === undefined) {
    out['container-title'] = t2;
    if (out['collection-title'] === t2) delete out['collection-title'];
    const t3 = value('T3');
    if (t3 !== undefined && out['collection-title'] === undefined) out['collection-title'] = t3;
  }

  // Books and theses: SP is the number of pages; without EP it is not also a page range.
  if (SP_IS_TOTAL.has(type) && value('EP') === undefined && out.page !== undefined && out.page === value('SP')) delete out.page;
  return out;
}

/** `Family, Given, Suffix`; one word alone is a family name, several without a comma an institution. */
function risName(text: string): Record<string, string> {
  const parts = text.split(/, ?/);
  const [family = '', given = '', suffix = ''] = parts;
  if (parts.length === 1) return /\s/.test(family) ? { literal: family } : { family };
  if (parts.length > 3) return { literal: text };
  const name: Record<string, string> = { family, given };
  if (suffix) name.suffix = suffix;
  return name;
}

/** `2011/03/04/`, `2011/03//`, `2011///`, `2011-03-04`, `2011` → date parts; anything else → null. */
function risDate(text: string | undefined): number[] | null {
  const m = text === undefined ? null : RIS_DATE.exec(text.trim());
  if (!m) return null;
  const parts = [Number(m[1])];
  const month = m[2] === undefined ? NaN : Number(m[2]);
  const day = m[3] === undefined ? NaN : Number(m[3]);
  if (month >= 1 && month <= 12) {
    parts.push(month);
    if (day >= 1 && day <= 31) parts.push(day);
  }
  return parts;
}

function samePoint(date: unknown, point: number[] | null): boolean {
  const a = datePoint(date);
  return a !== null && point !== null && a.length === point.length && a.every((p, i) => p === point[i]);
}

function datePoint(date: unknown): number[] | null {
  const parts = (date as { 'date-parts'?: unknown } | undefined)?.['date-parts'];
  if (!Array.isArray(parts) || parts.length !== 1 || !Array.isArray(parts[0])) return null;
  const point = (parts[0] as unknown[]).map((p) => (typeof p === 'number' ? p : typeof p === 'string' ? Number(p) : NaN));
  return point.length > 0 && point.every(Number.isFinite) ? point : null;
}
