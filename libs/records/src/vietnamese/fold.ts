const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ASCII_ONLY = /^[\x20-\x7e]*$/;

/**
 * Search-key form: no diacritics, 'đ'/'Đ' → 'd' (a plain NFD strip leaves đ, which has no
 * decomposition), lower-case. 'Đặng Thị Thuý' → 'dang thi thuy'.
 */
export function foldText(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
