import type { NormalizedRecord, EncodingProblem } from '@hop-luu/records';

/** The fields whose presence the report measures, as the API names them. */
export const QUALITY_FIELDS = [
  'TITLE',
  'CREATOR',
  'YEAR',
  'ISBN_ISSN',
  'SUBJECT',
  'LANGUAGE',
] as const;
export type QualityField = (typeof QUALITY_FIELDS)[number];

/** The encoding problems the report counts, as the API names them. */
export const ENCODING_KINDS = [
  'TCVN3',
  'VNI',
  'DECOMPOSED',
  'DOUBLE_UTF8',
  'INVALID_BYTES',
] as const;
export type EncodingKind = (typeof ENCODING_KINDS)[number];

const KIND_OF: Readonly<Record<EncodingProblem, EncodingKind>> = {
  tcvn3: 'TCVN3',
  vni: 'VNI',
  decomposed: 'DECOMPOSED',
  'double-utf8': 'DOUBLE_UTF8',
  'invalid-bytes': 'INVALID_BYTES',
};

export function encodingKindOf(problem: EncodingProblem): EncodingKind {
  return KIND_OF[problem];
}

/** Which of the measured fields a record has; stored on its catalogue document so a report is one aggregation. */
export function presentFields(record: NormalizedRecord): QualityField[] {
  const present: QualityField[] = [];
  if (record.title !== '') present.push('TITLE');
  if (record.creators.length > 0) present.push('CREATOR');
  if (record.year !== undefined) present.push('YEAR');
  if (record.identifiers.isbn.length > 0 || record.identifiers.issn.length > 0)
    present.push('ISBN_ISSN');
  if (record.subjects.length > 0) present.push('SUBJECT');
  if (record.languages.length > 0) present.push('LANGUAGE');
  return present;
}
