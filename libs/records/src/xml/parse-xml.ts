import { RecordError, RecordErrorCode } from '../errors';
import { decodeEntities } from './entities';
import type { XmlAttribute, XmlElement } from './xml-element';

/** Largest metadata document we read: one bibliographic record is a few kB; more is abuse. */
export const MAX_XML_CHARS = 2_000_000;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ROOT_SCOPE: Scope = { xml: XML_NS };
/** XML names, simplified: ASCII rules plus any non-ASCII letter; one optional prefix. */
const NAME_PATTERN =
  '[A-Za-z_\\u00C0-\\uFFFF][\\w.\\-\\u00B7\\u00C0-\\uFFFF]*(?::[A-Za-z_\\u00C0-\\uFFFF][\\w.\\-\\u00B7\\u00C0-\\uFFFF]*)?';
/** A name, which must end where a name can end (space, '=', '>', '/'). */
const NAME_RUN = new RegExp(`${NAME_PATTERN}(?=[\\s=/>])`, 'y');
/** One attribute: whitespace, name, '=', quoted value (captured without its quotes). */
const ATTRIBUTE = new RegExp(
  `[ \\t\\r\\n]+(${NAME_PATTERN})[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"([^"]*)"|'([^']*)')`,
  'y',
);
const SPACE_RUN = /[ \t\r\n]*/y;
const WHITESPACE_ONLY = /^[ \t\r\n]*$/;

type Scope = Readonly<Record<string, string>>;

/** An element while it is being read: children and text still grow. */
interface GrowingElement extends XmlElement {
  children: XmlElement[];
  text: string;
}

/**
 * Shared by every leaf element until it gets a child (most elements are leaves: MARC
 * subfields). Frozen, so code that tried to push into it would fail loudly.
 */
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

interface OpenElement {
  readonly qname: string;
  readonly scope: Scope;
  readonly el: GrowingElement;
}

/**
 * Reads one standalone XML document into a small element tree.
 *
 * Why our own reader: metadata records are small, data-oriented documents. On a 6 kB
 * MARCXML record saxes read about 25 MB/s on our machine, this reader about 70 MB/s, and
 * parsing is the largest single cost of normalising a record (see bench/records.bench.ts).
 * Safe by construction: a DOCTYPE is refused (so no DTD and no entity expansion beyond
 * the five predefined entities and character references), input size is capped, and
 * well-formedness errors (mismatched tags, unbound prefixes, bare '&', text outside the
 * root, duplicate attributes) are reported as `MALFORMED_XML`.
 */
export function parseXml(xml: string): XmlElement {
  if (xml.length > MAX_XML_CHARS) {
    throw new RecordError(
      RecordErrorCode.TooLarge,
      `XML is ${xml.length} characters; limit is ${MAX_XML_CHARS}`,
    );
  }
  const reader = new TreeReader(xml);
  return reader.read();
}

class TreeReader {
  private pos = 0;
  private readonly stack: OpenElement[] = [];
  private root: XmlElement | undefined;

  constructor(private readonly xml: string) {}

  read(): XmlElement {
    const { xml } = this;
    while (this.pos < xml.length) {
      const lt = xml.indexOf('<', this.pos);
      const textEnd = lt === -1 ? xml.length : lt;
      // Whitespace-only runs (indentation between elements) carry nothing in data-oriented
      // records; skipping them saves a slice and a concatenation per element.
      if (skipSpace(xml, this.pos) < textEnd) this.text(xml.slice(this.pos, textEnd));
      if (lt === -1) break;
      this.pos = lt;
      this.markup();
    }
    if (this.stack.length > 0)
      throw malformed(`element <${this.stack[this.stack.length - 1].qname}> is not closed`);
    if (!this.root) throw malformed('no root element');
    return this.root;
  }

  private markup(): void {
    const { xml, pos } = this;
    const next = xml.charCodeAt(pos + 1);
    if (next === 0x2f /* / */) this.endTag();
    else if (next === 0x3f /* ? */) this.pos = this.skipPast('?>', 'processing instruction');
    else if (next !== 0x21 /* ! */) this.startTag();
    else if (xml.startsWith('<!--', pos)) this.pos = this.skipPast('-->', 'comment');
    else if (xml.startsWith('<![CDATA[', pos)) this.cdata();
    else if (xml.startsWith('<!DOCTYPE', pos)) {
      throw new RecordError(
        RecordErrorCode.DoctypeForbidden,
        'DOCTYPE declarations are not accepted',
      );
    } else throw malformed(`unexpected markup at offset ${pos}`);
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

  private text(raw: string): void {
    if (this.stack.length === 0) {
      if (!WHITESPACE_ONLY.test(raw)) throw malformed('text outside the root element');
      return;
    }
    this.appendText(decodeEntities(raw), 'text');
  }

  private appendText(text: string, what: string): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw malformed(`${what} outside the root element`);
    top.el.text += text;
  }

