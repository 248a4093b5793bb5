/**
 * Words as the legacy-encoding check sees them: split at white space, ASCII punctuation and
 * general punctuation (U+2000–U+206F: dashes, curly quotes). Neither TCVN3 nor VNI uses
 * those for letters, so a text and its decoded form split into the same number of words.
 * Digits stay inside words, so '1ª' is one word and never a syllable.
 */
const SEPARATORS = /[\s!-/:-@[-`{-~\u00a0\u2000-\u206f]+/;

export function splitWords(text: string): string[] {
  return text.split(SEPARATORS).filter((word) => word !== '');
}

const NUMBER = /^[0-9]+$/;

export function isNumber(word: string): boolean {
  return NUMBER.test(word);
}
