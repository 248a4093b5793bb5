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
const WORD = /[\p{L}\p{N}]+/gu;

/** Reads a catalogued name: 'Phan, Huy Lê', 'Phan Huy Lê', 'Smith, John A.', 'J. A. Smith', 'Nguyễn Du, 1765-1820'. */
export function nameForm(shown: string): NameForm {
  // Dates and fuller forms ('(Keith Weller)') add nothing a second catalogue reliably has.
  const cleaned = shown.replace(/\([^)]*\)/g, ' ');
  const parts = cleaned
    .split(',')
    .map(words)
    .filter((part) => part.length > 0 && !part.every(isNumberOrSuffix));
  const vietnamese = VIETNAMESE_ONLY.test(shown) || VIETNAMESE_FAMILY_NAMES.has(parts[0]?.[0]);
  if (parts.length >= 2) {
    return { shown, family: parts[0].join(' '), given: parts[1], vietnamese };
  }
  const tokens = parts[0] ?? [];
  if (tokens.length < 2) return { shown, family: tokens[0] ?? '', given: [], vietnamese };
  if (vietnamese) return { shown, family: tokens[0], given: tokens.slice(1), vietnamese };
  return { shown, family: tokens[tokens.length - 1], given: tokens.slice(0, -1), vietnamese };
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
  if (sameWords(a, b)) return true;
  if (a.family !== b.family || a.family === '') return false;
  if (a.vietnamese || b.vietnamese) return vietnameseGivenCompatible(a.given, b.given);
  return westernGivenCompatible(a.given, b.given);
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
  if (name.given.length === 0) return name.family;
  const distinguishing = name.vietnamese ? name.given[name.given.length - 1] : name.given[0][0];
  return `${name.family} ${distinguishing}`;
}
