import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

// Characters XML 1.0 forbids even as literal text; some repositories pass
// control characters from old MARC data straight through.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ILLEGAL_XML_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const UTF8_REPLACEMENT = Buffer.from('\uFFFD', 'utf8');

/** Charsets we honour when a body is not valid UTF-8; otherwise UTF-8 wins (OAI-PMH mandates it). */
const SINGLE_BYTE_CHARSETS = new Set([
  'iso-8859-1',
  'latin1',
  'windows-1252',
  'cp1252',
  'us-ascii',
  'windows-1258',
]);

/**
 * Bytes → text for the XML parser. Handles a BOM, a wrong or missing charset
 * label, invalid UTF-8 (replaced with U+FFFD and counted) and characters
 * illegal in XML 1.0 (removed and counted). Multi-byte sequences and
 * surrogate pairs split across chunks are kept intact by TextDecoder's
 * streaming mode.
 */
export class XmlTextDecoder {
  illegalCharsRemoved = 0;
  invalidBytesReplaced = 0;
  private decoder?: TextDecoder;
  private utf8 = true;

  constructor(private readonly declaredCharset?: string) {}

  decode(chunk: Buffer): string {
    this.decoder ??= this.chooseDecoder(chunk);
    const text = this.decoder.decode(chunk, { stream: true });
    if (this.utf8) this.countReplacements(chunk, text);
    return this.clean(text);
  }

  flush(): string {
    if (!this.decoder) return '';
    const text = this.decoder.decode();
    if (this.utf8) this.countReplacements(Buffer.alloc(0), text);
    return this.clean(text);
  }

  private chooseDecoder(first: Buffer): TextDecoder {
    if (first[0] === 0xff && first[1] === 0xfe) return this.nonUtf8('utf-16le');
    if (first[0] === 0xfe && first[1] === 0xff) return this.nonUtf8('utf-16be');
    const label = this.declaredCharset?.toLowerCase();
    // Ignore the last bytes: a multi-byte character may continue in the next chunk.
    const looksUtf8 = isUtf8(first.subarray(0, Math.max(0, first.length - 3)));
    if (label && SINGLE_BYTE_CHARSETS.has(label) && !looksUtf8) return this.nonUtf8(label);
    return new TextDecoder('utf-8');
  }

  private nonUtf8(label: string): TextDecoder {
    this.utf8 = false;
    return new TextDecoder(label);
  }

  private countReplacements(chunk: Buffer, text: string): void {
    if (!text.includes('\uFFFD')) return;
    let produced = 0;
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) produced++;
    // U+FFFD that was genuinely in the source is not an invalid byte.
    let genuine = 0;
    for (
      let i = chunk.indexOf(UTF8_REPLACEMENT);
      i >= 0;
      i = chunk.indexOf(UTF8_REPLACEMENT, i + 1)
    )
      genuine++;
    this.invalidBytesReplaced += Math.max(0, produced - genuine);
  }

  private clean(text: string): string {
    ILLEGAL_XML_CHARS.lastIndex = 0;
    if (!ILLEGAL_XML_CHARS.test(text)) return text;
    return text.replace(ILLEGAL_XML_CHARS, () => {
      this.illegalCharsRemoved++;
      return '';
    });
  }
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}
