/** A parsed element: just what the mappers need (no mixed-content order, no comments). */
export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  /** Namespace URI ('' when none). */
  readonly ns: string;
  /** Attributes by local name; namespaced ones as 'prefix:local' (e.g. 'xml:lang'). */
  readonly attrs: Readonly<Record<string, string>>;
  /** Child elements in document order. */
  readonly children: XmlElement[];
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

/** Text of the element and its descendants, in document order of elements. */
export function deepText(el: XmlElement): string {
  if (el.children.length === 0) return el.text;
  return el.text + el.children.map(deepText).join(' ');
}
