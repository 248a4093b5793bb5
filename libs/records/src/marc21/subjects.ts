import type { RecordDraft } from '../draft/record-draft';
import { isWhiteSpace, trimmed } from '../text/trimmed';
import { fieldName, sub, type DataField } from './marc-record';

/** 2nd indicator of 6XX → thesaurus; '7' means "see $2"; '4' and anything else: none. */
const SCHEME_BY_IND2: Readonly<Record<string, string>> = {
  '0': 'lcsh',
  '1': 'lcshac',
  '2': 'mesh',
  '3': 'nal',
  '5': 'cash',
  '6': 'rvm',
};
const HEADING_CODES = 'abcdqtg';
const SUBDIVISION_CODES = 'vxyz';

/** 600–651: heading words, then subdivisions after ' -- '. */
export function mapSubject(field: DataField, draft: RecordDraft): void {
  const heading = appendTidied('', field, HEADING_CODES, ' ');
  const value = appendTidied(heading, field, SUBDIVISION_CODES, ' -- ');
  // 653 (uncontrolled keywords) uses its 2nd indicator for the kind of term, not a thesaurus.
  const scheme = field.tag === '653' ? undefined : schemeOf(field);
  if (field.tag !== '653' && field.ind2 === '7' && !scheme)
    draft.warn(fieldName(field), '2nd indicator 7 without $2; scheme unknown');
  draft.addSubject(fieldName(field), value, scheme || undefined);
}

function schemeOf(field: DataField): string | undefined {
  return field.ind2 === '7' ? sub(field, '2')?.trim() : SCHEME_BY_IND2[field.ind2];
}

/** `text` followed by the tidied, non-empty values of the given codes, each after `separator`. */
function appendTidied(text: string, field: DataField, codes: string, separator: string): string {
  let joined = text;
  for (let i = 0; i < field.codes.length; i++) {
    if (!codes.includes(field.codes[i])) continue;
    const part = tidy(field.values[i]);
    if (part !== '') joined = joined === '' ? part : `${joined}${separator}${part}`;
  }
  return joined;
}

/** Each part loses its own trailing ISBD punctuation before the parts are joined. */
function tidy(part: string): string {
  const text = trimmed(part);
  let end = text.length;
  while (end > 0 && isTrailingPunctuation(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** /[\s.,;:/]/ (a loop from the end costs less than a regex anchored at the end, which scans from the start). */
function isTrailingPunctuation(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2f || isWhiteSpace(c);
}
