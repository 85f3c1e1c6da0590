import type { ActorKind, CaseStatus, FieldType, FieldValue } from '../../common/domain/schemas';
import type { LocatorLabel } from '../../common/domain/sources';

/**
 * The sample knowledge base as plain data (see sampleData.ts); writeSampleKb turns it into rows.
 * Keys (`key`, `actor`, field keys) only link entries inside this data; rows get UUIDs when written.
 */
export interface SampleKb {
  fields: SampleField[];
  actors: SampleActor[];
  /** Written before the cases, so notes can cite them. */
  sources?: SampleSource[];
  cases: SampleCase[];
}

/** A bibliographic source as CSL-JSON (without `id`), with its citekey. `key` links citations to it. */
export interface SampleSource {
  key: string;
  citekey: string;
  csl: Record<string, unknown>;
}

/** One citation of a footnote: a source key, where in it, and an optional short quote. */
export interface SampleCitation {
  source: string;
  locator?: string;
  label?: LocatorLabel;
  prefix?: string;
  suffix?: string;
  quote?: string;
}

export interface SampleField {
  key: string;
  name: string;
  type: FieldType;
  /** Choices of single_select / multi_select fields. */
  options?: string[];
}

export interface SampleActor {
  key: string;
  name: string;
  abbreviation?: string;
  kind: ActorKind;
}

export interface SampleCase {
  title: string;
  /** One or two sentences in our own words. */
  summary: string;
  periodStart: string | null;
  periodEnd: string | null;
  region: string;
  status: CaseStatus;
  tags: string[];
  actors: { actor: string; role: string }[];
  /** Values of user fields by field key; the value's shape follows the field's type. */
  values: Record<string, FieldValue>;
  note: SampleBlock[];
  /**
   * Footnotes of the note: inline text marks one with `[^name]` (any name unique in this case);
   * its citations are listed here under that name. Numbers come from document order.
   */
  footnotes?: Record<string, SampleCitation[]>;
}

/**
 * Blocks of a case note. Inline text may use **bold**, *italic*, [link text](https://…) and
 * footnote markers `[^name]`;
 * writeSampleKb turns these into Lexical nodes.
 */
export type SampleBlock =
  | { type: 'heading'; level: 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'quote'; text: string }
  | { type: 'bullets'; items: string[] }
  | { type: 'numbers'; items: string[] };
