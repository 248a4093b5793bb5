import { endsName } from './xml-chars';

/** A name as written in a tag. */
export interface XmlName {
  /** Qualified name, e.g. 'dc:title' or 'subfield'. */
  readonly qname: string;
  /** Name without its prefix. */
  readonly local: string;
  /** Length of the prefix ('dc' → 2); 0 when there is none. */
  readonly prefixLength: number;
  /** True for 'xmlns' and 'xmlns:prefix', which declare namespaces when used as attributes. */
  readonly declaresNamespace: boolean;
  /** The end tag of an element with this name, written plainly: '</dc:title>'. */
  readonly endTag: string;
}

/** The parts of a qualified name. */
export function xmlName(written: string): XmlName {
  const qname = interned(written);
  const colon = qname.indexOf(':');
  return {
    qname,
    local: colon === -1 ? qname : interned(qname.slice(colon + 1)),
    prefixLength: colon === -1 ? 0 : colon,
    declaresNamespace: qname === 'xmlns' || qname.startsWith('xmlns:'),
    endTag: `</${qname}>`,
  };
}

/**
 * The engine's single shared copy of `text` (property keys are interned). Mappers compare
 * element and attribute names with literals ('subfield', 'code') and use them as keys;
 * with interned names both are a pointer comparison instead of a character comparison or
 * a hash computation.
 */
export function interned(text: string): string {
  return Object.keys({ [text]: true })[0];
}

/**
 * The start of a start tag up to the opening quote of its first attribute, written plainly
 * (one space, no space around '='): 'subfield code="'. Sibling elements usually share it.
 */
export interface TagHead {
  readonly element: XmlName;
  readonly attribute: XmlName;
  /** 'subfield code="' */
  readonly written: string;
}

const BUCKETS = 256;
const ENTRIES_PER_BUCKET = 4;

/** Entries whose written text starts with the same two characters. */
interface Bucket<E> {
  readonly written: string[];
  readonly entries: E[];
}

/**
 * Texts met before in tags (names, tag heads), so a tag that repeats (every MARC subfield,
 * record after record) is recognised with one `startsWith` instead of a loop over its
 * characters and fresh strings. Bounded: a full bucket forgets its oldest entry, so a
 * document with many different names only loses the shortcut.
 */
class KnownTexts<E> {
  private readonly buckets: Bucket<E>[] = Array.from({ length: BUCKETS }, () => ({
    written: [],
    entries: [],
  }));

  /** `mustEndName`: found only where a character that may end a name follows the text. */
  constructor(private readonly mustEndName: boolean) {}

  /** The known entry written at `i`. */
  find(xml: string, i: number): E | undefined {
    const bucket = this.buckets[bucketAt(xml, i)];
    for (let k = 0; k < bucket.written.length; k++) {
      const written = bucket.written[k];
      if (!xml.startsWith(written, i)) continue;
      if (!this.mustEndName || endsName(xml.charCodeAt(i + written.length)))
        return bucket.entries[k];
    }
    return undefined;
  }

  /** Remembers `entry`, written as `written` at offset `i` of `xml`. */
  protected add(xml: string, i: number, written: string, entry: E): E {
    // The bucket comes from the document, not the entry: for a one-letter name the second
    // character is whatever ends it, and `find` must look in the same place.
    const bucket = this.buckets[bucketAt(xml, i)];
    if (bucket.written.length === ENTRIES_PER_BUCKET) {
      bucket.written.shift();
      bucket.entries.shift();
    }
    bucket.written.push(written);
    bucket.entries.push(entry);
    return entry;
  }
}

/**
 * Bucket of the text at `i`, from four of its first five characters: prefixed names share
 * their first three ('dc:title', 'dc:type'), so those alone would put them all in one
 * bucket. For names shorter than five characters the text after the name takes part,
 * which at worst sends a repeat to another bucket.
 */
function bucketAt(xml: string, i: number): number {
  const mix =
    xml.charCodeAt(i) * 7 +
    xml.charCodeAt(i + 1) * 31 +
    xml.charCodeAt(i + 3) * 131 +
    xml.charCodeAt(i + 4) * 17;
  // Past the end charCodeAt gives NaN, and NaN & n is 0: still a valid bucket.
  return (mix ^ (mix >>> 8)) & (BUCKETS - 1);
}

/** Known names: a name is only found where a character that may end a name follows it. */
export class NameTable extends KnownTexts<XmlName> {
  constructor() {
    super(true);
  }

  /** Remembers `name`, just read at offset `i` of `xml`. */
  remember(xml: string, i: number, name: XmlName): XmlName {
    return this.add(xml, i, name.qname, name);
  }
}

/** Known tag heads: a head ends with its quote, so nothing needs to follow. */
export class TagHeadTable extends KnownTexts<TagHead> {
  constructor() {
    super(false);
  }

  /** Remembers `head`, just read at offset `i` of `xml`. */
  remember(xml: string, i: number, head: TagHead): TagHead {
    return this.add(xml, i, head.written, head);
  }
}
