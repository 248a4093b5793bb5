/**
 * Latin, IPA, spacing modifiers, combining diacritics (U+0000–U+036F) and Latin Extended
 * Additional (U+1E00–U+1EFF, the precomposed Vietnamese letters): the characters of our
 * catalogues' text. They decompose only into characters of these ranges, and their case
 * does not depend on their neighbours (unlike Greek final sigma), so mappings built from
 * case and NFD give the same result one character at a time as on a whole text.
 */
const LATIN_END = 0x370;
const EXTENDED_START = 0x1e00;
const EXTENDED_END = 0x1f00;

/** Table entry of a character that maps to nothing. */
const REMOVED = -1;
/** Table entry of a character the table cannot map on its own (several characters out). */
const UNMAPPED = -2;

/** Up to this length text is mapped in slices, longer text by decoding (measured crossover). */
const SHORT_TEXT = 24;
/** Decodes the mapped code units; keeps a leading U+FEFF like any other character. */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * A text mapping (folding) precomputed per character for the ranges above, from a
 * reference function that defines it.
 *
 * Why: `normalize` and regex replacements over a whole value cost several times more than
 * a table lookup per character. Text with any other character is mapped by the reference
 * function, so results never differ from it.
 */
export class CharTable {
  private readonly latin: Int32Array;
  private readonly extended: Int32Array;
  /** Output being built: two bytes per UTF-16 code unit, little-endian; grows as needed. */
  private bytes = new Uint8Array(512);

  constructor(private readonly reference: (text: string) => string) {
    this.latin = this.build(0, LATIN_END);
    this.extended = this.build(EXTENDED_START, EXTENDED_END);
  }

  /** `reference(text)`, mostly without calling it. */
  map(text: string): string {
    return text.length <= SHORT_TEXT ? this.mapInSlices(text) : this.mapByDecoding(text);
  }

  /** Copies unchanged runs in slices: cheapest for short text. */
  private mapInSlices(text: string): string {
    let mapped = '';
    let copiedTo = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const m = this.entry(c);
      if (m === c) continue;
      if (m === UNMAPPED) return this.reference(text);
      mapped += text.slice(copiedTo, i);
      if (m !== REMOVED) mapped += String.fromCharCode(m);
      copiedTo = i + 1;
    }
    return copiedTo === 0 ? text : mapped + text.slice(copiedTo);
  }

  /**
   * Writes all code units and decodes them once: for longer text, cheaper than joining
   * many runs (which the engine would also have to flatten on first use).
   */
  private mapByDecoding(text: string): string {
    if (this.bytes.length < 2 * text.length) this.bytes = new Uint8Array(2 * text.length);
    const bytes = this.bytes;
    let length = 0;
    let changed = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const m = this.entry(c);
      if (m === UNMAPPED) return this.reference(text);
      if (m !== c) {
        changed = true;
        if (m === REMOVED) continue;
      }
      bytes[length++] = m & 0xff;
      bytes[length++] = m >>> 8;
    }
    return changed ? UTF16.decode(bytes.subarray(0, length)) : text;
  }

  private entry(c: number): number {
    if (c < LATIN_END) return this.latin[c];
    if (c >= EXTENDED_START && c < EXTENDED_END) return this.extended[c - EXTENDED_START];
    return UNMAPPED;
  }

  private build(start: number, end: number): Int32Array {
    const table = new Int32Array(end - start);
    for (let c = start; c < end; c++) {
      const mapped = this.reference(String.fromCharCode(c));
      if (mapped.length > 1) table[c - start] = UNMAPPED;
      else table[c - start] = mapped.length === 0 ? REMOVED : mapped.charCodeAt(0);
    }
    return table;
  }
}
