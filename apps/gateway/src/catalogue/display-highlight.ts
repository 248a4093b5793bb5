import { foldText } from '@hop-luu/records';

/*
 * Elasticsearch highlights the search forms of a text (lower case, canonical tone marks, or
 * no marks at all), which a reader should never see. So only the matched words are taken
 * from its fragments, and those words are marked again in the text as the library wrote it.
 * Records come from partners: the text is HTML-escaped, so the only markup is our <em>.
 */

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MARKED = /<em>(.*?)<\/em>/g;
const CONTEXT_CHARS = 70;
const MAX_FRAGMENTS = 2;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

const wordKey = (word: string) => foldText(word.normalize('NFC')).toLowerCase();

/** The words Elasticsearch marked, in a form that ignores case and diacritics. */
export function matchedWords(fragments: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const fragment of fragments) {
    for (const [, marked] of fragment.matchAll(MARKED)) {
      for (const [word] of marked.matchAll(WORD)) words.add(wordKey(word));
    }
  }
  return words;
}

/** `text`, escaped, with every matched word wrapped in <em>; undefined when none matches. */
export function markText(text: string, words: ReadonlySet<string>): string | undefined {
  let out = '';
  let last = 0;
  let found = false;
  for (const match of text.matchAll(WORD)) {
    if (!words.has(wordKey(match[0]))) continue;
    found = true;
    out += `${escapeHtml(text.slice(last, match.index))}<em>${escapeHtml(match[0])}</em>`;
    last = match.index + match[0].length;
  }
  return found ? out + escapeHtml(text.slice(last)) : undefined;
}

/** Where the first matched word at or after `from` starts, or -1. */
function nextMatch(text: string, words: ReadonlySet<string>, from: number): number {
  // A regex of its own: matchAll elsewhere starts from the shared one's lastIndex.
  const word = new RegExp(WORD.source, 'gu');
  word.lastIndex = from;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    if (words.has(wordKey(match[0]))) return match.index;
  }
  return -1;
}

/** A window of a long text around a match, widened to whole words. */
function windowAround(text: string, at: number): { start: number; end: number } {
  let start = Math.max(0, at - CONTEXT_CHARS);
  let end = Math.min(text.length, at + CONTEXT_CHARS * 2);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > at ? text.lastIndexOf(' ', end) : end;
  return { start, end };
}

/** Up to two marked passages of a long text (a description), each around a match. */
export function markPassages(text: string, words: ReadonlySet<string>): string[] {
  const passages: string[] = [];
  for (let at = nextMatch(text, words, 0); at >= 0 && passages.length < MAX_FRAGMENTS;) {
    const { start, end } = windowAround(text, at);
    const marked = markText(text.slice(start, end), words);
    if (marked) passages.push(`${start > 0 ? '… ' : ''}${marked}${end < text.length ? ' …' : ''}`);
    at = nextMatch(text, words, end);
  }
  return passages;
}
