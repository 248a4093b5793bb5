import type { MatchProfile } from './profile';
import { personKey, type NameForm } from './names';

/**
 * A key with more postings than this is too common to find candidates with ('t:truyenkieu'
 * across every library, or 'ta:truyenkieu|nguyen du' for hundreds of editions): it is
 * ignored, both ways, so the candidate relation stays symmetric. The year keys of such a
 * record ('ty:truyenkieu|2015', 'ay:du nguyen|2015') are selective enough to find its real
 * duplicates. Keys are made to link few records of other works: every link makes the
 * store's components, and the cost of clustering them, bigger.
 */
export const MAX_KEY_POSTINGS = 200;

const TITLE_KEY_WORDS = 4;
const LEAD_WORDS = 3;
const WHOLE_TITLE_WORDS = 10;
const MAX_KEYS = 12;

/**
 * Blocking keys of a record: a record is judged only against records sharing one of them.
 * - every identifier ('isbn:…', 'issn:…', 'doi:…', 'lccn:…', 'oclc:…', 'nbn:…', 'nbd:…');
 * - 't:' the first four words of the title proper (spaces removed, so 'Việt Nam' and
 *   'Vietnam' agree);
 * - 'ty:' the whole title proper (up to ten words) with the year, 'ta:' its first three words
 *   with the first author's key (family name and distinguishing given name);
 * - 'ay:' each of the first two names with the year (see `fullNameKey`).
 * At most 12.
 */
export function candidateKeys(profile: MatchProfile): string[] {
  const keys = [...profile.ids];
  const words = profile.title.split(' ').filter(Boolean);
  const year = profile.year === undefined ? '' : String(profile.year);
  const names = profile.names.slice(0, 2);
  const authors = names.map(personKey).filter(Boolean);
  const fullNames = names.map(fullNameKey).filter(Boolean);
  if (words.length > 0) {
    keys.push(`t:${joinWords(words.slice(0, TITLE_KEY_WORDS))}`);
    if (year) keys.push(`ty:${joinWords(words.slice(0, WHOLE_TITLE_WORDS))}|${year}`);
    if (authors[0]) keys.push(`ta:${joinWords(words.slice(0, LEAD_WORDS))}|${authors[0]}`);
  }
  if (year) for (const name of fullNames) keys.push(`ay:${name}|${year}`);
  return [...new Set(keys)].slice(0, MAX_KEYS);
}

/**
 * A name for the author-year key. Vietnamese: every word, sorted ('Phan, Huy Lê' and 'Phan Huy
 * Le' give 'huy le phan'), since family and given name alone ('nguyen hung') are shared by
 * too many. Others: family name and first initial ('Porter, David X.' and 'D. X. Porter' give
 * 'porter d'), since catalogues initial given names.
 */
function fullNameKey(name: NameForm): string {
  if (!name.vietnamese || name.corporate) return personKey(name);
  return [name.family, ...name.given].filter(Boolean).sort().join(' ');
}

function joinWords(words: readonly string[]): string {
  return words.join('');
}
