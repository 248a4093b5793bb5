import type { MessageKey, Translate } from '../i18n/i18n';

/**
 * The matcher states its evidence in fixed English phrases (libs/work-matching, judge.ts);
 * the console says them in the reader's language. A phrase it does not know is shown as sent.
 */
const PHRASES: Array<[RegExp, MessageKey]> = [
  [/^title similarity (?<a>\S+)$/, 'fact.titleSimilarity'],
  [/^same year (?<a>.+)$/, 'fact.sameYear'],
  [/^same edition (?<a>.+)$/, 'fact.sameEdition'],
  [/^same volume (?<a>.+)$/, 'fact.sameVolume'],
  [/^same pages (?<a>.+)$/, 'fact.samePages'],
  [/^pages (?<a>\S+) ~ (?<b>\S+)$/, 'fact.closePages'],
  [/^authors (?<a>.+)$/, 'fact.authors'],
  [/^publishers (?<a>.+)$/, 'fact.publishers'],
  [/^merged by a curator$/, 'fact.mergedByCurator'],
];

export function factText(fact: string, t: Translate): string {
  for (const [pattern, key] of PHRASES) {
    const found = pattern.exec(fact);
    if (found) return t(key, { a: found.groups?.a ?? '', b: found.groups?.b ?? '' });
  }
  return fact;
}
