/** The part of an item's element tree the mappers need (see ItemParser). */
export interface XNode {
  local: string;
  qname: string;
  /** Attribute values by local name. */
  attrs: Record<string, string>;
  /** Direct text content (entities decoded). */
  text: string;
  children: XNode[];
  /** Offsets of the element in the item's raw XML: `<` of the start tag, after `>` of the end tag. */
  start: number;
  end: number;
  /** Namespace declarations made on this element. */
  declared: Record<string, string>;
  /**
   * For elements kept as raw XML: prefixes ('' = default namespace) used in
   * the subtree but declared outside it, with the URI they resolved to.
   */
  used?: Map<string, string>;
}

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

export function child(node: XNode, local: string): XNode | undefined {
  return node.children.find((c) => c.local === local);
}

export function childText(node: XNode, local: string): string {
  return detach(child(node, local)?.text.trim() ?? '');
}

export function childTexts(node: XNode, local: string): string[] {
  return node.children.filter((c) => c.local === local).map((c) => detach(c.text.trim()));
}

const escapeAttr = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The element's exact raw XML, with the namespace declarations it inherits
 * from outside (and uses) added to its start tag so it parses on its own.
 */
export function standaloneXml(xml: string, node: XNode, inherited: Record<string, string>): string {
  const raw = xml.slice(node.start, node.end);
  if (!node.used) return detach(raw);
  let declarations = '';
  for (const [prefix, uri] of node.used) {
    if (uri === '' || inherited[prefix] !== uri) continue;
    declarations += prefix
      ? ` xmlns:${prefix}="${escapeAttr(uri)}"`
      : ` xmlns="${escapeAttr(uri)}"`;
  }
  if (!declarations) return detach(raw);
  const at = 1 + node.qname.length;
  return detach(raw.slice(0, at) + declarations + raw.slice(at));
}

/** Namespaces in scope for `node`'s children: the outer context plus the declarations on the path. */
export function scopeOf(context: Record<string, string>, ...path: XNode[]): Record<string, string> {
  return Object.assign({}, context, ...path.map((n) => n.declared));
}
