import { XmlError, XmlErrorCode } from './errors';
import { namespaceScope } from './namespaces';
import { DEFAULT_XML_LIMITS, parseXml } from './parse-xml';
import { attr, deepText, usedOuterPrefixes, type XmlElement } from './xml-element';

function errorCode(xml: string): XmlErrorCode | undefined {
  return failure(xml)?.code;
}

function failure(xml: string): XmlError | undefined {
  try {
    parseXml(xml);
    return undefined;
  } catch (err) {
    if (err instanceof XmlError) return err;
    throw err;
  }
}

/** Attributes of an element as name → value, for readable expectations. */
function attributes(el: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < el.attrs.length; i += 2) out[el.attrs[i]] = el.attrs[i + 1];
  return out;
}

describe('parseXml', () => {
  it('resolves default and prefixed namespaces and keeps attributes', () => {
    const root = parseXml(
      '<?xml version="1.0"?><m:record xmlns:m="http://www.loc.gov/MARC21/slim" xmlns:x="urn:x">' +
        '<m:datafield tag="245" ind1="1" x:note="y"><m:subfield code="a">Tựa</m:subfield></m:datafield>' +
        '<plain xmlns="urn:default"/></m:record>',
    );
    expect(root).toMatchObject({ name: 'record', ns: 'http://www.loc.gov/MARC21/slim' });
    const field = root.children[0];
    expect(attr(field, 'tag')).toBe('245');
    expect(attr(field, 'x:note')).toBe('y');
    expect(field.children[0].text).toBe('Tựa');
    expect(root.children[1]).toMatchObject({ name: 'plain', ns: 'urn:default' });
  });

  it('decodes predefined entities, character references and CDATA; skips comments', () => {
    const root = parseXml(
      `<a t='&quot;x&quot;'>A &amp; B &#273;&#x1EA1;<!-- note --><![CDATA[<raw> & ]]></a>`,
    );
    expect(root.text).toBe('A & B đạ<raw> & ');
    expect(attr(root, 't')).toBe('"x"');
  });

  it('reads text of nested elements in order with deepText', () => {
    expect(deepText(parseXml('<s><t>Việt Nam</t><u>Lịch sử</u></s>'))).toBe('Việt Nam Lịch sử');
  });

  it('refuses a DOCTYPE, so no entity can be expanded (billion laughs, XXE)', () => {
    const xxe = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    expect(errorCode(xxe)).toBe(XmlErrorCode.DoctypeForbidden);
  });

  it.each([
    ['undefined entity', '<r>&nbsp;</r>'],
    ['bare ampersand', '<r>A & B</r>'],
    ['mismatched end tag', '<a><b></a></b>'],
    ['unclosed element', '<a><b></b>'],
    ['two roots', '<a/><b/>'],
    ['text after root', '<a/>junk'],
    ['unbound prefix', '<x:a/>'],
    ['duplicate attribute', '<a t="1" t="2"/>'],
    ['unquoted attribute', '<a t=1/>'],
    ['< in attribute', '<a t="<"/>'],
    ['empty document', '   '],
    ['illegal character reference', '<a>&#0;</a>'],
  ])('reports %s as MALFORMED_XML', (_label, xml) => {
    expect(errorCode(xml)).toBe(XmlErrorCode.MalformedXml);
  });

  it('reads attributes in either quote, holding the other quote, ">" and entities', () => {
    const root = parseXml(
      `<a one="1" two='2' q="it's" d='say "hi"' gt="a>b" e="x&amp;y&#x3c;" empty="" long="a value longer than four"/>`,
    );
    expect(attributes(root)).toEqual({
      one: '1',
      two: '2',
      q: "it's",
      d: 'say "hi"',
      gt: 'a>b',
      e: 'x&y<',
      empty: '',
      long: 'a value longer than four',
    });
  });

  it('accepts white space around "=" and before the end of a tag', () => {
    const root = parseXml('<a\n  x = "1"\ty=\'2\' ><b x="3" /></a >');
    expect(attributes(root)).toEqual({ x: '1', y: '2' });
    expect(attributes(root.children[0])).toEqual({ x: '3' });
  });

  it('reads repeated sibling tags the same however their first attribute is written', () => {
    const root = parseXml(
      '<r><s code="a">1</s><s code="b">2</s><s  code="c">3</s><s code = "d">4</s>' +
        '<s code=\'e\'>5</s><s kind="x" code="f">6</s><s>7</s><s code="g"/></r>',
    );
    expect(root.children.map((c) => [c.name, attr(c, 'code'), c.text])).toEqual([
      ['s', 'a', '1'],
      ['s', 'b', '2'],
      ['s', 'c', '3'],
      ['s', 'd', '4'],
      ['s', 'e', '5'],
      ['s', 'f', '6'],
      ['s', undefined, '7'],
      ['s', 'g', ''],
    ]);
  });

  it('does not take a longer name for a known shorter one, or the reverse', () => {
    const root = parseXml('<r><field/><fields/><field/><fieldset a="1"/><field a="2"/><f/></r>');
    expect(root.children.map((c) => c.name)).toEqual([
      'field',
      'fields',
      'field',
      'fieldset',
      'field',
      'f',
    ]);
  });

  it('gives the same tree for the same document read twice and after other documents', () => {
    const doc =
      '<m:record xmlns:m="urn:m"><m:datafield tag="245" ind1="1" ind2="0">' +
      '<m:subfield code="a">Tựa</m:subfield></m:datafield></m:record>';
    const first = parseXml(doc);
    parseXml(
      '<record xmlns="urn:other"><datafield tag="1"><subfield code="b">x</subfield></datafield></record>',
    );
    expect(parseXml(doc)).toEqual(first);
    expect(first.children[0].children[0]).toMatchObject({
      name: 'subfield',
      ns: 'urn:m',
      text: 'Tựa',
    });
  });

  it('keeps CDATA as written, with markup characters, next to decoded text', () => {
    const root = parseXml('<a>x &lt; <![CDATA[<b>&amp; ]] ]]>y<?pi data?></a>');
    expect(root.text).toBe('x < <b>&amp; ]] y');
    expect(root.children).toEqual([]);
  });

  it('resolves prefixes declared on the element itself and redeclared inside', () => {
    const root = parseXml(
      '<p:a xmlns:p="urn:1" p:x="1"><p:b xmlns:p="urn:2"><c xmlns="urn:3"/></p:b><p:d/></p:a>',
    );
    expect(root).toMatchObject({ name: 'a', ns: 'urn:1' });
    expect(attr(root, 'p:x')).toBe('1');
    expect(root.children[0]).toMatchObject({ name: 'b', ns: 'urn:2' });
    expect(root.children[0].children[0]).toMatchObject({ name: 'c', ns: 'urn:3' });
    expect(root.children[1]).toMatchObject({ name: 'd', ns: 'urn:1' });
  });

  it('keeps an empty default namespace declaration and the xml prefix', () => {
    const root = parseXml('<a xmlns="urn:x"><b xmlns="" xml:lang="vi"/></a>');
    expect(root.children[0]).toMatchObject({ name: 'b', ns: '' });
    expect(attr(root.children[0], 'xml:lang')).toBe('vi');
  });

  it('reads element and attribute names that are also names of object properties', () => {
    const root = parseXml('<__proto__ constructor="1" __proto__="2"><toString/></__proto__>');
    expect(root.name).toBe('__proto__');
    expect(root.attrs).toEqual(['constructor', '1', '__proto__', '2']);
    expect(root.children[0].name).toBe('toString');
  });

  it('does not take names of object properties for declared prefixes', () => {
    for (const prefix of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(errorCode(`<${prefix}:a/>`)).toBe(XmlErrorCode.MalformedXml);
      expect(errorCode(`<a ${prefix}:x="1"/>`)).toBe(XmlErrorCode.MalformedXml);
    }
  });

  it('refuses a DOCTYPE anywhere, even after the root started', () => {
    expect(errorCode('<?xml version="1.0"?><!DOCTYPE r><r/>')).toBe(XmlErrorCode.DoctypeForbidden);
    expect(errorCode('<r><!DOCTYPE r></r>')).toBe(XmlErrorCode.DoctypeForbidden);
  });

  it('refuses more text than the size limit', () => {
    expect(errorCode(`<a>${'x'.repeat(DEFAULT_XML_LIMITS.maxChars)}</a>`)).toBe(
      XmlErrorCode.TooLarge,
    );
  });

  it('refuses elements nested deeper than the depth limit, as XML_TOO_DEEP', () => {
    const nested = (depth: number) => '<a>'.repeat(depth - 1) + '<b/>' + '</a>'.repeat(depth - 1);
    expect(() => parseXml(nested(DEFAULT_XML_LIMITS.maxDepth))).not.toThrow();
    expect(errorCode(nested(DEFAULT_XML_LIMITS.maxDepth + 1))).toBe(XmlErrorCode.XmlTooDeep);
    expect(errorCode(nested(50_000))).toBe(XmlErrorCode.XmlTooDeep);
    expect(() => parseXml(nested(20), { ...DEFAULT_XML_LIMITS, maxDepth: 19 })).toThrow(
      'elements nested more than 19 deep',
    );
  });

  it.each([
    ['<a t="1"x="2"/>', 'bad start tag <a> at offset 0'],
    ['<r><s code="a>x</s></r>', 'bad start tag <s> at offset 3'],
    ['<r><s code="a"x="b">x</s></r>', 'bad start tag <s> at offset 3'],
    ['<a / >', 'bad start tag <a> at offset 0'],
    ['<a t="<b>"/>', "'<' in attribute 't'"],
    ['<r><s code="<">x</s></r>', "'<' in attribute 'code'"],
    ['<a x="1" x="2"/>', "duplicate attribute 'x'"],
    ['<a><b></a>', '</a> does not close <b>'],
    ['<a><b></b ></c>', '</c> does not close <a>'],
    ['<a></ab>', '</ab> does not close <a>'],
    ['<ab></a>', '</a> does not close <ab>'],
    ['</a>', '</a> does not close any element'],
    ['<a><b>', 'element <b> is not closed'],
    ['<a>&bogus;</a>', "undefined entity '&bogus;'"],
    ['<a>x & y</a>', "bare '&' in text"],
    ['<a/><b/>', 'more than one root element'],
    ['<a/>x', 'text outside the root element'],
    ['<x:a/>', "namespace prefix 'x' is not declared"],
    ['<1a/>', 'bad or missing name at offset 1'],
    ['<a:b:c/>', 'bad or missing name at offset 1'],
    ['<a><!-- x </a>', 'unterminated comment'],
    ['<a><![CDATA[x</a>', 'unterminated CDATA section'],
    ['<a><!ENTITY x "y"></a>', 'unexpected markup at offset 3'],
  ])('reports %s as MALFORMED_XML: %s', (xml, message) => {
    const err = failure(xml);
    expect(err?.code).toBe(XmlErrorCode.MalformedXml);
    expect(err?.message).toBe(message);
  });
});

