import { RecordError, RecordErrorCode } from '../errors';
import { parseXml } from './parse-xml';
import { attr, deepText } from './xml-element';

function errorCode(xml: string): RecordErrorCode | undefined {
  try {
    parseXml(xml);
    return undefined;
  } catch (err) {
    return err instanceof RecordError ? err.code : undefined;
  }
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
    expect(errorCode(xxe)).toBe(RecordErrorCode.DoctypeForbidden);
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
    expect(errorCode(xml)).toBe(RecordErrorCode.MalformedXml);
  });
});
