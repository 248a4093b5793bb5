import { latin1ReadingBytes, WINDOWS_1252_EXTRA } from './latin1-reading';

/** Outcome of `repairDoubleUtf8`. */
export interface DoubleUtf8Repair {
  readonly text: string;
  /** Set when the text was UTF-8 read as Windows-1252/Latin-1, and is now the original. */
  readonly repaired?: true;
  /** Set when the text has such sequences but cannot be repaired as a whole (mixed, damaged). */
  readonly suspected?: true;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** A UTF-8 lead byte (0xC2–0xF4) read as Latin-1, then something that may be a continuation byte. */
const LEAD_THEN_MORE = new RegExp(`[\u00c2-\u00f4][\u0080-\u00bf${WINDOWS_1252_EXTRA}]`);
/** Controls, format characters, private use, unassigned: what no catalogue text holds. */
const IMPLAUSIBLE = /[^\P{C}\t\n\r]/u;
/** Accented letters of Latin script, Vietnamese included. */
const LATIN_LETTER = /^[\u00c0-\u024f\u1e00-\u1eff]$/;
/** Text repaired more often than this was not double-encoded by accident. */
const MAX_ROUNDS = 3;

/**
 * Undoes UTF-8 that was read as Windows-1252 (or Latin-1) and encoded again: 'Ã©' → 'é',
 * 'Ä‘' → 'đ', 'Há»“ ChÃ­ Minh' → 'Hồ Chí Minh'. Repaired only when unambiguous: the whole
 * text turns back into bytes that are valid UTF-8, and what they spell is more plausible
 * text (no control or unassigned characters; a single repaired character must be a Latin
 * letter, as in 'cafÃ©'). Repeated while that holds, for text encoded twice over. Text
 * with such sequences that cannot be repaired as a whole ('Café Ã©tÃ©', part real, part
 * double-encoded) is reported as suspected when two or more sequences spell letters.
 */
export function repairDoubleUtf8(text: string): DoubleUtf8Repair {
  if (!LEAD_THEN_MORE.test(text)) return { text };
  // Each round may hold controls and soft hyphens (a double-encoded 'í' is 'Ã' + U+00AD);
  // only the last plausible one counts.
  const rounds: string[] = [];
  for (let current = text; rounds.length < MAX_ROUNDS && LEAD_THEN_MORE.test(current);) {
    const decoded = decodeUtf8(current);
    if (decoded === undefined) break;
    rounds.push((current = decoded));
  }
  const repaired = rounds.reverse().find(plausible);
  if (repaired !== undefined) return { text: repaired, repaired: true };
  return lettersSpelled(text) >= 2 ? { text, suspected: true } : { text };
}

/** `text` turned back into bytes and read as UTF-8, or undefined when they are not UTF-8. */
function decodeUtf8(text: string): string | undefined {
  const bytes = latin1ReadingBytes(text);
  return bytes && tryDecode(bytes); // not UTF-8: the bytes were meant as Latin-1 ('Maß', 'Ñ¡')
}

function plausible(decoded: string): boolean {
  if (IMPLAUSIBLE.test(decoded)) return false;
  const nonAscii = [...decoded].filter((ch) => ch > '\u007f');
  return nonAscii.length !== 1 || LATIN_LETTER.test(nonAscii[0]);
}

/** How many two- or three-byte sequences in `text` spell a letter when read as UTF-8. */
function lettersSpelled(text: string): number {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    for (const length of [3, 2]) {
      const bytes = latin1ReadingBytes(text.slice(i, i + length));
      const ch = bytes && bytes.length === length ? tryDecode(bytes) : undefined;
      if (ch !== undefined && /^\p{L}$/u.test(ch)) {
        letters++;
        i += length - 1;
        break;
      }
    }
  }
  return letters;
}

function tryDecode(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
