/**
 * ISBD punctuation that catalogues put between areas (' /', ' :', ' ;', ' =', ',', '.')
 * belongs to the record layout, not the data: 'Truyện Kiều /' is the title 'Truyện Kiều'.
 *
 * Trailing separators are removed, and a final period too unless it ends an abbreviation
 * or initial that needs it: 'Smith, J.', 'Jr.', '350 tr.', 'S.l.', 'etc.', '...'.
 * Brackets and inner punctuation are kept (they carry meaning: '[Hà Nội]').
 */
/** Separators stripped from the end (with any whitespace around them). */
const SEPARATORS = ' /:;=,+\t\n\r';
// prettier-ignore
const ABBREVIATIONS = new Set([
  'jr', 'sr', 'ed', 'eds', 'etc', 'co', 'corp', 'inc', 'ltd', 'st', 'dr', 'mr', 'mrs', 'ms',
  'prof', 'vol', 'vols', 'no', 'nos', 'pp', 'p', 'tr', 'nxb', 'tp', 'gs', 'ts', 'pgs', 'ths', 'bs',
  'ks', 'cn', 'phd', 'rev', 'repr', 'al', 'ca', 'cf', 'ibid', 'b', 'c', 'v', 'tx', 'q',
]);
export function trimIsbd(text: string): string {
  let end = text.length;
  for (;;) {
    const before = end;
    while (end > 0 && SEPARATORS.includes(text[end - 1])) end--;
    if (text[end - 1] === '.' && !keepsFinalPeriod(text.slice(0, end))) end--;
    if (end === before) return end === text.length ? text : text.slice(0, end).trim();
  }
}

function keepsFinalPeriod(text: string): boolean {
  if (text.endsWith('..')) return true; // ellipsis
  const end = text.length - 1; // the period
  let start = end;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  if (start === end) return false; // '2015.' or ').': no word before the period
  if (end - start === 1) return true; // an initial: 'Smith, J.'
  // Abbreviations, and dotted ones like 'S.l.' or 'U.S.' (a letter before the last dot).
  return ABBREVIATIONS.has(text.slice(start, end).toLowerCase()) || text[start - 1] === '.';
}

/** Letters, cheaply: ASCII letters and everything from Latin-1 letters up (Vietnamese included). */
function isLetter(code: number): boolean {
  const ascii = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return ascii || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7);
}
