/**
 * VNI-Windows: a base ASCII letter followed by a modifier byte carrying the shape and/or tone
 * ('Vieät Nam' = V,i,e+ä(circumflex+dot),t), plus a few single-byte letters (ô=ơ, ö=ư,
 * ñ=đ, and i/y forms). Read as Windows-1252 those bytes become the Latin-1 letters below.
 */
const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

/** Modifier byte (lower-case form) → combining marks. Upper-case forms are used in capitals. */
// prettier-ignore
const MODIFIERS: Readonly<Record<string, string>> = {
  ù: ACUTE, ø: GRAVE, û: HOOK, õ: TILDE, ï: DOT, â: CIRCUMFLEX, á: CIRCUMFLEX + ACUTE,
  à: CIRCUMFLEX + GRAVE, å: CIRCUMFLEX + HOOK, ã: CIRCUMFLEX + TILDE, ä: CIRCUMFLEX + DOT,
  ê: BREVE, é: BREVE + ACUTE, è: BREVE + GRAVE, ú: BREVE + HOOK, ü: BREVE + TILDE, ë: BREVE + DOT,
};

/** Single-byte VNI letters (lower-case form). */
// prettier-ignore
const LETTERS: Readonly<Record<string, string>> = {
  ô: 'ơ', ö: 'ư', ñ: 'đ', ì: 'ì', í: 'í', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ',
};

/** Which vowels accept which kind of modifier. */
const TAKES_TONE = 'aeiouyơưAEIOUYƠƯ';
const TAKES_CIRCUMFLEX = 'aeoAEO';
const TAKES_BREVE = 'aA';

function lookup(table: Readonly<Record<string, string>>, ch: string): string | undefined {
  return table[ch] ?? table[ch.toLowerCase()];
}

function accepts(base: string, marks: string): boolean {
  if (marks.startsWith(CIRCUMFLEX)) return TAKES_CIRCUMFLEX.includes(base);
  if (marks.startsWith(BREVE)) return TAKES_BREVE.includes(base);
  return TAKES_TONE.includes(base);
}

/** True when `ch` followed by `next` is one VNI letter: a vowel and a modifier it takes. */
export function isVniPair(ch: string, next: string): boolean {
  const single = lookup(LETTERS, ch);
  const marks = lookup(MODIFIERS, next);
  return marks !== undefined && accepts(single !== undefined ? matchCase(single, ch) : ch, marks);
}

/** True when `ch` is a single-byte VNI letter other than itself (ơ, ư, đ, ỉ, ĩ, ị, ỵ). */
export function isVniLetter(ch: string): boolean {
  const letter = lookup(LETTERS, ch);
  return letter !== undefined && letter !== ch.toLowerCase();
}

/** Decodes VNI-Windows mojibake to NFC Unicode. */
export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const single = lookup(LETTERS, ch);
    const base = single !== undefined ? matchCase(single, ch) : ch;
    const marks = i + 1 < text.length ? lookup(MODIFIERS, text[i + 1]) : undefined;
    if (marks !== undefined && accepts(base, marks)) {
      out += (base + marks).normalize('NFC');
      i++;
    } else {
      out += base;
    }
  }
  return out;
}

function matchCase(letter: string, like: string): string {
  return like === like.toLowerCase() ? letter : letter.toUpperCase();
}
