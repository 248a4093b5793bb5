import { CharTable } from './char-table';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ASCII_ONLY = /^[\x20-\x7e]*$/;

/**
 * The definition of folding, by Unicode rules: NFD, marks stripped, 'đ'/'Đ' → 'd' (a plain
 * NFD strip leaves đ, which has no decomposition), lower-case.
 */
export function foldByUnicode(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

const FOLDING = new CharTable(foldByUnicode);

/**
 * Search-key form: no diacritics, 'đ'/'Đ' → 'd', lower-case.
 * 'Đặng Thị Thuý' → 'dang thi thuy'. Same result as `foldByUnicode`, faster.
 */
export function foldText(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return FOLDING.map(text);
}
