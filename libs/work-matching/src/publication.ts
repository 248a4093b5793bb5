import { foldText } from '@hop-luu/records';
import { wordsOf } from './title';

// prettier-ignore
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, nhat: 1, mot: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8,
  chin: 9, muoi: 10,
};

/**
 * Edition number from an edition statement, counted as an edition (not a printing):
 * '2nd ed.', 'Second edition', 'Xuất bản lần thứ 2' → 2; 'Tái bản lần thứ 2' (re-edited a
 * second time) → 3; 'In lần thứ 2' (a printing) and statements without a number → undefined.
 */
export function editionNumber(statement: string | undefined): number | undefined {
  if (!statement) return undefined;
  const folded = foldText(statement);
  if (/\bin lan\b/.test(folded) && !/\b(tai|xuat) ban\b/.test(folded)) return undefined;
  const words = wordsOf(folded);
  const digits = words.find((w) => /^\d+(?:st|nd|rd|th)?$/.test(w));
  const n = digits ? parseInt(digits, 10) : words.map((w) => ORDINALS[w]).find((v) => v);
  if (n === undefined || n <= 0 || n > 200) return undefined;
  return /\btai ban\b/.test(folded) ? n + 1 : n;
}

/**
 * Page count from a physical description: the largest number followed by a page word
 * ('xii, 680 pages', '435 tr.', '350 trang', '240 p.', '[12], 300 s.'); undefined when none.
 */
export function pageCount(physicalDescription: string | undefined): number | undefined {
  if (!physicalDescription) return undefined;
  const folded = foldText(physicalDescription);
  let pages: number | undefined;
  for (const m of folded.matchAll(/(\d+)\s*(?:tr|trang|p|pp|pages?|s|seiten|pg)\b/g)) {
    const n = Number(m[1]);
    if (n > 0 && n < 20000 && (pages === undefined || n > pages)) pages = n;
  }
  return pages;
}

/** Page counts of one book as two catalogues give them: some count preliminary pages, plates or the index. */
export function pagesCompatible(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(10, 0.1 * Math.max(a, b));
}

/** Words of publisher names that say "publisher" and not which one. */
// prettier-ignore
const PUBLISHER_FILLER = new Set([
  'nha', 'xuat', 'ban', 'nxb', 'publishing', 'publishers', 'publisher', 'publications', 'house',
  'press', 'pub', 'co', 'company', 'inc', 'ltd', 'llc', 'cong', 'ty', 'tnhh', 'cp', 'the', 'and',
  'va', 'of', 'verlag', 'editions', 'editeur', 'books', 'group', 'corp', 'corporation', 'sa',
]);
/** Words left out of a publisher's initials ('Cambridge University Press' → 'cup', 'Nxb. Chính trị quốc gia' → 'ctqg'). */
const NOT_IN_INITIALS = new Set([
  'nha',
  'xuat',
  'ban',
  'nxb',
  'the',
  'and',
  'va',
  'of',
  'inc',
  'ltd',
  'co',
]);

/** A publisher name reduced for comparison. */
export interface PublisherForm {
  /** As catalogued, for evidence ('' when none). */
  readonly shown: string;
  /** Folded distinguishing words: 'NXB Văn học' → 'van hoc'; '' when none. */
  readonly words: string;
  /** First letters of its words: 'Cambridge University Press' → 'cup'. */
  readonly initials: string;
}

export function publisherForm(publisher: string | undefined): PublisherForm {
  if (!publisher) return { shown: '', words: '', initials: '' };
  // 'Hawaiʻi' and 'Hawaii' are one word.
  const all = wordsOf(publisher.replace(/\[[^\]]*\]/g, ' ').replace(/[ʻʼ'’]/g, ''));
  return {
    shown: publisher,
    words: all.filter((w) => !PUBLISHER_FILLER.has(w)).join(' '),
    initials: all
      .filter((w) => !NOT_IN_INITIALS.has(w))
      .map((w) => w[0])
      .join(''),
  };
}

/**
 * Whether two publishers can be one: a shared word (an abbreviation matching the word it
 * shortens: 'Univ.' ~ 'University'), or one written as the initials of the other
 * ('CTQG' ~ 'Chính trị quốc gia Sự thật', 'ĐHQGHN', 'CUP'). Unknown publishers prove nothing.
 */
export function publishersCompatible(a: PublisherForm, b: PublisherForm): boolean {
  if (a.words === '' || b.words === '') return true;
  const wa = a.words.split(' ');
  const wb = b.words.split(' ');
  if (wa.some((x) => wb.some((y) => sameWord(x, y)))) return true;
  return isAcronymOf(a, b) || isAcronymOf(b, a);
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short);
}

/** `a` is one word of 3 letters or more that starts the initials of `b`. */
function isAcronymOf(a: PublisherForm, b: PublisherForm): boolean {
  const acronym = a.words.includes(' ') ? a.initials : a.words;
  if (acronym.includes(' ') || acronym.length < 3) return false;
  return b.initials.length >= acronym.length && b.initials.startsWith(acronym);
}
