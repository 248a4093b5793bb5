import { foldText } from '../vietnamese';
import { VIETNAMESE_ONLY } from '../vietnamese/letters';

/** The commonest Vietnamese family names, folded: lets unaccented names like 'Nguyen Van A' be recognised. */
// prettier-ignore
const VIETNAMESE_FAMILY_NAMES = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho',
  'ngo', 'duong', 'ly', 'dinh', 'trinh', 'doan', 'lam', 'mai', 'truong', 'cao', 'luu', 'ha', 'to',
  'ton', 'ta', 'chu', 'luong', 'kieu', 'quach', 'thai', 'tang', 'vuong', 'phung', 'khuc', 'trieu',
  'dao', 'giang', 'lai', 'nghiem', 'thach', 'bach', 'chau', 'diep', 'tong', 'quan', 'hua', 'khong',
  'khuat', 'mac', 'ong', 'than', 'tieu', 'ung', 'van', 'la', 'au',
]);
const TONED_OR_VIETNAMESE = /[\u0300-\u036f]/;

/**
 * Folded family name of a personal name, for the cluster key. Heuristic, in order:
 * 1. 'Family, Given' (inverted, as catalogues write it): the part before the comma.
 * 2. Vietnamese name order (family name first): when the name has Vietnamese letters or
 *    tone marks, or its first word is a common Vietnamese family name: the first word
 *    ('Nguyễn Du' → 'nguyen', 'Đặng Thai Mai' → 'dang').
 * 3. Otherwise Western order: the last word ('John Smith' → 'smith').
 * Corporate names fall under 2/3 too; that only has to be stable, not meaningful.
 */
export function familyName(name: string): string {
  const comma = name.indexOf(',');
  if (comma > 0) return firstWord(foldText(name.slice(0, comma)));
  const words = foldText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return '';
  return looksVietnamese(name, words[0]) ? words[0] : words[words.length - 1];
}

function looksVietnamese(name: string, firstFolded: string): boolean {
  return (
    VIETNAMESE_ONLY.test(name) ||
    TONED_OR_VIETNAMESE.test(name.normalize('NFD')) ||
    VIETNAMESE_FAMILY_NAMES.has(firstFolded)
  );
}

function firstWord(folded: string): string {
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean)[0] ?? '';
}
