/** Result of reading one ISBN: the ISBN-13 or why it was refused. */
export type IsbnResult = { ok: true; isbn13: string } | { ok: false; reason: string };

// A run of 10–13 digits, hyphens allowed between them (not spaces: a price may follow);
// qualifiers after it ('(bìa mềm) : 50000đ') are ignored.
const CANDIDATE = /(?<![\dXx])\d(?:-?\d){8,11}-?[\dXx](?![\dXx])/;

/** Reads an ISBN from a catalogue value; ISBN-10 is converted to ISBN-13 after its check digit passes. */
export function normalizeIsbn(raw: string): IsbnResult {
  const m = CANDIDATE.exec(raw);
  if (!m) return { ok: false, reason: 'no ISBN digits' };
  const digits = m[0].replace(/-/g, '').toUpperCase();
  if (digits.length === 13) {
    if (!/^97[89]\d{10}$/.test(digits)) return { ok: false, reason: 'not a 978/979 ISBN-13' };
    return isbn13CheckDigit(digits.slice(0, 12)) === digits[12]
      ? { ok: true, isbn13: digits }
      : { ok: false, reason: 'wrong ISBN-13 check digit' };
  }
  if (!/^\d{9}[\dX]$/.test(digits)) return { ok: false, reason: 'not 10 or 13 digits' };
  if (!isbn10Valid(digits)) return { ok: false, reason: 'wrong ISBN-10 check digit' };
  const body = `978${digits.slice(0, 9)}`;
  return { ok: true, isbn13: body + isbn13CheckDigit(body) };
}

/** The ISBN-10 form of a 978-prefixed ISBN-13 (979 ones have none), so either form finds a record. */
export function isbn10From13(isbn13: string): string | undefined {
  if (!/^978\d{10}$/.test(isbn13)) return undefined;
  const body = isbn13.slice(3, 12);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return body + (check === 10 ? 'X' : String(check));
}

function isbn10Valid(isbn10: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = isbn10[i] === 'X' ? 10 : Number(isbn10[i]);
    if (d === 10 && i !== 9) return false;
    sum += d * (10 - i);
  }
  return sum % 11 === 0;
}

function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}
