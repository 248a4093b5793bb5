import { SaxesParser, type SaxesTagNS } from 'saxes';
import { generateRecord, renderMarc21, renderOaiDc } from '../../../test/oai-provider';
import { parseXml } from './parse-xml';
import type { XmlElement } from './xml-element';

/** What both readers must agree on: names, namespaces, attributes in order, direct text. */
interface Shape {
  name: string;
  ns: string;
  attrs: string[];
  text: string;
  children: Shape[];
}

function shapeOf(el: XmlElement): Shape {
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
 * error (our policy, not saxes').
 */
function referenceShape(xml: string): Shape {
  const parser = new SaxesParser({ xmlns: true });
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

type Outcome = { tree: Shape } | { error: true };

function outcome(read: () => Shape): Outcome {
  try {
    return { tree: read() };
  } catch {
    return { error: true };
  }
}

/** A small deterministic generator, so a failure names a reproducible case. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Characters whose insertion or removal breaks, or subtly changes, markup. */
const NOISE = ['<', '>', '&', '"', "'", '/', '=', ' ', 'x', ':', '&amp;', '</a>', '<a>', ']]>'];

function mutate(xml: string, rnd: () => number): string {
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

const HAND_WRITTEN = [
  '<a xmlns="urn:x" xmlns:p="urn:p"><p:b p:c="1" d="&lt;&#233;&#x1EA0;">t<![CDATA[<raw>]]></p:b><!-- c --><?pi x?></a>',
  '<a><b xmlns=""/><c xml:lang="vi">Việt Nam</c></a>',
  '<a>x &amp; y</a>',
  '<a>x & y</a>',
  '<a><b></a></b>',
  '<a x="1" x="2"/>',
  '<p:a/>',
  '<a/><b/>',
  '<a>&bogus;</a>',
  '<a>&#0;</a>',
  '<a t="<"/>',
];

function documents(): string[] {
  const docs = [...HAND_WRITTEN];
  for (let i = 0; i < 60; i++) {
    const record = generateRecord(i, { seed: 7, libraryCode: 'dif' });
    docs.push(renderOaiDc(record), renderMarc21(record));
  }
  return docs;
}

describe('parseXml against saxes (differential)', () => {
  const docs = documents();

  it('gives the same tree or the same refusal on generated and hand-written documents', () => {
    for (const xml of docs) {
      expect([xml, outcome(() => shapeOf(parseXml(xml)))]).toEqual([
        xml,
        outcome(() => referenceShape(xml)),
      ]);
    }
  });

  it.each([1, 7, 8, 12])(
    'gives the same tree or the same refusal on mutated documents (seed %d)',
    (seed) => {
      const rnd = random(seed);
      let refused = 0;
      for (const doc of docs) {
        for (let n = 0; n < 30; n++) {
          const xml = mutate(doc, rnd);
          const ours = outcome(() => shapeOf(parseXml(xml)));
          expect([xml, ours]).toEqual([xml, outcome(() => referenceShape(xml))]);
          if ('error' in ours) refused++;
        }
      }
      // The mutations must exercise both sides: many break the document, many do not.
      expect(refused).toBeGreaterThan(docs.length * 5);
      expect(refused).toBeLessThan(docs.length * 25);
    },
  );
});
