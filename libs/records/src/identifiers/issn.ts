/** Result of reading one ISSN. */
export type IssnResult = { ok: true; issn: string } | { ok: false; reason: string };

const CANDIDATE = /(\d{4})[-\s]?(\d{3}[\dXx])\b/;

/** Reads an ISSN and returns it as 'NNNN-NNNC' when its check digit (mod 11) is right. */
export function normalizeIssn(raw: string): IssnResult {
  const m = CANDIDATE.exec(raw);
  if (!m) return { ok: false, reason: 'no ISSN digits' };
  const digits = (m[1] + m[2]).toUpperCase();
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  if ((check === 10 ? 'X' : String(check)) !== digits[7]) {
    return { ok: false, reason: 'wrong ISSN check digit' };
  }
  return { ok: true, issn: `${digits.slice(0, 4)}-${digits.slice(4)}` };
}
