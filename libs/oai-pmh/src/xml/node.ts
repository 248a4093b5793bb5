import {
  firstChild,
  usedOuterPrefixes,
  type PositionedXmlElement,
  type XmlElement,
} from '@hop-luu/xml';

/**
 * A copy of `text` that no longer points into the response chunk it was cut
 * from. V8 represents substrings as views on their parent, so one kept
 * identifier or record would otherwise keep a whole 64 KB chunk alive; a
 * harvest that remembers tokens or batches records would grow without bound.
 */
export function detach(text: string): string {
  // Slicing a concatenation makes V8 flatten it into a new string first.
  return text.length < 13 ? text : (' ' + text).slice(1);
}

export function childText(node: XmlElement, local: string): string {
  return detach(firstChild(node, local)?.text.trim() ?? '');
}

export function childTexts(node: XmlElement, local: string): string[] {
  return node.children.filter((c) => c.name === local).map((c) => detach(c.text.trim()));
}

const escapeAttr = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The element's exact raw XML (sliced from the item by the reader's offsets), with the
 * namespace declarations it inherits from outside and uses added to its start tag, so it
 * parses on its own.
 */
export function standaloneXml(
  xml: string,
  node: PositionedXmlElement,
  inherited: Readonly<Record<string, string>>,
): string {
  const raw = xml.slice(node.start, node.end);
  let declarations = '';
  for (const prefix of usedOuterPrefixes(node)) {
    const uri = inherited[prefix];
    if (!uri) continue; // the default namespace left undeclared ('' or never bound)
    declarations += prefix
      ? ` xmlns:${prefix}="${escapeAttr(uri)}"`
      : ` xmlns="${escapeAttr(uri)}"`;
  }
  if (!declarations) return detach(raw);
  const at = 1 + node.qname.length;
  return detach(raw.slice(0, at) + declarations + raw.slice(at));
}

/** Namespaces in scope for `node`'s children: the outer context plus the declarations on the path. */
export function scopeOf(
  context: Readonly<Record<string, string>>,
  ...path: PositionedXmlElement[]
): Record<string, string> {
  const scope: Record<string, string> = { ...context };
  for (const el of path)
    for (let i = 0; i < el.declarations.length; i += 2)
      scope[el.declarations[i]] = el.declarations[i + 1];
  return scope;
}
