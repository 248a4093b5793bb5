/**
 * Identifiers other than ISBN/ISSN/DOI/handle that name the same manifestation across
 * catalogues: LC control numbers (MARC 010), national bibliography numbers (015), national
 * bibliographic agency control numbers (016) and OCLC numbers (035 "(OCoLC)…"). Each is kept
 * as one prefixed string ('lccn:2001012345', 'nbn:GB9912345', 'nbd:dnb:1234567', 'oclc:12345678')
 * so different kinds never compare equal.
 */

/**
 * LCCN as the LC normalisation rule writes it: blanks removed, the part after a hyphen
 * left-padded to six digits, the alphabetic prefix lower-cased; '  2001012345 ' →
 * '2001012345', 'n 79-21164' → 'n79021164'. Undefined when no serial number is left.
 */
export function normalizeLccn(raw: string): string | undefined {
  const compact = raw.replace(/\s+/g, '').split('/')[0].toLowerCase();
  const m = /^([a-z]{0,3})(\d{2}|\d{4})(?:-(\d{1,6})|(\d{6}))$/.exec(compact);
  if (!m) return undefined;
  const [, prefix, year, hyphenated, serial] = m;
  return `${prefix}${year}${hyphenated !== undefined ? hyphenated.padStart(6, '0') : serial}`;
}

/**
 * OCLC number without prefixes or leading zeros: '(OCoLC)ocm01234567', 'ocm01234567' and
 * '1234567' → '1234567'; undefined when it is not one. (035 callers check the '(OCoLC)' first:
 * other systems' numbers there name nothing outside their catalogue.)
 */
export function oclcNumber(raw: string): string | undefined {
  const m = /^\s*(?:\(OCoLC\))?\s*(?:ocm|ocn|on)?\s*0*(\d+)\s*$/i.exec(raw);
  return m ? m[1] : undefined;
}

/**
 * A national bibliography number or agency control number as given, without blanks or
 * a parenthesised qualifier ('GB99-12345 (pbk.)' → 'GB99-12345'); undefined when empty.
 */
export function compactNumber(raw: string): string | undefined {
  const value = raw
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, '')
    .replace(/[.;:,]+$/, '');
  return value === '' ? undefined : value;
}
