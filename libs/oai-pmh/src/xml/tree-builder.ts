import { OaiErrorCode, OaiPmhError } from '../errors';
import type { XNode } from './node';

/** Elements deeper than this are not built as nodes; their depth-3 ancestor is kept as raw XML. */
export const TREE_DEPTH = 3;

const EMPTY: ReadonlySet<string> = new Set();
export const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Builds the shallow tree of one list item from parser events: OAI
 * structure down to three levels; deeper elements (metadata payloads) are
 * only scanned for the namespace prefixes they borrow from outside, so the
 * payload can be returned as standalone raw XML. Throws on an unbound prefix.
 */
export class TreeBuilder {
  root?: XNode;
  private stack: XNode[] = [];
  /** Per open element below the raw root: prefixes declared from the raw root down. */
  private declaredBelow: ReadonlySet<string>[] = [];
  private scopes: Record<string, string>[] = [];
  private rawRoot?: XNode;
  private readonly prefixes = new Map<string, string>();
  private lastPrefix?: string;
  private lastDeclared?: ReadonlySet<string>;
  depth = 0;

  constructor(private readonly maxDepth = Infinity) {}

  reset(context: Record<string, string>): void {
    this.stack = [];
    this.declaredBelow = [];
    this.scopes = [context];
    this.depth = 0;
    this.root = this.rawRoot = undefined;
    this.lastPrefix = this.lastDeclared = undefined;
  }

  /** `start` is the offset of the tag's `<`; only read for shallow elements. */
  open(name: string, attributes: Readonly<Record<string, string>>, start: number): void {
    if (++this.depth > this.maxDepth) throw this.tooDeep();
    if (this.depth > TREE_DEPTH) {
      this.noteRaw(name, attributes);
      return;
    }
    const node = toNode(name, attributes, start);
    if (this.depth === TREE_DEPTH) {
      this.rawRoot = node;
      node.used = new Map();
      this.declaredBelow = [];
      this.lastPrefix = this.lastDeclared = undefined;
      this.noteRaw(name, attributes);
    } else {
      const parentScope = this.scopes[this.scopes.length - 1];
      const scope = hasKeys(node.declared) ? { ...parentScope, ...node.declared } : parentScope;
      this.scopes.push(scope);
      const prefix = prefixOf(name);
      if (prefix && prefix !== 'xml' && scope[prefix] === undefined) throw unbound(prefix);
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(node);
    else this.root = node;
    this.stack.push(node);
  }

  /** `end` is the offset just after the end tag's `>`; only read for shallow elements. */
  close(end: number): void {
    if (this.depth >= TREE_DEPTH) this.declaredBelow.pop();
    if (this.depth < TREE_DEPTH) this.scopes.pop();
    if (this.depth-- <= TREE_DEPTH) {
      const node = this.stack.pop();
      if (node) node.end = end;
    }
  }

  private tooDeep(): OaiPmhError {
    return new OaiPmhError(
      OaiErrorCode.XmlTooDeep,
      `elements nested more than ${this.maxDepth} deep (limit maxXmlDepth); the record is skipped, report it to the repository`,
    );
  }

  get wantsText(): boolean {
    return this.depth <= TREE_DEPTH && this.stack.length > 0;
  }

  text(text: string): void {
    if (this.wantsText) this.stack[this.stack.length - 1].text += text;
  }

  /** Notes prefixes a payload element uses but neither it nor a payload ancestor declares. */
  private noteRaw(name: string, attributes: Readonly<Record<string, string>>): void {
    const parentDeclared = this.declaredBelow[this.declaredBelow.length - 1] ?? EMPTY;
    let declared = parentDeclared;
    let prefixedAttributes = false;
    for (const attr in attributes) {
      if (attr.charCodeAt(0) === 120 /* x */ && (attr === 'xmlns' || attr.startsWith('xmlns:'))) {
        if (declared === parentDeclared) declared = new Set(parentDeclared);
        (declared as Set<string>).add(attr === 'xmlns' ? '' : attr.slice(6));
      } else if (attr.includes(':')) {
        prefixedAttributes = true;
      }
    }
    this.declaredBelow.push(declared);
    this.use(this.prefixOfName(name), declared);
    if (!prefixedAttributes) return;
    for (const attr in attributes) {
      const prefix = prefixOf(attr);
      if (prefix && prefix !== 'xmlns' && prefix !== 'xml') this.use(prefix, declared);
    }
  }

  /** Element names repeat endlessly in payloads; caching their prefixes saves an allocation each. */
  private prefixOfName(name: string): string {
    let prefix = this.prefixes.get(name);
    if (prefix === undefined) {
      prefix = prefixOf(name);
      if (this.prefixes.size < 1024) this.prefixes.set(name, prefix);
    }
    return prefix;
  }

  private use(prefix: string, declared: ReadonlySet<string>): void {
    // Consecutive payload elements mostly share a prefix (dc:…, marc:…).
    if (prefix === this.lastPrefix && declared === this.lastDeclared) return;
    this.lastPrefix = prefix;
    this.lastDeclared = declared;
    const used = (this.rawRoot as XNode).used as Map<string, string>;
    if (declared.has(prefix) || used.has(prefix)) return;
    const uri = this.scopes[this.scopes.length - 1][prefix];
    if (uri === undefined && prefix !== '') throw unbound(prefix);
    used.set(prefix, uri ?? '');
  }
}

function unbound(prefix: string): Error {
  return new Error(`unbound namespace prefix "${prefix}"`);
}

export function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon);
}

function hasKeys(record: Record<string, string>): boolean {
  for (const _ in record) return true;
  return false;
}

function toNode(name: string, attributes: Readonly<Record<string, string>>, start: number): XNode {
  const attrs: Record<string, string> = {};
  const declared: Record<string, string> = {};
  for (const attr in attributes) {
    const value = attributes[attr];
    if (attr === 'xmlns') declared[''] = value;
    else if (attr.startsWith('xmlns:')) declared[attr.slice(6)] = value;
    else attrs[attr.slice(attr.indexOf(':') + 1)] = value;
  }
  const colon = name.indexOf(':');
  return {
    local: colon < 0 ? name : name.slice(colon + 1),
    qname: name,
    attrs,
    text: '',
    children: [],
    start,
    end: start,
    declared,
  };
}
