import type { ActorKind, CaseStatus, FieldType, FieldValue } from '../../common/domain/schemas';

/**
 * The sample knowledge base as plain data (see sampleData.ts); writeSampleKb turns it into rows.
 * Keys (`key`, `actor`, field keys) only link entries inside this data; rows get UUIDs when written.
 */
export interface SampleKb {
  fields: SampleField[];
  actors: SampleActor[];
  cases: SampleCase[];
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
}

/**
 * Blocks of a case note. Inline text may use **bold**, *italic* and [link text](https://…);
 * writeSampleKb turns these into Lexical nodes.
 */
export type SampleBlock =
  | { type: 'heading'; level: 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'quote'; text: string }
  | { type: 'bullets'; items: string[] }
  | { type: 'numbers'; items: string[] };
