import { namespaceScope, parseXml } from '@hop-luu/xml';
import {
  DC_NS,
  generateRecord,
  MARC_NS,
  OAI_DC_NS,
  renderMarc21,
  renderOaiDc,
} from '@hop-luu/oai-test-provider';
import {
  mutate,
  outcome,
  random,
  referenceShape,
  shapeOf,
  type Shape,
} from '../../../xml/src/testing/differential';
import { recordMapper } from '../verbs/mappers';
import { OAI_NAMESPACE } from './envelope';

/** The envelope's scope: payloads rendered without declarations borrow dc and oai_dc from it. */
const SCOPE = {
  '': OAI_NAMESPACE,
  oai_dc: OAI_DC_NS,
  dc: DC_NS,
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};
const LIMITS = { maxChars: 1 << 20, maxDepth: 64 };

const header = (id: number) =>
  `<header><identifier>oai:dif:${id}</identifier><datestamp>2026-01-01</datestamp></header>`;

function item(id: number, payload: string, recordAttributes = ''): string {
  return `<record${recordAttributes}>${header(id)}<metadata>${payload}</metadata></record>`;
}

function items(): string[] {
  const list = [
    item(0, '<m:record><m:leader>x</m:leader></m:record>', ` xmlns:m="${MARC_NS}"`),
    item(1, '<r xmlns=""><dc:title xml:lang="vi">Việt</dc:title></r>'),
    item(2, '<oai_dc:dc><dc:title>A &amp; B</dc:title><x:y xmlns:x="urn:x" x:a="1"/></oai_dc:dc>'),
  ];
  for (let i = 0; i < 40; i++) {
    const bib = generateRecord(i, { seed: 3, libraryCode: 'dif' });
    list.push(
      item(10 + i, renderOaiDc(bib, false)),
      item(50 + i, renderOaiDc(bib)),
      item(90 + i, renderMarc21(bib)),
    );
  }
  return list;
}

/** Our item pass: the reader in the envelope's scope, then the raw metadata sliced out. */
function ours(xml: string): { tree: Shape; metadata?: Shape } {
  const node = parseXml(xml, LIMITS, { scope: namespaceScope(SCOPE), positions: true });
  const mapped = recordMapper.map(node, xml, SCOPE);
  const metadataXml = mapped.kind === 'record' ? mapped.record.metadataXml : undefined;
  // The sliced payload must stand on its own: read with no outer scope at all.
  const metadata = metadataXml === undefined ? undefined : referenceShape(metadataXml);
  return { tree: shapeOf(node), metadata };
}

/** saxes on the whole item in the same scope; the payload is its subtree. */
function reference(xml: string, hasMetadata: boolean): { tree: Shape; metadata?: Shape } {
  const tree = referenceShape(xml, SCOPE);
  const metadata = tree.children.find((c) => c.name === 'metadata')?.children[0];
  return { tree, metadata: hasMetadata ? metadata : undefined };
}

function compare(xml: string): boolean {
  const mine = outcome(() => ours(xml));
  const hasMetadata = 'tree' in mine && mine.tree.metadata !== undefined;
  expect([xml, mine]).toEqual([xml, outcome(() => reference(xml, hasMetadata))]);
  return 'error' in mine;
}

describe('item parsing against saxes (differential)', () => {
  const docs = items();

  it('gives the same tree, and a standalone payload equal to its subtree, on generated items', () => {
    for (const xml of docs) expect(compare(xml)).toBe(false);
  });

  it.each([2, 5, 11])(
    'gives the same tree or the same refusal on mutated items (seed %d)',
    (seed) => {
      const rnd = random(seed);
      let refused = 0;
      for (const doc of docs) for (let n = 0; n < 20; n++) if (compare(mutate(doc, rnd))) refused++;
      // The mutations must exercise both sides: many break the item, many do not.
      expect(refused).toBeGreaterThan(docs.length * 3);
      expect(refused).toBeLessThan(docs.length * 17);
    },
  );
});
