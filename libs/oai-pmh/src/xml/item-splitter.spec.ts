import { ItemSplitter } from './item-splitter';

const doc =
  '<?xml version="1.0"?><OAI-PMH><ListRecords>' +
  '<record><header><identifier>a</identifier></header><metadata><marc:record xmlns:marc="m"><marc:leader/></marc:record></metadata></record>' +
  '<!-- <record> in a comment --><record><metadata><x a="1 > 0" b="<record"><![CDATA[</record>]]></x></metadata></record>' +
  '<oai:record xmlns:oai="o"/><resumptionToken>t</resumptionToken></ListRecords></OAI-PMH>';

function split(chunks: string[]) {
  const items: string[] = [];
  let envelope = '';
  const splitter = new ItemSplitter(
    'record',
    { envelope: (t) => (envelope += t), item: (x) => items.push(x) },
    'test',
  );
  chunks.forEach((c) => splitter.write(c));
  splitter.end();
  return { items, envelope };
}

describe('ItemSplitter', () => {
  const whole = split([doc]);

  it('splits items at balanced record boundaries, skipping comments, CDATA and nested records', () => {
    expect(whole.items).toHaveLength(3);
    expect(whole.items[0]).toMatch(/^<record><header>.*<\/marc:record><\/metadata><\/record>$/);
    expect(whole.items[1]).toContain('<![CDATA[</record>]]>');
    expect(whole.items[2]).toBe('<oai:record xmlns:oai="o"/>');
    expect(whole.envelope).toBe(
      doc.replace(whole.items[0], '').replace(whole.items[1], '').replace(whole.items[2], ''),
    );
  });

  it('gives the same result for every chunk boundary', () => {
    for (let cut = 1; cut < doc.length; cut++) {
      expect(split([doc.slice(0, cut), doc.slice(cut)])).toEqual(whole);
    }
    expect(split([...doc])).toEqual(whole);
  });

  it('reports a stream that ends inside an item as truncated', () => {
    expect(() => split([doc.slice(0, 60)])).toThrow(/truncated/);
  });

  it('refuses a DOCTYPE', () => {
    expect(() => split(['<!DOCTYPE x [<!ENTITY a "b">]><x/>'])).toThrow(/DOCTYPE/);
  });
});
