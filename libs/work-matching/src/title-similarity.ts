import { similarity } from './edit-distance';
import type { MatchProfile } from './profile';

/**
 * Similarity of the titles, subtitles left out or in, whichever agrees best (a subtitle
 * in one record only, or run into the title by a catalogue without one, does not matter).
 * Spaces are ignored ('Viet Nam' = 'Vietnam'); the same words in another order are equal.
 * 0 below `floor`.
 */
export function bestTitleSimilarity(a: MatchProfile, b: MatchProfile, floor: number): number {
  const formsA = titleVariants(a);
  const formsB = titleVariants(b);
  let best = a.sortedWords === b.sortedWords && a.sortedWords !== '' ? 1 : 0;
  for (const fa of formsA)
    for (const fb of formsB) {
      if (fa === '' || fb === '') continue;
      best = Math.max(best, similarity(fa, fb, Math.max(floor, best)));
      if (best === 1) return 1;
    }
  return best >= floor ? best : 0;
}

function titleVariants(p: MatchProfile): string[] {
  const title = compact(p.title);
  const variants = p.subtitle === '' ? [title] : [title, title + compact(p.subtitle)];
  if (p.titleHead !== '') variants.push(compact(p.titleHead));
  return variants;
}

function compact(text: string): string {
  return text.replace(/ /g, '');
}

/** One title's words all within the other's (or an other title): 'Truyện Kiều' within 'Truyện Kiều đoạn trường tân thanh'. */
export function titlesOverlap(a: MatchProfile, b: MatchProfile): boolean {
  const all = (p: MatchProfile): string[] => [
    p.title,
    `${p.title} ${p.subtitle}`.trim(),
    ...p.otherTitles,
  ];
  for (const ta of all(a))
    for (const tb of all(b))
      if (ta !== '' && tb !== '' && (containsWords(ta, tb) || containsWords(tb, ta))) return true;
  return false;
}

/** Every word of `inner` is in `outer`, and `inner` is at least half of it ('Kinh' is not within 'Kinh tế vi mô'). */
function containsWords(outer: string, inner: string): boolean {
  const outerWords = outer.split(' ');
  const innerWords = inner.split(' ');
  if (innerWords.length * 2 < outerWords.length) return false;
  const words = new Set(outerWords);
  return innerWords.every((w) => words.has(w));
}
