import { XmlError, XmlErrorCode } from './errors';

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

// Only the five predefined entities and character references exist without a DTD, and we
// never read a DTD: anything else is an error, not something to expand.
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][\w.-]*));/g;

/** Replaces XML references in text or an attribute value; throws on undefined ones. */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  let references = 0;
  const decoded = raw.replace(REFERENCE, (_match, hex?: string, dec?: string, name?: string) => {
    references++;
    if (name !== undefined) {
      const value = PREDEFINED[name];
      if (value === undefined) throw malformed(`undefined entity '&${name};'`);
      return value;
    }
    return fromCodePoint(hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10));
  });
  // Every '&' must have started a reference we decoded.
  if (countAmpersands(raw) !== references) throw malformed("bare '&' in text");
  return decoded;
}

function countAmpersands(s: string): number {
  let n = 0;
  for (let i = s.indexOf('&'); i !== -1; i = s.indexOf('&', i + 1)) n++;
  return n;
}

/** XML 1.0 Char production: may this code point appear in a document (or a reference)? */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function fromCodePoint(cp: number): string {
  if (!isXmlChar(cp)) throw malformed(`character reference to illegal code point ${cp}`);
  return String.fromCodePoint(cp);
}

function malformed(message: string): XmlError {
  return new XmlError(XmlErrorCode.MalformedXml, message);
}
