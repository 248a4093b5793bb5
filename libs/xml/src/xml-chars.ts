/**
 * Character classes of the XML reader, tested on char codes. Names are simplified XML
 * names: ASCII rules plus any character from U+00C0 up, with one optional prefix.
 */

export const CHAR_LT = 0x3c; // <
export const CHAR_GT = 0x3e; // >
export const CHAR_SLASH = 0x2f; // /
export const CHAR_EQUALS = 0x3d; // =
export const CHAR_QUOT = 0x22; // "
export const CHAR_APOS = 0x27; // '
const CHAR_COLON = 0x3a;

const NAME_PATTERN =
  '[A-Za-z_\\u00C0-\\uFFFF][\\w.\\-\\u00B7\\u00C0-\\uFFFF]*(?::[A-Za-z_\\u00C0-\\uFFFF][\\w.\\-\\u00B7\\u00C0-\\uFFFF]*)?';
/**
 * The definition of an element name, which must end where a name can end (space, '=',
 * '>', '/'). `scanNameRun` reads the same names faster; this pattern decides the odd cases
 * (names ended by other white space) and reports missing names.
 */
export const NAME_RUN = new RegExp(`${NAME_PATTERN}(?=[\\s=/>])`, 'y');

const STARTS_NAME = 1;
const CONTINUES_NAME = 2;
/** For each ASCII code: may it start a name, continue one? */
const ASCII_NAME_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) ASCII_NAME_CLASS[c] = STARTS_NAME | CONTINUES_NAME;
  else if (/[0-9.-]/.test(ch)) ASCII_NAME_CLASS[c] = CONTINUES_NAME;
}

/** NaN (past the end of the string) is neither. */
function startsName(c: number): boolean {
  return c < 128 ? (ASCII_NAME_CLASS[c] & STARTS_NAME) !== 0 : c >= 0xc0;
}

function continuesName(c: number): boolean {
  return c < 128 ? (ASCII_NAME_CLASS[c] & CONTINUES_NAME) !== 0 : c >= 0xc0 || c === 0xb7;
}

/**
 * End of the longest name (`prefix:local` or `local`) starting at `i`, or -1 when no name
 * starts there. What may follow the name is the caller's business.
 */
export function scanNameRun(xml: string, i: number): number {
  if (!startsName(xml.charCodeAt(i))) return -1;
  let end = i + 1;
  while (continuesName(xml.charCodeAt(end))) end++;
  if (xml.charCodeAt(end) === CHAR_COLON && startsName(xml.charCodeAt(end + 1))) {
    end += 2;
    while (continuesName(xml.charCodeAt(end))) end++;
  }
  return end;
}

/** XML white space: space, tab, CR, LF (not the wider set of JavaScript's `\s`). */
export function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** True for what may end a name in a tag: XML white space, '=', '/', '>'. */
export function endsName(c: number): boolean {
  return isXmlSpace(c) || c === CHAR_EQUALS || c === CHAR_GT || c === CHAR_SLASH;
}

/** First offset at or after `i` that is not XML white space. */
export function skipSpace(xml: string, i: number): number {
  let j = i;
  while (isXmlSpace(xml.charCodeAt(j))) j++;
  return j;
}
