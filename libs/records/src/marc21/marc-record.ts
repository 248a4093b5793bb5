import { RecordError, RecordErrorCode } from '../errors';
import { attr, type XmlElement } from '../xml/xml-element';

export const MARCXML_NS = 'http://www.loc.gov/MARC21/slim';

/** One variable data field: tag, indicators (' ' when missing) and subfields in order. */
export interface DataField {
  readonly tag: string;
  readonly ind1: string;
  readonly ind2: string;
  readonly subfields: ReadonlyArray<readonly [code: string, value: string]>;
}

/** A MARCXML record reduced to the parts we read. */
export interface MarcRecord {
  readonly leader: string;
  readonly control: ReadonlyMap<string, string>;
  readonly fields: readonly DataField[];
}

/** Reads `<record>` (or the first record of a `<collection>`). */
export function readMarcRecord(root: XmlElement): MarcRecord {
  const record = root.name === 'collection' ? root.children.find((c) => c.name === 'record') : root;
  if (!record || record.name !== 'record') {
    throw new RecordError(
      RecordErrorCode.UnknownFormat,
      `MARCXML root is <${root.name}>, expected <record>`,
    );
  }
  let leader = '';
  const control = new Map<string, string>();
  const fields: DataField[] = [];
  for (const el of record.children) {
    if (el.name === 'leader') leader = el.text;
    else if (el.name === 'controlfield') control.set(attr(el, 'tag') ?? '', el.text);
    else if (el.name === 'datafield') fields.push(readDataField(el));
  }
  return { leader, control, fields };
}

function readDataField(el: XmlElement): DataField {
  const subfields: (readonly [string, string])[] = [];
  for (const c of el.children) {
    if (c.name === 'subfield') subfields.push([(attr(c, 'code') ?? '').trim(), c.text]);
  }
  // One pass over the attributes instead of three lookups: this runs for every field.
  let tag = '';
  let ind1: string | undefined;
  let ind2: string | undefined;
  for (const a of el.attrs) {
    if (a.name === 'tag') tag = a.value.trim();
    else if (a.name === 'ind1') ind1 = a.value;
    else if (a.name === 'ind2') ind2 = a.value;
  }
  return { tag, ind1: indicator(ind1), ind2: indicator(ind2), subfields };
}

/** Indicators arrive as '', ' ', '#', '\\' or junk; all blanks become ' '. */
function indicator(raw: string | undefined): string {
  const ch = (raw ?? '').trim();
  return ch === '' || ch === '#' || ch === '\\' ? ' ' : ch[0];
}

/** First value of a subfield. */
export function sub(field: DataField, code: string): string | undefined {
  for (const [c, v] of field.subfields) if (c === code) return v;
  return undefined;
}

/** All values of the given subfield codes, in field order. */
export function subs(field: DataField, codes: string): string[] {
  const out: string[] = [];
  for (const [c, v] of field.subfields) if (codes.includes(c)) out.push(v);
  return out;
}

/** Values of the given codes joined with spaces, or undefined when none is present. */
export function joined(field: DataField, codes: string): string | undefined {
  const values = subs(field, codes)
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length > 0 ? values.join(' ') : undefined;
}

/** Name of a field for warnings: '245', '020 $a'. */
export function fieldName(field: DataField, code?: string): string {
  return code ? `${field.tag} $${code}` : field.tag;
}
