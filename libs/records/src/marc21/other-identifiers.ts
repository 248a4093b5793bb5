import type { RecordDraft } from '../draft/record-draft';
import { compactNumber, normalizeLccn, oclcNumber } from '../identifiers';
import { fieldName, sub, subs, type DataField } from './marc-record';

/** 010 $a: LC control number ('lccn:…'); $z (cancelled) is not read. */
export function map010(field: DataField, draft: RecordDraft): void {
  draft.addOtherId(fieldName(field, 'a'), sub(field, 'a'), 'lccn', normalizeLccn);
}

/** 015 $a: national bibliography number ('nbn:…'), each repetition. */
export function map015(field: DataField, draft: RecordDraft): void {
  for (const value of subs(field, 'a'))
    draft.addOtherId(fieldName(field, 'a'), value, 'nbn', compactNumber);
}

/**
 * 016 $a: control number of a national bibliographic agency ('nbd:<agency>:…'). The agency is
 * $2 when ind1 is 7; a blank ind1 means Library and Archives Canada (MARC code 'cacona').
 * The agency is part of the value: two agencies' numbers are unrelated.
 */
export function map016(field: DataField, draft: RecordDraft): void {
  const agency = field.ind1 === '7' ? sub(field, '2')?.trim().toLowerCase() : 'cacona';
  if (!agency) {
    draft.warn(fieldName(field, '2'), 'missing agency code (ind1 7 needs $2); number not read');
    return;
  }
  draft.addOtherId(fieldName(field, 'a'), sub(field, 'a'), `nbd:${agency}`, compactNumber);
}

/** 035 $a: only OCLC numbers ('(OCoLC)…' → 'oclc:…'); local system numbers name nothing outside their catalogue. */
export function map035(field: DataField, draft: RecordDraft): void {
  for (const value of subs(field, 'a')) {
    if (/^\s*\(OCoLC\)/i.test(value))
      draft.addOtherId(fieldName(field, 'a'), value, 'oclc', oclcNumber);
  }
}
