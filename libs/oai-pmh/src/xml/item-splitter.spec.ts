import { ItemSplitter } from './item-splitter';

const doc =
  '<?xml version="1.0"?><OAI-PMH><ListRecords>' +
  '<record><header><identifier>a</identifier></header><metadata><marc:record xmlns:marc="m"><marc:leader/></marc:record></metadata></record>' +
  '<!-- <record> in a comment --><record><metadata><x a="1 > 0" b="<record"><![CDATA[</record>]]></x></metadata></record>' +
  '<oai:record xmlns:oai="o"/><resumptionToken>t</resumptionToken></ListRecords></OAI-PMH>';

function splitter(maxItemChars?: number) {
  const out = { items: [] as string[], envelope: '', oversized: [] as string[] };
  const s = new ItemSplitter(
    'record',
    {
      envelope: (t) => (out.envelope += t),
      item: (x) => out.items.push(x),
      oversized: (head) => out.oversized.push(head),
    },
    'test',
    maxItemChars,
  );
  return { s, out };
}

function split(chunks: string[], maxItemChars?: number) {
  const { s, out } = splitter(maxItemChars);
  chunks.forEach((c) => s.write(c));
  s.end();
  return out;
}

const MIB = 1024 * 1024;
const CHUNK = 16 * 1024;

/** Feeds a record whose title is followed by `mib` MiB of 'A', in 16 KiB chunks, then one small record. */
function feedHugeRecord(mib: number, maxItemChars: number) {
  const { s, out } = splitter(maxItemChars);
  const filler = 'A'.repeat(CHUNK);
  let fed = 0;
  const write = (text: string) => {
    s.write(text);
    fed += text.length;
  };
  write('<OAI-PMH><ListRecords><record><header><identifier>oai:x:huge</identifier></header>');
  write('<metadata><dc><dc:title>');
  for (let i = 0; i < (mib * MIB) / CHUNK; i++) write(filler);
  write('</dc:title></dc></metadata></record><record><header><identifier>oai:x:next</identifier>');
  write('</header></record></ListRecords></OAI-PMH>');
  s.end();
  return { out, fed, scanned: s.scannedChars };
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

  it('looks at each character of a 64 MiB record about once (linear work, not quadratic)', () => {
    const { out, fed, scanned } = feedHugeRecord(64, 128 * MIB);
    expect(out.items).toHaveLength(2);
    expect(out.items[0].length).toBeGreaterThan(64 * MIB);
    expect(out.items[1]).toContain('oai:x:next');
    expect(scanned).toBeLessThan(1.1 * fed);
  });

  it('skips a record over the limit without keeping its text, and goes on with the next', () => {
    const { out, fed, scanned } = feedHugeRecord(64, 16 * MIB);
    expect(out.oversized).toHaveLength(1);
    expect(out.oversized[0]).toMatch(/^<record><header><identifier>oai:x:huge</);
    expect(out.oversized[0].length).toBeLessThanOrEqual(16 * 1024);
    expect(out.items).toEqual([
      '<record><header><identifier>oai:x:next</identifier></header></record>',
    ]);
    expect(out.envelope).toBe('<OAI-PMH><ListRecords></ListRecords></OAI-PMH>');
    expect(scanned).toBeLessThan(1.1 * fed);
  });

  it('applies the limit to a record that arrives in one chunk', () => {
    const out = split([doc], 60);
    expect(out.items).toEqual(['<oai:record xmlns:oai="o"/>']);
    expect(out.oversized).toHaveLength(2);
  });
});
