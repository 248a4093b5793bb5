/** A parsed element: just what the mappers need (no mixed-content order, no comments). */
export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  /** Namespace URI ('' when none). */
  readonly ns: string;
  /**
   * Attributes as written, flat: each qualified name (e.g. 'tag', 'xml:lang') followed by
   * its value; namespace declarations dropped. Read them with `attr`. Flat, because an
   * object per attribute (a MARC record has over a hundred) is garbage to collect.
   */
  readonly attrs: readonly string[];
  /** Child elements in document order. */
  readonly children: readonly XmlElement[];
  /** Concatenated character data directly inside this element (not trimmed). */
  text: string;
}

/**
 * An element read with `{ positions: true }`: where it sits in the source text and how it
 * was written, so a caller can slice its raw XML out instead of re-serialising it. Opt-in,
 * because four more fields on every element cost whole-record readers (libs/records)
 * measurable speed and they never use them.
 */
export interface PositionedXmlElement extends XmlElement {
  /** Name as written, e.g. 'marc:record' (a caller re-declaring namespaces needs the prefix). */
  readonly qname: string;
  /**
   * Namespace declarations made on this element, flat: prefix ('' = default namespace)
   * followed by its URI. Lets a caller slice an element out of its document and declare
   * what it inherits (see `usedOuterPrefixes`).
   */
  readonly declarations: readonly string[];
  /** Offset of the start tag's '<' in the source text. */
  readonly start: number;
  /** Offset just after the end tag's (or self-closing tag's) '>' in the source text. */
  readonly end: number;
  readonly children: readonly PositionedXmlElement[];
}

/** What has children of kind `E` (plain or positioned elements). */
interface Parent<E extends XmlElement> {
  readonly children: readonly E[];
}

/** Child elements with the given local name (any namespace: sources mix prefixes freely). */
export function childrenNamed<E extends XmlElement>(el: Parent<E>, name: string): E[] {
  return el.children.filter((c) => c.name === name);
}

/** First child element with the given local name. */
export function firstChild<E extends XmlElement>(el: Parent<E>, name: string): E | undefined {
  return el.children.find((c) => c.name === name);
}

/** Text of the element and its descendants, parts trimmed and joined by one space. */
export function deepText(el: XmlElement): string {
  if (el.children.length === 0) return el.text.trim();
  return [el.text, ...el.children.map(deepText)]
    .map((t) => t.trim())
    .filter(Boolean)
    .join(' ');
}

/** Value of the attribute with this qualified name, e.g. attr(el, 'xml:lang'). */
export function attr(el: XmlElement, name: string): string | undefined {
  const { attrs } = el;
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
}

/**
 * Prefixes ('' = default namespace) that names in `el`'s subtree (elements and attributes)
 * use but that no element of the subtree declares: what `el` inherits from outside and
 * must be declared on it when its raw XML is used on its own. 'xml' is never listed.
 */
export function usedOuterPrefixes(el: PositionedXmlElement): Set<string> {
  const used = new Set<string>();
  collectOuterPrefixes(el, new Set(), used);
  return used;
}

function collectOuterPrefixes(
  el: PositionedXmlElement,
  declaredAbove: ReadonlySet<string>,
  used: Set<string>,
): void {
  let declared = declaredAbove;
  if (el.declarations.length > 0) {
    const own = new Set(declaredAbove);
    for (let i = 0; i < el.declarations.length; i += 2) own.add(el.declarations[i]);
    declared = own;
  }
  useName(el.qname, declared, used);
  const { attrs } = el;
  for (let i = 0; i < attrs.length; i += 2)
    if (attrs[i].includes(':')) useName(attrs[i], declared, used);
  for (const c of el.children) collectOuterPrefixes(c, declared, used);
}

function useName(qname: string, declared: ReadonlySet<string>, used: Set<string>): void {
  const colon = qname.indexOf(':');
  // Unprefixed attributes are in no namespace; an unprefixed element uses the default one.
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  if (prefix !== 'xml' && !declared.has(prefix)) used.add(prefix);
}
