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

/** Child elements with the given local name (any namespace: sources mix prefixes freely). */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** First child element with the given local name. */
export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
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
