import { generateRecord, renderMarc21, renderOaiDc } from '@hop-luu/oai-test-provider';
import { DEFAULT_XML_LIMITS, parseXml } from './parse-xml';
import { mutate, outcome, random, referenceShape, shapeOf } from './testing/differential';

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

  it('reads the same tree with positions as without', () => {
    for (const xml of docs) {
      const positioned = outcome(() =>
        shapeOf(parseXml(xml, DEFAULT_XML_LIMITS, { positions: true })),
      );
      expect([xml, positioned]).toEqual([xml, outcome(() => shapeOf(parseXml(xml)))]);
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
