import { RecordError, RecordErrorCode } from '../errors';
import { decodeEntities } from './entities';
import type { XmlElement } from './xml-element';

/** Largest metadata document we read: one bibliographic record is a few kB; more is abuse. */
export const MAX_XML_CHARS = 2_000_000;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ROOT_SCOPE: Scope = { xml: XML_NS };
/** XML names, simplified: ASCII rules plus any non-ASCII letter; one optional prefix. */
const NAME = /^[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?$/;
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NAME_STOP = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f, 0x3d, 0x3c, 0x22, 0x27]);
const WHITESPACE_ONLY = /^[ \t\r\n]*$/;

type Scope = Readonly<Record<string, string>>;

interface OpenElement {
  readonly qname: string;
  readonly scope: Scope;
  readonly el: XmlElement;
}

/**
 * Reads one standalone XML document into a small element tree.
 *
 * Why our own reader: metadata records are small, data-oriented documents, and a general
 * SAX parser spent more time than all the mapping together (see bench/records.bench.ts).
 * Safe by construction: a DOCTYPE is refused (so no DTD and no entity expansion beyond
 * the five predefined entities and character references), input size is capped, and
 * well-formedness errors (mismatched tags, unbound prefixes, bare '&', text outside the
 * root, duplicate attributes) are reported as `MALFORMED_XML`.
 */
export function parseXml(xml: string): XmlElement {
  if (xml.length > MAX_XML_CHARS) {
    throw new RecordError(RecordErrorCode.TooLarge, `XML is ${xml.length} characters; limit is ${MAX_XML_CHARS}`);
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
      if (textEnd > this.pos) this.text(xml.slice(this.pos, textEnd));
      if (lt === -1) break;
      this.pos = lt;
      this.markup();
    }
    if (this.stack.length > 0) throw malformed(`element <${this.stack[this.stack.length - 1].qname}> is not closed`);
    if (!this.root) throw malformed('no root element');
    return this.root;
  }

  private markup(): void {
    const { xml, pos } = this;
    const next = xml.charCodeAt(pos + 1);
    if (next === 0x3f /* ? */) this.pos = this.skipPast('?>', 'processing instruction');
    else if (xml.startsWith('<!--', pos)) this.pos = this.skipPast('-->', 'comment');
    else if (xml.startsWith('<![CDATA[', pos)) this.cdata();
    else if (xml.startsWith('<!DOCTYPE', pos)) {
      throw new RecordError(RecordErrorCode.DoctypeForbidden, 'DOCTYPE declarations are not accepted');
    } else if (next === 0x2f /* / */) this.endTag();
    else this.startTag();
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
    checkAttributePrefixes(tag.attrs, scope);
    const [prefix, local] = splitName(tag.qname);
    const el: XmlElement = { name: local, ns: resolve(scope, prefix), attrs: tag.attrs, children: [], text: '' };
    if (parent) parent.el.children.push(el);
    else this.root = el;
    if (!tag.selfClosing) this.stack.push({ qname: tag.qname, scope, el });
  }

  private endTag(): void {
    const nameStart = this.pos + 2;
    const nameEnd = scanName(this.xml, nameStart);
    const qname = this.xml.slice(nameStart, nameEnd);
    const gt = skipSpace(this.xml, nameEnd);
    if (this.xml.charCodeAt(gt) !== 0x3e) throw malformed(`bad end tag </${qname}> at offset ${this.pos}`);
    const open = this.stack.pop();
    if (!open || open.qname !== qname) {
      throw malformed(`</${qname}> does not close ${open ? `<${open.qname}>` : 'any element'}`);
    }
    this.pos = gt + 1;
  }
}

interface StartTag {
  qname: string;
  attrs: Record<string, string>;
  namespaces: [string, string][];
  selfClosing: boolean;
  end: number;
}

/** Scans `<name attr="v" ...>` by hand: a regex here cost more than the rest of the reader. */
function scanStartTag(xml: string, lt: number): StartTag {
  let i = lt + 1;
  const nameEnd = scanName(xml, i);
  const tag: StartTag = { qname: xml.slice(i, nameEnd), attrs: {}, namespaces: [], selfClosing: false, end: 0 };
  i = nameEnd;
  for (;;) {
    const afterSpace = skipSpace(xml, i);
    const c = xml.charCodeAt(afterSpace);
    if (c === 0x3e /* > */) return { ...tag, end: afterSpace + 1 };
    if (c === 0x2f /* / */ && xml.charCodeAt(afterSpace + 1) === 0x3e) {
      return { ...tag, selfClosing: true, end: afterSpace + 2 };
    }
    if (afterSpace === i) throw malformed(`bad start tag <${tag.qname}> at offset ${lt}`);
    i = scanAttribute(xml, afterSpace, tag);
  }
}

function scanAttribute(xml: string, start: number, tag: StartTag): number {
  const nameEnd = scanName(xml, start);
  const qname = xml.slice(start, nameEnd);
  let i = skipSpace(xml, nameEnd);
  if (xml.charCodeAt(i) !== 0x3d /* = */) throw malformed(`attribute '${qname}' has no value`);
  i = skipSpace(xml, i + 1);
  const quote = xml[i];
  if (quote !== '"' && quote !== "'") throw malformed(`attribute '${qname}' is not quoted`);
  const close = xml.indexOf(quote, i + 1);
  if (close === -1) throw malformed(`attribute '${qname}' is not terminated`);
  const raw = xml.slice(i + 1, close);
  if (raw.includes('<')) throw malformed(`'<' in attribute '${qname}'`);
  const value = decodeEntities(raw);
  if (qname === 'xmlns' || qname.startsWith('xmlns:')) {
    tag.namespaces.push([qname === 'xmlns' ? '' : qname.slice(6), value]);
  } else {
    if (qname in tag.attrs) throw malformed(`duplicate attribute '${qname}'`);
    tag.attrs[qname] = value;
  }
  return close + 1;
}

/** End of an XML name starting at `i`; throws when there is none. */
function scanName(xml: string, i: number): number {
  let j = i;
  while (j < xml.length && !NAME_STOP.has(xml.charCodeAt(j))) j++;
  if (j === i || !NAME.test(xml.slice(i, j))) throw malformed(`bad name at offset ${i}`);
  return j;
}

function skipSpace(xml: string, i: number): number {
  let j = i;
  while (SPACE.has(xml.charCodeAt(j))) j++;
  return j;
}

function declareNamespaces(namespaces: [string, string][], parent: Scope): Scope {
  if (namespaces.length === 0) return parent;
  return { ...parent, ...Object.fromEntries(namespaces) };
}

function checkAttributePrefixes(attrs: Record<string, string>, scope: Scope): void {
  for (const qname in attrs) {
    if (qname.includes(':')) resolve(scope, splitName(qname)[0]);
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
