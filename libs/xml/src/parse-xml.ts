import { XmlError, XmlErrorCode } from './errors';
import { decodeEntities } from './entities';
import {
  checkAttributePrefixes,
  resolvePrefix,
  ROOT_BINDING,
  type NamespaceBinding,
  type NamespaceScope,
} from './namespaces';
import {
  interned,
  NameTable,
  TagHeadTable,
  xmlName,
  type TagHead,
  type XmlName,
} from './name-table';
import {
  CHAR_APOS,
  CHAR_EQUALS,
  CHAR_GT,
  CHAR_LT,
  CHAR_QUOT,
  CHAR_SLASH,
  endsName,
  isXmlSpace,
  NAME_RUN,
  scanNameRun,
  skipSpace,
} from './xml-chars';
import type { PositionedXmlElement, XmlElement } from './xml-element';

/** What one document may cost: its length in characters and its element nesting. */
export interface XmlLimits {
  readonly maxChars: number;
  readonly maxDepth: number;
}

/**
 * One bibliographic record is a few kB and nests a dozen levels; the defaults are far
 * beyond that and equal to the OAI-PMH client's, so a record the harvester accepted is
 * never refused here (the harvester passes the same configured values to both).
 */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxChars: 16 * 1024 * 1024, maxDepth: 256 };

const WHITESPACE_ONLY = /^[ \t\r\n]*$/;
const XML_DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][\w.-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\5)?[ \t\r\n]*\?>$/;

/** What a caller may ask of one read besides the limits. */
export interface ParseOptions {
  /** Prefixes declared outside the document (see `namespaceScope`); only 'xml' when absent. */
  readonly scope?: NamespaceScope;
  /**
   * Give every element its qname, declarations and source offsets (`PositionedXmlElement`).
   * Off by default: whole-record readers never use them, and they cost them speed.
   */
  readonly positions?: boolean;
}

/** An element while it is being read: children and text still grow. */
interface GrowingElement extends XmlElement {
  children: XmlElement[];
  text: string;
}

/** A positioned element while it is being read: its end is known when it closes. */
interface GrowingPositionedElement extends PositionedXmlElement {
  children: PositionedXmlElement[];
  text: string;
  end: number;
}

/**
 * Shared by every leaf element until it gets a child (most elements are leaves: MARC
 * subfields), and by every element without attributes. Frozen, so code that tried to push
 * into them would fail loudly.
 */
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];
const NO_ATTRIBUTES: string[] = Object.freeze([]) as unknown as string[];

/** Names and tag heads repeat across records, so they are remembered across documents. */
const ELEMENT_NAMES = new NameTable();
const ATTRIBUTE_NAMES = new NameTable();
const TAG_HEADS = new TagHeadTable();

/**
 * Reads one standalone XML document into a small element tree.
 *
 * Why our own reader: metadata records are small, data-oriented documents, and parsing is
 * the largest single cost of normalising a record (see bench/records.bench.ts). Loops over
 * characters in JavaScript cost far more than the engine's string search, so the reader
 * jumps between markup characters with `indexOf`, recognises names seen before with
 * `startsWith`, and asks where the next '&' is only once per '&' in the document.
 * Safe by construction: a DOCTYPE is refused (so no DTD and no entity expansion beyond
 * the five predefined entities and character references), input size is capped, and
 * well-formedness errors (mismatched tags, unbound prefixes, bare '&', text outside the
 * root, duplicate attributes) are reported as `MALFORMED_XML`. See `ParseOptions` for
 * reading a fragment in an outer namespace scope and for element positions.
 */
export function parseXml(
  xml: string,
  limits: XmlLimits,
  options: ParseOptions & { readonly positions: true },
): PositionedXmlElement;
export function parseXml(xml: string, limits?: XmlLimits, options?: ParseOptions): XmlElement;
export function parseXml(
  xml: string,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
  options: ParseOptions = {},
): XmlElement {
  if (xml.length > limits.maxChars) {
    throw new XmlError(
      XmlErrorCode.TooLarge,
      `XML is ${xml.length} characters; limit is ${limits.maxChars}`,
    );
  }
  const reader = new TreeReader(
    xml,
    limits.maxDepth,
    options.scope ?? ROOT_BINDING,
    options.positions === true,
  );
  return reader.read();
}

