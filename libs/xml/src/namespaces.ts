import { XmlError, XmlErrorCode } from './errors';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * A namespace prefix bound to a URI. Bindings chain from the innermost declaration
 * outwards, so declaring one costs one small object instead of copying a whole scope, and
 * looking a prefix up compares strings in place instead of keying an object by a freshly
 * sliced prefix (which makes V8 internalise it; a plain object would also answer for
 * 'constructor' or '__proto__').
 */
export interface NamespaceBinding {
  readonly prefix: string;
  readonly uri: string;
  readonly outer: NamespaceBinding | undefined;
}

/** The scope every document starts in: only 'xml' is bound. */
export const ROOT_BINDING: NamespaceBinding = { prefix: 'xml', uri: XML_NS, outer: undefined };

/** Namespace URI of the prefix `qname.slice(0, prefixLength)` ('' = default namespace). */
export function resolvePrefix(
  scope: NamespaceBinding,
  qname: string,
  prefixLength: number,
): string {
  for (let b: NamespaceBinding | undefined = scope; b !== undefined; b = b.outer) {
    if (b.prefix.length !== prefixLength) continue;
    if (prefixLength === 0 || qname.startsWith(b.prefix)) return b.uri;
  }
  if (prefixLength === 0) return '';
  throw new XmlError(
    XmlErrorCode.MalformedXml,
    `namespace prefix '${qname.slice(0, prefixLength)}' is not declared`,
  );
}

/** Checks that every prefixed attribute name (flat list: name, value, ...) has a bound prefix. */
export function checkAttributePrefixes(attrs: readonly string[], scope: NamespaceBinding): void {
  for (let i = 0; i < attrs.length; i += 2) {
    const colon = attrs[i].indexOf(':');
    if (colon !== -1) resolvePrefix(scope, attrs[i], colon);
  }
}

/**
 * The namespace context a document is read in: its prefixes resolve here after its own
 * declarations. Built once with `namespaceScope` and reused for every document read in it
 * (e.g. every record of an OAI-PMH page, whose prefixes may be declared on the envelope).
 */
export type NamespaceScope = NamespaceBinding;

/** A scope binding each prefix ('' = default namespace) to its URI, over the 'xml' prefix. */
export function namespaceScope(declarations: Readonly<Record<string, string>>): NamespaceScope {
  let scope: NamespaceBinding = ROOT_BINDING;
  for (const [prefix, uri] of Object.entries(declarations))
    if (prefix !== 'xml') scope = { prefix, uri, outer: scope };
  return scope;
}
