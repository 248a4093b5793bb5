import type { RecordDraft } from '../draft/record-draft';
import type { XmlElement } from '@hop-luu/xml';
import { mapFixedFields } from './fixed-fields';
import { map852, map856, map952 } from './links-and-holdings';
import { fieldName, joined, readMarcRecord, sub, subs, type DataField } from './marc-record';
import { map245, mapName, mapOtherTitle } from './names-and-titles';
import { map010, map015, map016, map035 } from './other-identifiers';
import { mapSubject } from './subjects';

type FieldMapper = (field: DataField, draft: RecordDraft) => void;

const each =
  (codes: string, add: (draft: RecordDraft, name: string, value: string) => void): FieldMapper =>
  (field, draft) => {
    for (const value of subs(field, codes)) add(draft, fieldName(field, codes[0]), value);
  };

/** 024 other standard identifier: the source in $2 (or the value's shape) says what it is. */
const map024: FieldMapper = (field, draft) => {
  const value = sub(field, 'a');
  const source = sub(field, '2')?.trim().toLowerCase();
  const name = fieldName(field, 'a');
  if (source === 'doi' || (!source && value && /^(?:doi:)?10\.\d{4,9}\//i.test(value.trim())))
    draft.addDoi(name, value);
  else if (source === 'hdl' || source === 'handle') draft.addHandle(name, value);
  else if (source === 'uri' || source === 'url') draft.addLink(name, value, 'related');
};

/** 041: codes may be packed ('vieeng', old practice) and are split by three. */
const map041: FieldMapper = (field, draft) => {
  for (const value of subs(field, 'ad')) {
    const packed = value.trim();
    const codes =
      packed.length > 3 && packed.length % 3 === 0 ? (packed.match(/.{3}/g) ?? []) : [packed];
    for (const code of codes) draft.addLanguage(fieldName(field, 'a'), code);
  }
};

/** 260 and 264 (2nd indicator 4 = copyright date: date only). */
const mapPublication: FieldMapper = (field, draft) => {
  const name = fieldName(field);
  if (!(field.tag === '264' && field.ind2 === '4')) {
    draft.setFirst('place', name, sub(field, 'a'));
    draft.setFirst('publisher', name, sub(field, 'b'));
  }
  draft.setDate(name, sub(field, 'c'));
};

const mapThesisNote: FieldMapper = (field, draft) => {
  draft.typeTerms.unshift('thesis');
  draft.addNote(fieldName(field), joined(field, 'abcd'));
};

const FIELD_MAPPERS: ReadonlyMap<string, FieldMapper> = new Map<string, FieldMapper>([
  ['010', map010],
  ['015', map015],
  ['016', map016],
  ['020', each('a', (d, n, v) => d.addIsbn(n, v))],
  ['022', each('a', (d, n, v) => d.addIssn(n, v))],
  ['024', map024],
  ['035', map035],
  ['041', map041],
  ['050', (f, d) => d.addClassification('lcc', fieldName(f), joined(f, 'ab'))],
  ['080', each('a', (d, n, v) => d.addClassification('udc', n, v))],
  ['082', each('a', (d, n, v) => d.addClassification('ddc', n, v))],
  ['090', (f, d) => d.addCallNumber(fieldName(f), joined(f, 'ab'))],
  ['099', (f, d) => d.addCallNumber(fieldName(f), joined(f, 'a'))],
  ['100', mapName],
  ['110', mapName],
  ['111', mapName],
  ['130', mapOtherTitle],
  ['240', mapOtherTitle],
  ['245', map245],
  ['246', mapOtherTitle],
  ['250', (f, d) => d.setFirst('edition', fieldName(f), joined(f, 'ab'))],
  ['260', mapPublication],
  ['264', mapPublication],
  ['300', (f, d) => d.setFirst('physicalDescription', fieldName(f), joined(f, 'abce'))],
  ['490', (f, d) => d.addSeries(fieldName(f), joined(f, 'av'))],
  ['830', (f, d) => d.addSeries(fieldName(f), joined(f, 'anpv'))],
  ['500', (f, d) => d.addNote(fieldName(f), sub(f, 'a'))],
  ['502', mapThesisNote],
  ['506', (f, d) => d.addRights(fieldName(f), joined(f, 'af'))],
  ['520', (f, d) => d.addDescription(fieldName(f), joined(f, 'ab'))],
  ['540', (f, d) => d.addRights(fieldName(f), joined(f, 'au'))],
  ...['600', '610', '611', '630', '648', '650', '651', '653'].map(
    (tag) => [tag, mapSubject] as const,
  ),
  ['655', each('a', (d, _n, v) => d.typeTerms.push(v))],
  ['700', mapName],
  ['710', mapName],
  ['711', mapName],
  ['852', map852],
  ['856', map856],
  ['952', map952],
]);

/**
 * The same mappers indexed by the tag's number: a tag is a string sliced from each record,
 * and looking it up in the Map would hash it first, once per field.
 */
const MAPPERS_BY_NUMBER: readonly (FieldMapper | undefined)[] = Array.from(
  { length: 1000 },
  (_, n) => FIELD_MAPPERS.get(String(n).padStart(3, '0')),
);

function mapperFor(tag: string): FieldMapper | undefined {
  const number = tagNumber(tag);
  return number === undefined ? FIELD_MAPPERS.get(tag) : MAPPERS_BY_NUMBER[number];
}

/** 0–999 for a three-digit tag, undefined for anything else. */
function tagNumber(tag: string): number | undefined {
  if (tag.length !== 3) return undefined;
  const hundreds = tag.charCodeAt(0) - 0x30;
  const tens = tag.charCodeAt(1) - 0x30;
  const units = tag.charCodeAt(2) - 0x30;
  if (!(isDigit(hundreds) && isDigit(tens) && isDigit(units))) return undefined;
  return hundreds * 100 + tens * 10 + units;
}

function isDigit(value: number): boolean {
  return value >= 0 && value <= 9;
}

/** Maps a MARCXML bibliographic record; unknown tags are skipped, each field is guarded. */
export function mapMarc21(root: XmlElement, draft: RecordDraft): void {
  const marc = readMarcRecord(root);
  mapFixedFields(marc, draft);
  for (const field of marc.fields) {
    const mapper = mapperFor(field.tag);
    if (mapper) draft.guard(field.tag, () => mapper(field, draft));
  }
}