class TreeReader {
  private pos = 0;
  /** Open elements, innermost last: three parallel stacks, so opening one allocates nothing. */
  private depth = 0;
  private readonly openNames: XmlName[] = [];
  private readonly openScopes: NamespaceBinding[] = [];
  private readonly openElements: GrowingElement[] = [];
  private root: XmlElement | undefined;
  /** First '<' (and '&') at or after some offset already passed; see `lessThanFrom`. */
  private knownLessThan = -1;
  private knownAmpersand = -1;
  /** What the start tag being read declares besides its name. */
  private tagAttrs: string[] = NO_ATTRIBUTES;
  private tagScope: NamespaceBinding = ROOT_BINDING;
  /** The scope outside the tag being read: its own declarations are the bindings above it. */
  private tagOuter: NamespaceBinding = ROOT_BINDING;
  private tagPrefixedAttrs = false;
  private tagSelfClosing = false;
  /** The attribute read last and the offset of its opening quote. */
  private lastAttribute: XmlName | undefined;
  private lastOpenQuote = 0;

  /** ']]>' is forbidden in text; one search per document says whether text must be checked. */
  private readonly hasCdataEnd: boolean;

  constructor(
    private readonly xml: string,
    private readonly maxDepth: number,
    private readonly scope: NamespaceBinding,
    private readonly positions: boolean,
  ) {
    this.hasCdataEnd = xml.includes(']]>');
  }

  read(): XmlElement {
    const { xml } = this;
    while (this.pos < xml.length) {
      // Most tags follow one another directly ('</subfield><subfield'): no search then.
      if (xml.charCodeAt(this.pos) !== CHAR_LT) {
        const lt = this.lessThanFrom(this.pos);
        // Whitespace-only runs (indentation between elements) carry nothing in
        // data-oriented records; skipping them saves a slice and a concatenation.
        if (skipSpace(xml, this.pos) < lt) this.text(this.pos, lt);
        if (lt === xml.length) break;
        this.pos = lt;
      }
      this.markup();
    }
    if (this.depth > 0)
      throw malformed(`element <${this.openNames[this.depth - 1].qname}> is not closed`);
    if (!this.root) throw malformed('no root element');
    return this.root;
  }

  /**
   * Offset of the first '<' at or after `from` (the length when there is none). The reader
   * only moves forward, so the answer is searched for again only once `from` passed it:
   * the search a start tag makes for '<' inside attribute values also finds where the
   * text after the tag ends.
   */
  private lessThanFrom(from: number): number {
    if (this.knownLessThan < from) this.knownLessThan = indexOrLength(this.xml, '<', from);
    return this.knownLessThan;
  }

  /** Like `lessThanFrom`, for '&': most documents have none, and then one search serves all text. */
  private ampersandFrom(from: number): number {
    if (this.knownAmpersand < from) this.knownAmpersand = indexOrLength(this.xml, '&', from);
    return this.knownAmpersand;
  }

  private markup(): void {
    const { xml, pos } = this;
    const next = xml.charCodeAt(pos + 1);
    if (next === CHAR_SLASH) this.endTag();
    else if (next === 0x3f /* ? */) this.processingInstruction();
    else if (next !== 0x21 /* ! */) this.startTag();
    else if (xml.startsWith('<!--', pos)) this.comment();
    else if (xml.startsWith('<![CDATA[', pos)) this.cdata();
    else if (xml.startsWith('<!DOCTYPE', pos)) {
      throw new XmlError(XmlErrorCode.DoctypeForbidden, 'DOCTYPE declarations are not accepted');
    } else throw malformed(`unexpected markup at offset ${pos}`);
  }

  /** Skips a processing instruction after checking its target; `<?xml …?>` only at the start. */
  private processingInstruction(): void {
    const { xml, pos } = this;
    const end = this.skipPast('?>', 'processing instruction');
    const nameEnd = scanNameRun(xml, pos + 2);
    const after = xml.charCodeAt(nameEnd);
    const target = nameEnd === -1 ? '' : xml.slice(pos + 2, nameEnd);
    if (!target || target.includes(':') || !(isXmlSpace(after) || nameEnd === end - 2))
      throw malformed(`bad processing instruction at offset ${pos}`);
    if (target.toLowerCase() !== 'xml') {
      this.pos = end;
      return;
    }
    if (pos !== 0 || !XML_DECLARATION.test(xml.slice(0, end)))
      throw malformed(`bad or misplaced XML declaration at offset ${pos}`);
    this.pos = end;
  }

