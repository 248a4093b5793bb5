import { RecordError, RecordErrorCode } from '../errors';
import { trimmed } from '../text/trimmed';
import { attr, type XmlElement } from '@hop-luu/xml';

export const MARCXML_NS = 'http://www.loc.gov/MARC21/slim';

/**
 * One variable data field: tag, indicators (' ' when missing) and subfields in order, as
 * two parallel lists (codes[i] is the code of values[i]): a record has dozens of
 * subfields, and a pair object for each would only be garbage to collect.
 */
export interface DataField {
  readonly tag: string;
  readonly ind1: string;
  readonly ind2: string;
  readonly codes: readonly string[];
  readonly values: readonly string[];
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
  const codes: string[] = [];
  const values: string[] = [];
  for (const c of el.children) {
    if (c.name !== 'subfield') continue;
    codes.push(trimmed(attr(c, 'code') ?? ''));
    values.push(c.text);
  }
  // One pass over the attributes instead of three lookups: this runs for every field.
  let tag = '';
  let ind1: string | undefined;
  let ind2: string | undefined;
  const { attrs } = el;
  for (let i = 0; i < attrs.length; i += 2) {
    if (attrs[i] === 'tag') tag = trimmed(attrs[i + 1]);
    else if (attrs[i] === 'ind1') ind1 = attrs[i + 1];
    else if (attrs[i] === 'ind2') ind2 = attrs[i + 1];
  }
  return { tag, ind1: indicator(ind1), ind2: indicator(ind2), codes, values };
}

/** Indicators arrive as '', ' ', '#', '\\' or junk; all blanks become ' '. */
function indicator(raw: string | undefined): string {
  const ch = trimmed(raw ?? '');
  return ch === '' || ch === '#' || ch === '\\' ? ' ' : ch[0];
}

/** First value of a subfield. */
export function sub(field: DataField, code: string): string | undefined {
  const i = field.codes.indexOf(code);
  return i === -1 ? undefined : field.values[i];
}

/** All values of the given subfield codes, in field order. */
export function subs(field: DataField, codes: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < field.codes.length; i++)
    if (codes.includes(field.codes[i])) out.push(field.values[i]);
  return out;
}

/** Values of the given codes joined with spaces, or undefined when none is present. */
export function joined(field: DataField, codes: string): string | undefined {
  let values: string | undefined;
  for (let i = 0; i < field.codes.length; i++) {
    if (!codes.includes(field.codes[i])) continue;
    const value = trimmed(field.values[i]);
    if (value !== '') values = values === undefined ? value : `${values} ${value}`;
  }
  return values;
}

/** Name of a field for warnings: '245', '020 $a'. */
export function fieldName(field: DataField, code?: string): string {
  return code ? `${field.tag} $${code}` : field.tag;
}
