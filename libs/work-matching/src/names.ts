import { foldText, VIETNAMESE_ONLY } from '@hop-luu/records';

/** A personal (or corporate) name reduced to what tells people apart; JSON-serialisable. */
export interface NameForm {
  /** As catalogued, for evidence: 'Phan, Huy Lê'. */
  readonly shown: string;
  /** Folded family name: 'phan' ('' for a one-word name without a family part). */
  readonly family: string;
  /** Folded given names in order; initials are one letter: ['huy', 'le'], ['j', 'a']. */
  readonly given: readonly string[];
  /** Family name first (Vietnamese order): the last given name is what distinguishes people. */
  readonly vietnamese: boolean;
  /** A body ('Bộ Giáo dục và Đào tạo', 'Viện Sử học', 'World Bank'), compared by its words. */
  readonly corporate: boolean;
  /**
   * Holds Latin-1 letters Vietnamese does not use ('Phaïm', 'NguyÔn'): legacy-encoded text
   * normalisation could not safely repair. It may still match; it proves no conflict.
   */
  readonly misencoded: boolean;
}

/** The commonest Vietnamese family names, folded (about nine in ten Vietnamese bear one). */
// prettier-ignore
const VIETNAMESE_FAMILY_NAMES = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho',
  'ngo', 'duong', 'ly', 'dinh', 'trinh', 'doan', 'lam', 'mai', 'truong', 'cao', 'luu', 'ha', 'to',
  'ton', 'ta', 'chu', 'luong', 'kieu', 'quach', 'thai', 'tang', 'vuong', 'phung', 'khuc', 'trieu',
  'dao', 'giang', 'lai', 'nghiem', 'thach', 'bach', 'chau', 'diep', 'tong', 'quan', 'hua', 'khong',
  'khuat', 'mac', 'ong', 'than', 'tieu', 'ung', 'la', 'au', 'lu', 'lo', 'mach', 'nong', 'son',
]);
/** Name suffixes that say nothing about who it is. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** A role written after the name ('Nguyễn Du, tác giả', 'Smith, John, editor'): not part of it. */
const ROLE =
  /^(?:tac gia|chu bien|bien soan|dich|nguoi dich|hieu dinh|gioi thieu|author|editor|ed|eds|translator|trans|compiler|comp|illustrator)$/;
const WORD = /[\p{L}\p{N}]+/gu;
/** Latin-1 characters outside the Vietnamese alphabet (which uses àáâãèéêìíòóôõùúý and capitals). */
const NOT_VIETNAMESE_LATIN1 =
  /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db-\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb-\u00fc\u00fe-\u00ff]/;
/**
 * What a corporate name starts with in Vietnamese ('Bộ …', 'Viện …', 'Trường Đại học …'; a
 * leading 'Việt Nam.' jurisdiction allowed), or contains in English. 'Trương' alone is a
 * family name, so 'truong' counts only before the kind of school.
 */
const CORPORATE =
  /^(?:viet nam )?(?:bo|vien|hoi|so|cuc|tong cuc|ban|uy ban|trung tam|cong ty|tong cong ty|thu vien|hoc vien|dai hoc|nha xuat ban|lien hiep|truong (?:dai hoc|cao dang|trung hoc|thpt|pho thong))\b|\b(?:university|institute|ministry|department|committee|association|society|library|council|office|bureau|academy|centre|center|college|organi[sz]ation|agency|commission|foundation|bank|unesco|unicef)\b/;