  /** Skips a comment; '--' may appear in one only as the start of its '-->'. */
  private comment(): void {
    const { xml } = this;
    const end = xml.indexOf('-->', this.pos + 4);
    if (end === -1) throw malformed('unterminated comment');
    if (xml.indexOf('--', this.pos + 4) !== end)
      throw malformed(`'--' in comment at offset ${this.pos}`);
    this.pos = end + 3;
  }

  private skipPast(terminator: string, what: string): number {
    const end = this.xml.indexOf(terminator, this.pos);
    if (end === -1) throw malformed(`unterminated ${what}`);
    return end + terminator.length;
  }

  private cdata(): void {
    const end = this.skipPast(']]>', 'CDATA section');
    this.appendText(this.xml.slice(this.pos + 9, end - 3), 'CDATA');
    this.pos = end;
  }

  private text(start: number, end: number): void {
    const raw = this.xml.slice(start, end);
    if (this.depth === 0) {
      if (!WHITESPACE_ONLY.test(raw)) throw malformed('text outside the root element');
      return;
    }
    if (this.hasCdataEnd && raw.includes(']]>'))
      throw malformed(`']]>' in text at offset ${start}`);
    this.appendText(this.ampersandFrom(start) < end ? decodeEntities(raw) : raw, 'text');
  }

  private appendText(text: string, what: string): void {
    if (this.depth === 0) throw malformed(`${what} outside the root element`);
    this.openElements[this.depth - 1].text += text;
  }

  private startTag(): void {
    const lt = this.pos;
    if (this.depth >= this.maxDepth) {
      throw new XmlError(
        XmlErrorCode.XmlTooDeep,
        `elements nested more than ${this.maxDepth} deep (offset ${lt})`,
      );
    }
    const outer = this.depth > 0 ? this.openScopes[this.depth - 1] : this.scope;
    const head = TAG_HEADS.find(this.xml, lt + 1);
    const name = head?.element ?? this.elementName(lt + 1);
    const end = this.readAttributes(lt, name, outer, head);
    const parent = this.depth > 0 ? this.openElements[this.depth - 1] : undefined;
    if (!parent && this.root) throw malformed('more than one root element');
    const scope = this.tagScope;
    if (this.tagPrefixedAttrs) checkAttributePrefixes(this.tagAttrs, scope);
    const ns = resolvePrefix(scope, name.qname, name.prefixLength);
    const el: GrowingElement = this.positions
      ? positionedElement(name, ns, this.tagAttrs, scope, outer, lt, end)
      : { name: name.local, ns, attrs: this.tagAttrs, children: NO_CHILDREN, text: '' };
    if (!parent) this.root = el;
    else if (parent.children === NO_CHILDREN) parent.children = [el];
    else parent.children.push(el);
    this.pos = end;
    if (this.tagSelfClosing) return;
    this.openNames[this.depth] = name;
    this.openScopes[this.depth] = scope;
    this.openElements[this.depth] = el;
    this.depth++;
  }

  private elementName(i: number): XmlName {
    const known = ELEMENT_NAMES.find(this.xml, i);
    if (known) return known;
    const qname = this.xml.slice(i, scanElementName(this.xml, i));
    return ELEMENT_NAMES.remember(this.xml, i, xmlName(qname));
  }

  /**
   * Reads `name="value" ...` after the element name up to and including the tag's '>' or
   * '/>', into the tag fields; returns the offset after the tag. With a known `head`, the
   * first attribute's name is already read.
   */
  private readAttributes(
    lt: number,
    element: XmlName,
    outer: NamespaceBinding,
    head: TagHead | undefined,
  ): number {
    const { xml } = this;
    this.tagAttrs = NO_ATTRIBUTES;
    this.tagScope = outer;
    this.tagOuter = outer;
    this.tagPrefixedAttrs = false;
    let i = lt + 1 + element.qname.length;
    if (head) {
      const open = lt + head.written.length; // the quote ends the head
      const closingQuote = this.readAttributeValue(head.attribute, open);
      if (closingQuote === -1) throw badStartTag(element.qname, lt);
      i = closingQuote + 1;
    }
    // Without a head, the first attribute read may give one for the next sibling.
    for (let first = !head; ; first = false) {
      const nameStart = skipSpace(xml, i);
      const c = xml.charCodeAt(nameStart);
      // Attributes are separated by white space; without it, only the tag's end may follow.
      if (nameStart === i || c === CHAR_GT || c === CHAR_SLASH) {
        i = nameStart;
        break;
      }
      const closingQuote = this.readOneAttribute(nameStart);
      if (closingQuote === -1) throw badStartTag(element.qname, lt);
      if (first) this.rememberHead(lt, element);
      i = closingQuote + 1;
    }
    this.tagSelfClosing = xml.charCodeAt(i) === CHAR_SLASH;
    const end = i + (this.tagSelfClosing ? 2 : 1);
    if (xml.charCodeAt(end - 1) !== CHAR_GT) throw badStartTag(element.qname, lt);
    return end;
  }

