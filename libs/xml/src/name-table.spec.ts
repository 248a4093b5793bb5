import { NameTable, TagHeadTable, xmlName } from './name-table';

describe('xmlName', () => {
  it('splits a prefixed name and marks namespace declarations', () => {
    expect(xmlName('dc:title')).toEqual({
      qname: 'dc:title',
      local: 'title',
      prefixLength: 2,
      declaresNamespace: false,
      endTag: '</dc:title>',
    });
    expect(xmlName('subfield')).toMatchObject({ local: 'subfield', prefixLength: 0 });
    expect(xmlName('xmlns').declaresNamespace).toBe(true);
    expect(xmlName('xmlns:dc').declaresNamespace).toBe(true);
    expect(xmlName('xmlnsx').declaresNamespace).toBe(false);
  });
});

describe('NameTable', () => {
  it('finds a remembered name only where the name ends there', () => {
    const table = new NameTable();
    const doc = '<subfield code="a">';
    const name = table.remember(doc, 1, xmlName('subfield'));
    expect(table.find('<subfield>', 1)).toBe(name);
    expect(table.find('<subfield/>', 1)).toBe(name);
    expect(table.find('<subfields>', 1)).toBeUndefined();
    expect(table.find('<subfield:x>', 1)).toBeUndefined();
    expect(table.find('<subfiel>', 1)).toBeUndefined();
  });

  it('stays bounded: names sharing a bucket push the oldest out', () => {
    const table = new NameTable();
    // Same first, second, fourth and fifth characters: the same bucket.
    const names = ['ab_cd1', 'ab_cd2', 'ab_cd3', 'ab_cd4', 'ab_cd5'];
    for (const n of names) table.remember(`<${n}>`, 1, xmlName(n));
    expect(table.find('<ab_cd1>', 1)).toBeUndefined();
    for (const n of names.slice(1)) expect(table.find(`<${n}>`, 1)?.qname).toBe(n);
  });
});

describe('TagHeadTable', () => {
  it('finds a head wherever it is written, whatever follows', () => {
    const table = new TagHeadTable();
    const head = {
      element: xmlName('subfield'),
      attribute: xmlName('code'),
      written: 'subfield code="',
    };
    table.remember('<subfield code="a">', 1, head);
    expect(table.find('x<subfield code="b">', 2)).toBe(head);
    expect(table.find("<subfield code='b'>", 1)).toBeUndefined();
    expect(table.find('<subfield  code="b">', 1)).toBeUndefined();
  });
});