/** Reads a catalogued name: 'Phan, Huy Lê', 'Phan Huy Lê', 'Smith, John A.', 'J. A. Smith', 'Nguyễn Du, 1765-1820'. */
export function nameForm(shown: string): NameForm {
  // Dates and fuller forms ('(Keith Weller)') add nothing a second catalogue reliably has.
  const cleaned = shown.replace(/\([^)]*\)/g, ' ');
  const parts = cleaned
    .split(',')
    .map(words)
    .filter(
      (part) => part.length > 0 && !part.every(isNumberOrSuffix) && !ROLE.test(part.join(' ')),
    );
  const vietnamese = VIETNAMESE_ONLY.test(shown) || VIETNAMESE_FAMILY_NAMES.has(parts[0]?.[0]);
  const misencoded = NOT_VIETNAMESE_LATIN1.test(shown);
  const all = parts.flat();
  if (CORPORATE.test(all.join(' ')) || all.length >= 6)
    return { shown, family: '', given: all, vietnamese, corporate: true, misencoded };
  const form = { shown, vietnamese, corporate: false, misencoded };
  if (parts.length >= 2) return { ...form, family: parts[0].join(' '), given: parts[1] };
  const tokens = parts[0] ?? [];
  if (tokens.length < 2) return { ...form, family: tokens[0] ?? '', given: [] };
  if (vietnamese) return { ...form, family: tokens[0], given: tokens.slice(1) };
  return { ...form, family: tokens[tokens.length - 1], given: tokens.slice(0, -1) };
}

function words(text: string): string[] {
  // A hyphenated given name ('Hue-Tam') is one name: its initial is 'H.'.
  const joined = foldText(text).replace(/(\p{L})-(\p{L})/gu, '$1$2');
  return (joined.match(WORD) ?? []).filter((w) => !SUFFIXES.has(w));
}

function isNumberOrSuffix(word: string): boolean {
  return /^\d+$/.test(word) || SUFFIXES.has(word);
}

/**
 * Whether two names can be one person. Family names must be equal; then for a Vietnamese
 * name (family first) the last given name must be equal in full ('Nguyễn Du' is not
 * 'Nguyễn Văn Khoả') and the middle names may be left out or initialled; for other names
 * given names compare in order, a full name matching its initial ('John A.' ~ 'J. A.').
 * The same words in another order also match ('Du Nguyen' ~ 'Nguyễn Du').
 */
export function namesCompatible(a: NameForm, b: NameForm): boolean {
  if (a.corporate || b.corporate) return a.corporate && b.corporate && bodiesCompatible(a, b);
  if (sameWords(a, b)) return true;
  if (a.family !== b.family || a.family === '') return false;
  if (a.vietnamese || b.vietnamese) return vietnameseGivenCompatible(a.given, b.given);
  return westernGivenCompatible(a.given, b.given);
}

/** One body's words all within the other's: 'Bộ Giáo dục và Đào tạo' ~ 'Việt Nam. Bộ Giáo dục và Đào tạo'. */
function bodiesCompatible(a: NameForm, b: NameForm): boolean {
  const [short, long] = a.given.length <= b.given.length ? [a.given, b.given] : [b.given, a.given];
  return short.length > 0 && short.every((w) => long.includes(w));
}

function sameWords(a: NameForm, b: NameForm): boolean {
  const wa = [a.family, ...a.given].join(' ').split(' ').sort().join(' ');
  const wb = [b.family, ...b.given].join(' ').split(' ').sort().join(' ');
  return wa === wb && wa.includes(' ');
}

function vietnameseGivenCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  if (a[a.length - 1] !== b[b.length - 1]) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return isSubsequence(shorter.slice(0, -1), longer.slice(0, -1));
}

/** Every word of `short` matches a later word of `long` than the previous one did. */
function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let j = 0;
  for (const word of short) {
    while (j < long.length && !wordsCompatible(word, long[j])) j++;
    if (j === long.length) return false;
    j++;
  }
  return true;
}

function westernGivenCompatible(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!wordsCompatible(a[i], b[i])) return false;
  return true;
}

/** Equal, or one is the initial of the other. */
function wordsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1) return b.startsWith(a);
  return b.length === 1 && a.startsWith(b);
}

/** A short key for one person: family name and the distinguishing given name (Vietnamese) or initial. */
export function personKey(name: NameForm): string {
  if (name.corporate) return name.given.slice(-3).join(' ');
  if (name.given.length === 0) return name.family;
  const distinguishing = name.vietnamese ? name.given[name.given.length - 1] : name.given[0][0];
  return `${name.family} ${distinguishing}`;
}