  private startTag(): void {
    const tag = scanStartTag(this.xml, this.pos);
    this.pos = tag.end;
    const parent = this.stack[this.stack.length - 1];
    if (!parent && this.root) throw malformed('more than one root element');
    const scope = declareNamespaces(tag.namespaces, parent?.scope ?? ROOT_SCOPE);
    if (tag.prefixedAttrs) checkAttributePrefixes(tag.attrs, scope);
    const [prefix, local] = splitName(tag.qname);
    const el: GrowingElement = {
      name: local,
      ns: resolve(scope, prefix),
      attrs: tag.attrs,
      children: NO_CHILDREN,
      text: '',
    };
    if (!parent) this.root = el;
    else if (parent.el.children === NO_CHILDREN) parent.el.children = [el];
    else parent.el.children.push(el);
    if (!tag.selfClosing) this.stack.push({ qname: tag.qname, scope, el });
  }

  private endTag(): void {
    const open = this.stack.pop();
    const nameStart = this.pos + 2;
    // Compare with the open element's name in place: no regex, no slice in the usual case.
    const nameEnd = nameStart + (open?.qname.length ?? 0);
    const closes =
      open !== undefined &&
      this.xml.startsWith(open.qname, nameStart) &&
      !isNameChar(this.xml, nameEnd);
    const gt = skipSpace(this.xml, nameEnd);
    if (!closes || this.xml.charCodeAt(gt) !== 0x3e /* > */) {
      const qname = this.xml.slice(nameStart, scanName(this.xml, nameStart));
      throw malformed(`</${qname}> does not close ${open ? `<${open.qname}>` : 'any element'}`);
    }
    this.pos = gt + 1;
  }
}

function isNameChar(xml: string, i: number): boolean {
  const c = xml.charCodeAt(i);
  return !(c === 0x3e || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || Number.isNaN(c));
}

interface StartTag {
  qname: string;
  attrs: XmlAttribute[];
  /** Namespace declarations on this tag; undefined (not allocated) when there are none. */
  namespaces: [string, string][] | undefined;
  /** True when an attribute name has a prefix that must be bound. */
  prefixedAttrs: boolean;
  selfClosing: boolean;
  end: number;
}

/**
 * Scans `<name attr="v" ...>` with sticky regexes over the whole document: no per-character
 * JavaScript loop (measured: on small records such loops cost more than all the mapping).
 */
function scanStartTag(xml: string, lt: number): StartTag {
  const nameEnd = scanName(xml, lt + 1);
  const tag: StartTag = {
    qname: xml.slice(lt + 1, nameEnd),
    attrs: [],
    namespaces: undefined,
    prefixedAttrs: false,
    selfClosing: false,
    end: 0,
  };
  ATTRIBUTE.lastIndex = nameEnd;
  let i = nameEnd;
  for (let m = ATTRIBUTE.exec(xml); m !== null; m = ATTRIBUTE.exec(xml)) {
    addAttribute(tag, m[1], m[2] ?? m[3] ?? '');
    i = ATTRIBUTE.lastIndex;
  }
  const close = skipSpace(xml, i);
  tag.selfClosing = xml.charCodeAt(close) === 0x2f; /* / */
  tag.end = close + (tag.selfClosing ? 2 : 1);
  if (xml.charCodeAt(tag.end - 1) !== 0x3e /* > */) {
    throw malformed(`bad start tag <${tag.qname}> at offset ${lt}`);
  }
  return tag;
}

function addAttribute(tag: StartTag, qname: string, raw: string): void {
  if (raw.includes('<')) throw malformed(`'<' in attribute '${qname}'`);
  const value = decodeEntities(raw);
  if (qname.startsWith('xmlns') && (qname.length === 5 || qname[5] === ':')) {
    (tag.namespaces ??= []).push([qname.slice(6), value]);
    return;
  }
  if (qname.includes(':')) tag.prefixedAttrs = true;
  // Attributes stay a short list, not an object: keying an object by freshly sliced
  // strings forces V8 to internalise every name, which dominated parse time.
  for (const a of tag.attrs)
    if (a.name === qname) throw malformed(`duplicate attribute '${qname}'`);
  tag.attrs.push({ name: qname, value });
}

/** End of an XML name starting at `i`; throws when there is none. */
function scanName(xml: string, i: number): number {
  NAME_RUN.lastIndex = i;
  if (!NAME_RUN.test(xml)) throw malformed(`bad or missing name at offset ${i}`);
  return NAME_RUN.lastIndex;
}

function skipSpace(xml: string, i: number): number {
  if (xml.charCodeAt(i) > 0x20) return i; // the usual case: no space at all
  SPACE_RUN.lastIndex = i;
  SPACE_RUN.exec(xml);
  return SPACE_RUN.lastIndex;
}

function declareNamespaces(namespaces: [string, string][] | undefined, parent: Scope): Scope {
  if (namespaces === undefined) return parent;
  return { ...parent, ...Object.fromEntries(namespaces) };
}

function checkAttributePrefixes(attrs: XmlAttribute[], scope: Scope): void {
  for (const { name } of attrs) {
    if (name.includes(':')) resolve(scope, splitName(name)[0]);
  }
}

function splitName(qname: string): [string, string] {
  const colon = qname.indexOf(':');
  return colon === -1 ? ['', qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

function resolve(scope: Scope, prefix: string): string {
  const uri = scope[prefix];
  if (uri !== undefined) return uri;
  if (prefix === '') return '';
  throw malformed(`namespace prefix '${prefix}' is not declared`);
}

function malformed(message: string): RecordError {
  return new RecordError(RecordErrorCode.MalformedXml, message);
}