describe('parseXml options', () => {
  const POSITIONED = { positions: true } as const;

  it('gives plain elements only what whole-record readers use', () => {
    const root = parseXml('<a xmlns:p="urn:p"><p:b x="1"/></a>');
    expect(Object.keys(root).sort()).toEqual(['attrs', 'children', 'name', 'ns', 'text']);
  });

  it('with positions, gives offsets that slice each element exactly as written, and its declarations', () => {
    const xml =
      '<?xml version="1.0"?><p:a xmlns:p="urn:p" xmlns="urn:d"><b k="v">t</b ><p:c/></p:a>';
    const root = parseXml(xml, DEFAULT_XML_LIMITS, POSITIONED);
    const [b, c] = root.children;
    expect(xml.slice(root.start, root.end)).toBe(xml.slice(21));
    expect(xml.slice(b.start, b.end)).toBe('<b k="v">t</b >');
    expect(xml.slice(c.start, c.end)).toBe('<p:c/>');
    expect([root.qname, c.qname]).toEqual(['p:a', 'p:c']);
    expect(root.declarations).toEqual(['p', 'urn:p', '', 'urn:d']);
    expect(b.declarations).toEqual([]);
  });

  it('reads a fragment in an outer namespace scope, which an unscoped read refuses', () => {
    const scope = namespaceScope({ '': 'urn:oai', dc: 'urn:dc' });
    const root = parseXml('<record><dc:title>T</dc:title></record>', DEFAULT_XML_LIMITS, { scope });
    expect(root).toMatchObject({ name: 'record', ns: 'urn:oai' });
    expect(root.children[0]).toMatchObject({ name: 'title', ns: 'urn:dc' });
    expect(errorCode('<record><dc:title>T</dc:title></record>')).toBe(XmlErrorCode.MalformedXml);
  });

  it('lists the outside prefixes a subtree uses and does not declare', () => {
    const xml =
      '<r><m><dc:t xml:lang="vi" q:a="1"/><x:y xmlns:x="urn:x"><x:z/></x:y><plain/></m></r>';
    const scope = namespaceScope({ '': 'urn:d', dc: 'urn:dc', q: 'urn:q' });
    const root = parseXml(xml, DEFAULT_XML_LIMITS, { scope, positions: true });
    expect([...usedOuterPrefixes(root.children[0])].sort()).toEqual(['', 'dc', 'q']);
  });
});
