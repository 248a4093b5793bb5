import { NO_ATTRIBUTES, TREE_DEPTH, type TreeBuilder } from './tree-builder';

// A deliberately narrow, strict grammar for the common case: elements with
// ASCII names, quoted attributes, text and the predefined/numeric entity
// references. Anything else (comments, PIs, CDATA, DOCTYPE, non-ASCII names)
// makes the scanner give up, and the item goes to saxes instead. The scanner
// must never accept what saxes would reject; when in doubt it gives up.
const S = '[ \\t\\r\\n]';
const NAME = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?';
const REF = '&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});';
const VALUE = `"[^"<&]*(?:${REF}[^"<&]*)*"|'[^'<&]*(?:${REF}[^'<&]*)*'`;
const START_TAG = new RegExp(`<(${NAME})((?:${S}+${NAME}${S}*=${S}*(?:${VALUE}))*)${S}*(/?)>`, 'y');
const END_TAG = new RegExp(`</(${NAME})${S}*>`, 'y');
const ATTRIBUTE = new RegExp(`${S}+(${NAME})${S}*=${S}*(?:"([^"]*)"|'([^']*)')`, 'g');
const TEXT_REF = new RegExp(REF, 'y');
const ANY_REF = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML 1.0 Char production for a numeric character reference. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

/** Decodes entity references; gives up on numeric references to characters XML forbids. */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ANY_REF, (_, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref];
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!isXmlChar(code)) throw GIVE_UP;
    return String.fromCodePoint(code);
  });
}

const seenNames: string[] = [];

/** Throws GIVE_UP on a repeated attribute name (saxes then reports it). */
function checkUnique(source: string): void {
  seenNames.length = 0;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) {
    if (seenNames.includes(m[1])) throw GIVE_UP;
    seenNames.push(m[1]);
  }
}

function attributesOf(source: string, shallow: boolean): Readonly<Record<string, string>> {
  if (!source) return NO_ATTRIBUTES;
  if (source.includes('&#')) decode(source); // validates every numeric reference
  // Payload elements without prefixed or xmlns attributes tell the tree builder nothing.
  if (!shallow && !source.includes(':') && !source.includes('xmlns')) {
    checkUnique(source);
    return NO_ATTRIBUTES;
  }
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) {
    const name = m[1];
    if (name in attributes) throw GIVE_UP;
    const raw = m[2] ?? m[3];
    attributes[name] = shallow ? decode(raw) : raw;
  }
  return attributes;
}

/** Checks the references in text[from, to) and hands the decoded text to the builder if it wants it. */
function textBetween(xml: string, from: number, to: number, builder: TreeBuilder): void {
  let amp = xml.indexOf('&', from);
  while (amp >= 0 && amp < to) {
    TEXT_REF.lastIndex = amp;
    const m = TEXT_REF.exec(xml);
    if (!m) throw GIVE_UP;
    if (m[0][1] === '#') decode(m[0]); // validates the character
    amp = xml.indexOf('&', TEXT_REF.lastIndex);
  }
  if (!builder.wantsText) return;
  const text = decode(xml.slice(from, to));
  // XML end-of-line handling, as saxes does it.
  builder.text(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
}

/**
 * Scans one item with the strict fast grammar, feeding the tree builder.
 * Returns false when the item uses anything outside that grammar or may be
 * malformed; the caller then parses it with saxes for a definitive answer.
 */
export function fastScan(xml: string, builder: TreeBuilder): boolean {
  if (xml.charCodeAt(0) !== 60 || xml.includes(']]>')) return false;
  const open: string[] = [];
  let pos = 0;
  try {
    while (pos < xml.length) {
      if (xml.charCodeAt(pos) !== 60 /* < */) {
        const lt = xml.indexOf('<', pos);
        if (lt < 0 || open.length === 0) return false;
        textBetween(xml, pos, lt, builder);
        pos = lt;
        continue;
      }
      const next = xml.charCodeAt(pos + 1);
      if (next === 47 /* / */) {
        END_TAG.lastIndex = pos;
        const m = END_TAG.exec(xml);
        if (!m || m[1] !== open.pop()) return false;
        pos = END_TAG.lastIndex;
        builder.close(pos);
        if (open.length === 0) return pos === xml.length;
        continue;
      }
      if (next === 33 /* ! */ || next === 63 /* ? */) return false;
      START_TAG.lastIndex = pos;
      const m = START_TAG.exec(xml);
      if (!m) return false;
      const shallow = builder.depth < TREE_DEPTH;
      builder.open(m[1], attributesOf(m[2], shallow), pos);
      pos = START_TAG.lastIndex;
      if (m[3]) {
        builder.close(pos);
        if (open.length === 0) return pos === xml.length;
      } else {
        open.push(m[1]);
      }
    }
    return false;
  } catch {
    return false; // GiveUp, or the builder refused (saxes will report the same)
  }
}
