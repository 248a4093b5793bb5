/**
 * Test helpers: Vietnamese Unicode text written as the legacy encodings and double-encoded
 * UTF-8 would deliver it, for round-trip checks of the repairs. Written from the published
 * encoding tables, independently of the decoders (only the TCVN3 byte list is shared).
 */

// prettier-ignore
const TCVN3_LETTERS =
  'ĂÂÊÔƠƯĐăâêôơưđ' + 'àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';
// prettier-ignore
const TCVN3_BYTES = [
  0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae,
  0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb,
  0xcc, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xdc, 0xdd, 0xde,
  0xdf, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee,
  0xef, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe,
];
const TCVN3 = new Map([...TCVN3_LETTERS].map((letter, i) => [letter, TCVN3_BYTES[i]]));

/**
 * `text` as TCVN3 bytes read as Latin-1, or undefined when TCVN3 cannot write it: a capital
 * with a tone ('Ấn') has no code of its own (except in all-capital text, where the capital
 * fonts reuse the small-letter codes).
 */
export function encodeTcvn3(text: string): string | undefined {
  const allCaps = text === text.toUpperCase();
  let out = '';
  for (const ch of text) {
    if (ch < '\u0080') out += ch;
    else {
      const byte = TCVN3.get(ch) ?? (allCaps ? TCVN3.get(ch.toLowerCase()) : undefined);
      if (byte === undefined) return undefined;
      out += String.fromCharCode(byte);
    }
  }
  return out;
}

const TONE_MODIFIER: Readonly<Record<string, string>> = {
  '': '',
  '\u0301': 'ù',
  '\u0300': 'ø',
  '\u0309': 'û',
  '\u0303': 'õ',
  '\u0323': 'ï',
};
const CIRCUMFLEX_MODIFIER: Readonly<Record<string, string>> = {
  '': 'â',
  '\u0301': 'á',
  '\u0300': 'à',
  '\u0309': 'å',
  '\u0303': 'ã',
  '\u0323': 'ä',
};
const BREVE_MODIFIER: Readonly<Record<string, string>> = {
  '': 'ê',
  '\u0301': 'é',
  '\u0300': 'è',
  '\u0309': 'ú',
  '\u0303': 'ü',
  '\u0323': 'ë',
};
/** VNI's single-byte forms of i with a tone and of ỵ. */
const I_FORMS: Readonly<Record<string, string>> = {
  'i\u0300': 'ì',
  'i\u0301': 'í',
  'i\u0309': 'æ',
  'i\u0303': 'ó',
  'i\u0323': 'ò',
  'y\u0323': 'î',
};

/** `text` as VNI-Windows bytes read as Windows-1252. */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text) out += vniLetter(ch);
  return out;
}

function vniLetter(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return ch === 'đ' ? 'ñ' : 'Ñ';
  const [base, ...marks] = ch.normalize('NFD');
  if (marks.length === 0) return ch;
  const upper = base !== base.toLowerCase();
  const lower = base.toLowerCase();
  const shape = marks.find((m) => m === '\u0302' || m === '\u0306' || m === '\u031b') ?? '';
  const tone = marks.find((m) => m !== shape) ?? '';
  const cased = (s: string): string => (upper ? s.toUpperCase() : s);
  const iForm = I_FORMS[lower + tone];
  if (iForm !== undefined) return cased(iForm);
  if (shape === '\u031b') return cased(lower === 'o' ? 'ô' : 'ö') + cased(TONE_MODIFIER[tone]);
  const table =
    shape === '\u0302' ? CIRCUMFLEX_MODIFIER : shape === '\u0306' ? BREVE_MODIFIER : TONE_MODIFIER;
  return base + cased(table[tone]);
}

/** Windows-1252 0x80–0x9F as Python's cp1252 codec gives them (undefined bytes kept as C1). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** `text` as UTF-8 bytes read as Windows-1252 or Latin-1 (what a misconfigured export does). */
export function encodeDoubleUtf8(text: string, reading: 'windows-1252' | 'latin1'): string {
  const latin1 = Buffer.from(text, 'utf8').toString('latin1');
  if (reading === 'latin1') return latin1;
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80]);
}
