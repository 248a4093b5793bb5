import { formsOf } from '../search-forms';

/**
 * Leading articles dropped per record language. Vietnamese has none (and 'a', 'la' are
 * Vietnamese words), so Vietnamese titles keep every word. English articles are also
 * dropped when the language is unknown, the commonest case for foreign-language titles.
 */
const ARTICLES: Readonly<Record<string, readonly string[]>> = {
  eng: ['the', 'a', 'an'],
  fra: ['le', 'la', 'les', 'l', 'un', 'une'], // 'l' is "l'" once the apostrophe is gone
  deu: ['der', 'die', 'das', 'ein', 'eine'],
  spa: ['el', 'la', 'los', 'las', 'un', 'una'],
};
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** Folded title for the cluster key: non-filing characters and a leading article dropped, punctuation gone. */
export function titleKey(title: string, nonfiling: number, languages: readonly string[]): string {
  const [, filed] = formsOf(title.slice(nonfiling));
  const words = filed.replace(NOT_LETTER_OR_DIGIT, ' ').trim().split(' ');
  if (words.length > 1 && articlesFor(languages).includes(words[0])) words.shift();
  return words.join(' ');
}

function articlesFor(languages: readonly string[]): readonly string[] {
  if (languages.includes('vie')) return [];
  if (languages.length === 0) return ARTICLES.eng;
  return languages.flatMap((l) => ARTICLES[l] ?? []);
}
