import { foldText } from '../vietnamese';

// prettier-ignore
const ORDINALS: Readonly<Record<string, string>> = {
  first: '1', second: '2', third: '3', fourth: '4', fifth: '5', sixth: '6', seventh: '7',
  eighth: '8', ninth: '9', tenth: '10', nhat: '1', mot: '1', hai: '2', ba: '3', tu: '4', bon: '4',
  nam: '5', sau: '6', bay: '7', tam: '8', chin: '9', muoi: '10',
};
/** Words that say "edition/printing" and carry no distinguishing information. */
// prettier-ignore
const FILLER = new Set([
  'ed', 'edn', 'edition', 'tai', 'ban', 'in', 'lan', 'thu', 'xuat', 'co', 'sua', 'chua', 'bo',
  'sung', 'va', 'and', 'the', 'nd', 'rd', 'th', 'st',
]);

/**
 * Edition statement reduced to what tells editions apart: its number as written
 * ('Tái bản lần thứ 2', '2nd ed.', 'In lần 2', 'Second edition' → '2'); without a
 * number, the remaining words ('Rev. ed.' → 'rev'); '' when there is no statement.
 */
export function normalizeEdition(edition: string | undefined): string {
  if (!edition) return '';
  const folded = foldText(edition);
  const digits = /\d+/.exec(folded);
  if (digits) return String(Number(digits[0]));
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const ordinal = words.map((w) => ORDINALS[w]).find((n) => n !== undefined);
  if (ordinal) return ordinal;
  return words.filter((w) => !FILLER.has(w)).join(' ');
}
