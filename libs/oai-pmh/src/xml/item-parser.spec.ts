import { generateRecord, renderMarc21, renderOaiDc } from '../../../../test/oai-provider';
import { fastScan } from './fast-scanner';
import { ItemParser } from './item-parser';
import { TreeBuilder } from './tree-builder';
import { standaloneXml, scopeOf, type XNode } from './node';

const OAI = { '': 'http://www.openarchives.org/OAI/2.0/', dc: 'http://purl.org/dc/elements/1.1/' };

const record = (
  payload: string,
  header = '<identifier>id:1</identifier><datestamp>2026-01-01</datestamp>',
) => `<record><header status="deleted">${header}</header><metadata>${payload}</metadata></record>`;

/** Items the fast scanner must handle exactly like saxes (same tree or both rejected). */
const CASES = [
  record('<x:dc xmlns:x="u"><dc:title>A &amp; B &#x1EA0; &#243;</dc:title></x:dc>'),
  record(
    '<x:dc xmlns:x="u"><dc:title>Đà Nẵng 𡨸喃</dc:title></x:dc>',
    '<identifier>\r\n id:2 \r\n</identifier>',
  ),
  record('<m a="1" b=\'2 &gt; 1\' c = "x"><n/><n></n></m>'),
  record('<m><!-- comment --><![CDATA[<raw>]]></m>'),
  record('<?xml version="1.0"?><m/>'),
  record('<m>AT&T</m>'),
  record('<m>&#x1;</m>'),
  record('<m>&#0;</m>'),
  record('<m>&nbsp;</m>'),
  record('<m a="1" a="2"/>'),
  record('<m><n a="1" a="2"/></m>'),
  record('<m><n a="&#1;"/></m>'),
  record('<m><n a="&#xE9;" b=\'x\'/></m>'),
  record('<m><n p:a="1"/></m>'),
  record('<m a="<"/>'),
  record('<m><n></m></n>'),
  record('<m>]]></m>'),
  record('<m>x</m >'),
  record('<m></m><extra/>'),
  record('<p:m/>'),
  record('<m xmlns:p="u"><p:n p:a="1"/></m>'),
  record('<m><p:n xmlns:p="u"/><p:n/></m>'),
  '<record><header><identifier>a</identifier></header></record>trailing',
  '<record/>',
  '<record><header><identifier>a</identifier></header></record',
];

function shape(node: XNode, xml: string): unknown {
  return {
    name: node.qname,
    attrs: node.attrs,
    text: node.text,
    raw: xml.slice(node.start, node.end),
    used: node.used && [...node.used],
    children: node.children.map((c) => shape(c, xml)),
  };
}

function outcome(run: () => XNode, xml: string): unknown {
  try {
    return shape(run(), xml);
  } catch {
    return 'rejected';
  }
}

describe('ItemParser fast path', () => {
  it.each(CASES)('agrees with saxes on %s', (xml) => {
    const parser = new ItemParser(OAI);
    expect(outcome(() => parser.parse(xml), xml)).toEqual(
      outcome(() => parser.parseWithSaxes(xml), xml),
    );
  });

  it('takes the fast path for ordinary oai_dc and MARCXML records', () => {
    const builder = new TreeBuilder();
    for (let i = 0; i < 50; i++) {
      const bib = generateRecord(i);
      for (const payload of [renderOaiDc(bib), renderMarc21(bib)]) {
        builder.reset(OAI);
        expect(fastScan(record(payload), builder)).toBe(true);
      }
    }
  });

  it('rejects the broken payloads that harvest tests rely on', () => {
    const parser = new ItemParser(OAI);
    for (const payload of ['<m>AT&T</m>', '<?xml version="1.0"?><m/>', '<m>&#x1;</m>']) {
      expect(() => parser.parse(record(payload))).toThrow();
    }
  });

  it('returns the payload as standalone XML with the inherited namespaces it uses', () => {
    const xml = record('<x:dc xmlns:x="u"><dc:title>t</dc:title><other/></x:dc>');
    const root = new ItemParser(OAI).parse(xml);
    const metadata = root.children[1];
    const payload = metadata.children[0];
    expect(standaloneXml(xml, payload, scopeOf(OAI, root, metadata))).toBe(
      '<x:dc xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:x="u"><dc:title>t</dc:title><other/></x:dc>',
    );
  });
});
