import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { XmlElement } from '../xml-element';

/**
 * Test support for differential tests against saxes (the reference reader): the tree
 * shape both readers must agree on, and deterministic mutations of documents. Used by the
 * specs of libs/xml and libs/oai-pmh; not exported by the library.
 */

/** What both readers must agree on: names, namespaces, attributes in order, direct text. */
export interface Shape {
  name: string;
  ns: string;
  attrs: string[];
  text: string;
  children: Shape[];
}

export function shapeOf(el: XmlElement): Shape {
  return {
    name: el.name,
    ns: el.ns,
    attrs: [...el.attrs],
    text: el.text,
    children: el.children.map(shapeOf),
  };
}

const isDeclaration = (name: string) => name === 'xmlns' || name.startsWith('xmlns:');

/**
 * The reference: saxes, namespace-aware, building the same shape. Whitespace-only text
 * runs are dropped (our reader skips indentation between elements) and a DOCTYPE is an
 * error (our policy, not saxes'). `additionalNamespaces` is the scope the document is read in.
 */
export function referenceShape(xml: string, additionalNamespaces?: Record<string, string>): Shape {
  const parser = new SaxesParser({ xmlns: true, additionalNamespaces });
  const stack: Shape[] = [];
  let root: Shape | undefined;
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: string[] = [];
    for (const [name, attr] of Object.entries(tag.attributes))
      if (!isDeclaration(name)) attrs.push(name, attr.value);
    const el: Shape = { name: tag.local, ns: tag.uri, attrs, text: '', children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => stack.pop());
  parser.on('text', (text) => {
    if (/^[ \t\r\n]*$/.test(text)) return;
    stack[stack.length - 1].text += text;
  });
  parser.on('cdata', (text) => (stack[stack.length - 1].text += text));
  parser.on('doctype', () => {
    throw new Error('DOCTYPE');
  });
  parser.write(xml).close();
  if (!root) throw new Error('no root');
  return root;
}

export type Outcome<T = Shape> = { tree: T } | { error: true };

export function outcome<T>(read: () => T): Outcome<T> {
  try {
    return { tree: read() };
  } catch {
    return { error: true };
  }
}

/** A small deterministic generator, so a failure names a reproducible case. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Characters whose insertion or removal breaks, or subtly changes, markup. */
const NOISE = ['<', '>', '&', '"', "'", '/', '=', ' ', 'x', ':', '&amp;', '</a>', '<a>', ']]>'];

export function mutate(xml: string, rnd: () => number): string {
  const at = Math.floor(rnd() * xml.length);
  const kind = Math.floor(rnd() * 4);
  if (kind === 0) return xml.slice(0, at) + xml.slice(at + 1); // delete one character
  if (kind === 1) return xml.slice(0, at) + NOISE[Math.floor(rnd() * NOISE.length)] + xml.slice(at);
  if (kind === 2) {
    const to = Math.min(xml.length, at + 1 + Math.floor(rnd() * 40));
    return xml.slice(0, to) + xml.slice(at, to) + xml.slice(to); // repeat a span
  }
  const from = Math.floor(rnd() * xml.length);
  return xml.slice(0, at) + xml.charAt(from) + xml.slice(at + 1); // replace one character
}
