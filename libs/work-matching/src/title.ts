import { foldText } from '@hop-luu/records';

/** A title reduced for comparison. */
export interface TitleForms {
  /** Title proper, folded, without punctuation, leading article or volume designation: 'lich su viet nam'. */
  readonly title: string;
  /** Subtitle the same way ('' when none). */
  readonly subtitle: string;
  /** Volume or part number ('Tập 2', 'Vol. II', 'Part 3' → '2', '2', '3'), when the title names one. */
  readonly volume?: string;
  /** Other numbers in title and subtitle, sorted, space-separated ('1945 1975'): editions of a yearbook or textbooks for grades differ only there. */
  readonly numbers: string;
}

/** Words that introduce a volume or part number. */
// prettier-ignore
const VOLUME_WORDS = new Set([
  'tap', 't', 'quyen', 'q', 'cuon', 'phan', 'vol', 'volume', 'v', 'part', 'pt', 'book', 'bk',
  'tome', 'band', 'bd', 'livre', 'so', 'no', 'number', 'nr', 'tom', 'teil',
]);
/** Words that carry nothing a second catalogue reliably repeats. */
const NOISE_WORDS = new Set(['and', 'va', 'et', 'und', 'the']);
/**
 * Leading articles dropped per record language. Vietnamese has none (and 'a', 'la' are
 * Vietnamese words: 'A Phủ', 'La Hán' keep them); English ones are also dropped when the
 * language is unknown, the commonest case for foreign-language titles.
 */
const ARTICLES: Readonly<Record<string, readonly string[]>> = {
  eng: ['the', 'a', 'an'],
  fra: ['le', 'la', 'les', 'l', 'un', 'une'], // 'l' is "l'" once the apostrophe is gone
  deu: ['der', 'die', 'das', 'ein', 'eine'],
  spa: ['el', 'la', 'los', 'las', 'un', 'una'],
};
const ROMAN = /^[ivxlc]+$/;
const DIGITS = /^\d+$/;

/** Comparison forms of a title and subtitle. */
export function titleForms(
  title: string,
  subtitle: string | undefined,
  languages: readonly string[],
): TitleForms {
  const titleWords = withoutLeadingArticle(wordsOf(title), languages);
  const subtitleWords = wordsOf(subtitle ?? '');
  const volume = takeVolume(titleWords) ?? takeVolume(subtitleWords);
  const numbers = [...titleWords, ...subtitleWords].filter((w) => DIGITS.test(w));
  const forms: TitleForms = {
    title: withoutNoise(titleWords),
    subtitle: withoutNoise(subtitleWords),
    numbers: [...new Set(numbers.map((n) => String(Number(n))))].sort().join(' '),
  };
  return volume === undefined ? forms : { ...forms, volume };
}

/** Folded words of any text, punctuation dropped. */
export function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A leading article of the record's language dropped, unless it is the only word. */
function withoutLeadingArticle(words: string[], languages: readonly string[]): string[] {
  if (words.length > 1 && articlesFor(languages).includes(words[0])) words.shift();
  return words;
}

function articlesFor(languages: readonly string[]): readonly string[] {
  if (languages.includes('vie')) return [];
  if (languages.length === 0) return ARTICLES.eng;
  return languages.flatMap((language) => ARTICLES[language] ?? []);
}

function withoutNoise(words: readonly string[]): string {
  if (words.length < 2) return words.join(' ');
  return words.filter((w) => !NOISE_WORDS.has(w)).join(' ');
}

/**
 * Finds 'tap 2', 'vol ii', 'part 3' and removes it from `words` (so 'Lịch sử Việt Nam. Tập 2'
 * and 'Lịch sử Việt Nam : tập 2' compare equal), returning the number.
 */
function takeVolume(words: string[]): string | undefined {
  for (let i = 0; i + 1 < words.length; i++) {
    if (!VOLUME_WORDS.has(words[i])) continue;
    const number = volumeNumber(words[i + 1]);
    if (number === undefined) continue;
    words.splice(i, 2);
    return number;
  }
  return undefined;
}

function volumeNumber(word: string): string | undefined {
  if (DIGITS.test(word)) return String(Number(word));
  if (ROMAN.test(word)) return romanValue(word);
  return undefined;
}

const ROMAN_DIGITS: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(word: string): string | undefined {
  let total = 0;
  for (let i = 0; i < word.length; i++) {
    const value = ROMAN_DIGITS[word[i]];
    const next = ROMAN_DIGITS[word[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 && total < 200 ? String(total) : undefined;
}