  /** Remembers the head of this tag when its first attribute is written plainly: `<name attr="`. */
  private rememberHead(lt: number, element: XmlName): void {
    const attribute = this.lastAttribute;
    const open = this.lastOpenQuote;
    const plainStart = lt + 1 + element.qname.length;
    if (attribute === undefined || this.xml.charCodeAt(plainStart) !== 0x20) return;
    if (open !== plainStart + 1 + attribute.qname.length + 1) return; // spaces around '='
    // Interned, a copy: a slice would keep this whole document alive.
    const written = interned(this.xml.slice(lt + 1, open + 1));
    TAG_HEADS.remember(this.xml, lt + 1, { element, attribute, written });
  }

  /** Reads `name = "value"` at `i`; returns the offset of its closing quote, -1 when there is no attribute there. */
  private readOneAttribute(i: number): number {
    const { xml } = this;
    const name = attributeName(xml, i);
    if (name === undefined) return -1;
    const equals = skipSpace(xml, i + name.qname.length);
    if (xml.charCodeAt(equals) !== CHAR_EQUALS) return -1;
    const open = skipSpace(xml, equals + 1);
    const quote = xml.charCodeAt(open);
    if (quote !== CHAR_QUOT && quote !== CHAR_APOS) return -1;
    this.lastAttribute = name;
    this.lastOpenQuote = open;
    return this.readAttributeValue(name, open);
  }

  /** Reads the value whose opening quote is at `open`; returns the offset of its closing quote, -1 when there is none. */
  private readAttributeValue(name: XmlName, open: number): number {
    const { xml } = this;
    const close = closingQuote(xml, open);
    if (close === -1) return -1;
    if (this.lessThanFrom(open + 1) < close) throw malformed(`'<' in attribute '${name.qname}'`);
    // charAt gives the engine's shared one-character strings: no allocation for codes.
    const raw = close === open + 2 ? xml.charAt(open + 1) : xml.slice(open + 1, close);
    this.addAttribute(name, this.ampersandFrom(open + 1) < close ? decodeEntities(raw) : raw);
    return close;
  }

  private addAttribute(name: XmlName, value: string): void {
    if (name.declaresNamespace) {
      // 'xmlns' binds the default namespace (prefix ''), 'xmlns:p' the prefix 'p'.
      const prefix = name.prefixLength === 0 ? '' : name.local;
      for (let b = this.tagScope; b !== this.tagOuter; b = b.outer as NamespaceBinding)
        if (b.prefix === prefix) throw malformed(`duplicate attribute '${name.qname}'`);
      // Trimmed as saxes (the envelope's reader) does: a URI holds no white space.
      this.tagScope = { prefix, uri: value.trim(), outer: this.tagScope };
      return;
    }
    const qname = name.qname;
    if (name.prefixLength > 0) this.tagPrefixedAttrs = true;
    // Attributes stay a short list, not an object: keying an object by freshly sliced
    // strings forces V8 to internalise every name.
    if (this.tagAttrs === NO_ATTRIBUTES) {
      this.tagAttrs = [qname, value];
      return;
    }
    for (let i = 0; i < this.tagAttrs.length; i += 2)
      if (this.tagAttrs[i] === qname) throw malformed(`duplicate attribute '${qname}'`);
    this.tagAttrs.push(qname, value);
  }

