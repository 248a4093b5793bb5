import type { RecordDraft } from '../draft/record-draft';
import type { MarcRecord } from './marc-record';

/** Leader/06 type of record → a type term `pickResourceType` understands. */
const LEADER_06: Readonly<Record<string, string>> = {
  a: 'text',
  t: 'text',
  e: 'map',
  f: 'map',
  g: 'moving image',
  i: 'sound',
  j: 'sound',
  k: 'still image',
  m: 'computer file',
  c: 'notated music',
  d: 'notated music',
  o: 'kit',
  p: 'mixed',
  r: 'object',
};
/** Leader/07 bibliographic level for language material. */
const LEADER_07_TEXT: Readonly<Record<string, string>> = {
  m: 'book',
  s: 'journal',
  a: 'article',
  b: 'article',
  i: 'journal',
};

/** Reads leader/06-07 and 008 (date1 07-10, nature of contents 24-27, language 35-37). */
export function mapFixedFields(marc: MarcRecord, draft: RecordDraft): void {
  draft.guard('leader', () => mapLeader(marc, draft));
  draft.guard('008', () => map008(marc, draft));
}

function mapLeader(marc: MarcRecord, draft: RecordDraft): void {
  const { leader } = marc;
  if (leader.length !== 24) draft.warn('leader', `length ${leader.length}, expected 24`);
  const type = LEADER_06[leader[6] ?? ''];
  if (!type) {
    draft.warn('leader', `unknown type of record '${leader[6] ?? ''}'`);
    return;
  }
  if (type === 'text') {
    const level = LEADER_07_TEXT[leader[7] ?? ''];
    if (level) draft.typeTerms.push(level);
  }
  if (type === 'computer file' && marc.control.get('008')?.[26] === 'a')
    draft.typeTerms.push('dataset');
  draft.typeTerms.push(type);
}

function map008(marc: MarcRecord, draft: RecordDraft): void {
  const f008 = marc.control.get('008');
  if (f008 === undefined) return;
  if (f008.length < 38) {
    draft.warn('008', `only ${f008.length} characters; fixed positions ignored`);
    return;
  }
  const date1 = f008.slice(7, 11);
  if (/^\d{4}$/.test(date1) && draft.year === undefined) draft.year = Number(date1);
  // Books: 'm' among the nature-of-contents codes marks a thesis.
  if (marc.leader[6] === 'a' && f008.slice(24, 28).includes('m')) draft.typeTerms.unshift('thesis');
  const lang = f008.slice(35, 38);
  if (/^[a-z]{3}$/.test(lang)) draft.addLanguage('008/35-37', lang);
}
