import type { MatchProfile } from './profile';
import { personKey, type NameForm } from './names';

/**
 * A key with more postings than this is too common to find candidates with ('t:truyen kieu'
 * across every library): it is ignored, both ways, so the candidate relation stays symmetric.
 * The other keys of such a record (title with year, title with author, author with year) are
 * selective enough to find its real duplicates.
 */
export const MAX_KEY_POSTINGS = 200;

const TITLE_KEY_WORDS = 4;
const SHORT_TITLE_WORDS = 3;
const MAX_KEYS = 12;

/**
 * Blocking keys of a record: a record is judged only against records sharing one of them.
 * - every identifier ('isbn:…', 'issn:…', 'doi:…', 'lccn:…', 'oclc:…', 'nbn:…', 'nbd:…');
 * - 't:' the first four words of the title proper (spaces removed, so 'Việt Nam' and
 *   'Vietnam' agree);
 * - 'ty:' the first three words with the year, 'ta:' the first three words with the first
 *   author's key (family name and distinguishing given name), 'te:' the last three words
 *   with the year (titles whose beginnings differ: 'Giáo trình …');
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
    const lead = joinWords(words.slice(0, SHORT_TITLE_WORDS));
    if (year) keys.push(`ty:${lead}|${year}`);
    if (authors[0]) keys.push(`ta:${lead}|${authors[0]}`);
    if (year && words.length > SHORT_TITLE_WORDS + 1)
      keys.push(`te:${joinWords(words.slice(-3))}|${year}`);
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