  private endTag(): void {
    const open = this.depth > 0 ? this.openNames[--this.depth] : undefined;
    // The usual end tag, written plainly, is checked in one comparison.
    if (open !== undefined && this.xml.startsWith(open.endTag, this.pos)) {
      this.pos += open.endTag.length;
      if (this.positions) this.closedAt(this.pos);
      return;
    }
    const qname = open?.qname;
    const nameStart = this.pos + 2;
    const nameEnd = nameStart + (qname?.length ?? 0);
    const closes =
      qname !== undefined &&
      this.xml.startsWith(qname, nameStart) &&
      !isNameChar(this.xml, nameEnd);
    const gt = skipSpace(this.xml, nameEnd);
    if (!closes || this.xml.charCodeAt(gt) !== CHAR_GT) {
      const written = this.xml.slice(nameStart, scanNameStrictly(this.xml, nameStart));
      throw malformed(`</${written}> does not close ${qname ? `<${qname}>` : 'any element'}`);
    }
    this.pos = gt + 1;
    if (this.positions) this.closedAt(this.pos);
  }

  /** Records where the element just closed ends (positions mode only). */
  private closedAt(end: number): void {
    (this.openElements[this.depth] as GrowingPositionedElement).end = end;
  }
}

/** A new element with its positions; `end` is the start tag's until the element closes. */
function positionedElement(
  name: XmlName,
  ns: string,
  attrs: string[],
  scope: NamespaceBinding,
  outer: NamespaceBinding,
  start: number,
  end: number,
): GrowingPositionedElement {
  return {
    name: name.local,
    ns,
    attrs,
    children: NO_CHILDREN as PositionedXmlElement[],
    text: '',
    qname: name.qname,
    declarations: scope === outer ? NO_ATTRIBUTES : declarationsBetween(scope, outer),
    start,
    end,
  };
}

/**
 * Offset of the quote that closes the value opened at `open`, -1 when there is none. Most
 * values are a few characters (subfield codes, tags, indicators): looking at them costs
 * less than a search.
 */
function closingQuote(xml: string, open: number): number {
  const quote = xml.charCodeAt(open);
  for (let i = open + 1; i <= open + 4; i++) if (xml.charCodeAt(i) === quote) return i;
  return xml.indexOf(quote === CHAR_QUOT ? '"' : "'", open + 5);
}

/** The declarations a start tag made: the bindings from its scope out to its parent's, flat, in order. */
function declarationsBetween(scope: NamespaceBinding, outer: NamespaceBinding): string[] {
  const flat: string[] = [];
  for (let b = scope; b !== outer; b = b.outer as NamespaceBinding) flat.unshift(b.prefix, b.uri);
  return flat;
}

function indexOrLength(xml: string, search: string, from: number): number {
  const i = xml.indexOf(search, from);
  return i === -1 ? xml.length : i;
}

function isNameChar(xml: string, i: number): boolean {
  const c = xml.charCodeAt(i);
  return !(c === CHAR_GT || isXmlSpace(c) || Number.isNaN(c));
}

/** Name of the attribute starting at `i`, or undefined when no name starts there. */
function attributeName(xml: string, i: number): XmlName | undefined {
  const known = ATTRIBUTE_NAMES.find(xml, i);
  if (known) return known;
  const end = scanNameRun(xml, i);
  if (end === -1) return undefined;
  const name = xmlName(xml.slice(i, end));
  // Only names that end properly are worth remembering; others fail just after.
  return endsName(xml.charCodeAt(end)) ? ATTRIBUTE_NAMES.remember(xml, i, name) : name;
}

function badStartTag(qname: string, lt: number): XmlError {
  return malformed(`bad start tag <${qname}> at offset ${lt}`);
}

/**
 * End of an element name starting at `i`. The usual name, ended by white space, '/', '>'
 * or '=', is scanned in place; anything else is left to the strict pattern, which has the
 * last word on what a name is and reports a missing one.
 */
function scanElementName(xml: string, i: number): number {
  const end = scanNameRun(xml, i);
  if (end !== -1 && endsName(xml.charCodeAt(end))) return end;
  return scanNameStrictly(xml, i);
}

/** End of an XML name starting at `i`, by the pattern; throws when there is none. */
function scanNameStrictly(xml: string, i: number): number {
  NAME_RUN.lastIndex = i;
  if (!NAME_RUN.test(xml)) throw malformed(`bad or missing name at offset ${i}`);
  return NAME_RUN.lastIndex;
}

function malformed(message: string): XmlError {
  return new XmlError(XmlErrorCode.MalformedXml, message);
}
