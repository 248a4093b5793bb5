import type { ResponseModes } from './faults';

const MIB = 1024 * 1024;
/** One shared block of filler: a huge record is streamed from it, never built in memory. */
const FILLER = Buffer.alloc(64 * 1024, 'A');
const VERB_ELEMENT = /<(?:ListRecords|ListIdentifiers|ListSets|GetRecord)>/;

/** Applies `deepNesting` to a rendered response; returns it unchanged when the mode is off. */
export function withDeepNesting(xml: string, modes: ResponseModes): string {
  const deep = modes.deepNesting;
  if (!deep) return xml;
  const nest = '<deep>'.repeat(deep.depth) + '</deep>'.repeat(deep.depth);
  const at = deep.where === 'envelope' ? afterVerbElement(xml) : insidePayload(xml, deep.position);
  return at < 0 ? xml : xml.slice(0, at) + nest + xml.slice(at);
}

/**
 * The body of a ListRecords page in `hugeRecord` mode, as parts produced one by one: the
 * text of the chosen record's first payload element (oai_dc: `<dc:title>`) is followed by
 * `mib` MiB of 'A'. Undefined when the mode is off or the page has no such record.
 */
export function hugeRecordParts(
  xml: string,
  modes: ResponseModes,
  verb: string | undefined,
): Iterable<Buffer> | undefined {
  const huge = modes.hugeRecord;
  if (!huge || verb !== 'ListRecords') return undefined;
  const payload = insidePayload(xml, huge.position);
  const cut = payload < 0 ? -1 : xml.indexOf('</', payload);
  if (cut < 0) return undefined;
  return filled(xml.slice(0, cut), Math.round(huge.mib * MIB), xml.slice(cut));
}

function* filled(before: string, bytes: number, after: string): Generator<Buffer> {
  yield Buffer.from(before, 'utf8');
  for (let left = bytes; left > 0; left -= FILLER.length)
    yield left >= FILLER.length ? FILLER : FILLER.subarray(0, left);
  yield Buffer.from(after, 'utf8');
}

/** Just inside the list (or GetRecord) element, before its first item. */
function afterVerbElement(xml: string): number {
  const m = VERB_ELEMENT.exec(xml);
  return m ? m.index + m[0].length : -1;
}

/** Just after the start tag of the metadata payload of the page's `position`-th record (0 = first). */
function insidePayload(xml: string, position = 0): number {
  let record = -1;
  for (let i = 0; i <= position; i++) {
    record = xml.indexOf('<record>', record + 1);
    if (record < 0) return -1;
  }
  const metadata = xml.indexOf('<metadata>', record);
  const end = xml.indexOf('</record>', record);
  if (metadata < 0 || metadata > end) return -1; // a deleted record has no payload
  const gt = xml.indexOf('>', metadata + '<metadata>'.length);
  return gt < 0 ? -1 : gt + 1;
}
