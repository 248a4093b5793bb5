import type { BibRecord } from './generator';

export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const MARC_NS = 'http://www.loc.gov/MARC21/slim';
export const XOAI_NS = 'http://www.lyncode.com/xoai';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

const TYPE_DC: Record<BibRecord['type'], string> = { book: 'Text', thesis: 'Text', map: 'Image' };

/**
 * Simple Dublin Core. `declareNamespaces: false` leaves the xmlns
 * declarations to an ancestor element (tests namespace re-declaration).
 */
export function renderOaiDc(r: BibRecord, declareNamespaces = true): string {
  const el = (name: string, value: string | undefined) =>
    value ? `<dc:${name}>${escapeXml(value)}</dc:${name}>` : '';
  const ns = declareNamespaces
    ? ` xmlns:oai_dc="${OAI_DC_NS}" xmlns:dc="${DC_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"`
    : '';
  return (
    `<oai_dc:dc${ns}>` +
    el('title', r.subtitle ? `${r.title} : ${r.subtitle}` : r.title) +
    el('creator', r.author) +
    r.addedAuthors.map((a) => el('contributor', a)).join('') +
    r.subjects.map((s) => el('subject', s)).join('') +
    el('description', r.summary) +
    el('publisher', `${r.publisher} (${r.place})`) +
    el('date', String(r.year)) +
    el('type', TYPE_DC[r.type]) +
    el('format', `${r.pages} tr. ; ${r.heightCm} cm`) +
    el('identifier', r.isbn ? `ISBN ${r.isbn}` : r.isbn10 ? `ISBN ${r.isbn10}` : undefined) +
    el('identifier', `${r.library.code}:${r.callNumber}`) +
    el('language', r.language) +
    el('relation', r.series) +
    `</oai_dc:dc>`
  );
}

function field008(r: BibRecord): string {
  const entered = r.datestamp.toISOString().slice(2, 10).replace(/-/g, '');
  const country = r.language === 'vie' ? 'vm ' : 'enk';
  const specifics = r.type === 'thesis' ? '     bm   000 0 ' : '     b    000 0 ';
  return `${entered}s${r.year}    ${country}${specifics.padEnd(17)}${r.language} d`;
}

function datafield(tag: string, ind: string, subfields: [string, string | undefined][]): string {
  const subs = subfields
    .filter(([, v]) => v)
    .map(([code, v]) => `<marc:subfield code="${code}">${escapeXml(v as string)}</marc:subfield>`)
    .join('');
  return subs
    ? `<marc:datafield tag="${tag}" ind1="${ind[0]}" ind2="${ind[1]}">${subs}</marc:datafield>`
    : '';
}

/** MARC 21 bibliographic record in MARCXML (slim schema). */
export function renderMarc21(r: BibRecord): string {
  const leader = `00000n${r.type === 'map' ? 'e' : 'a'}m a2200000 a 4500`;
  const publication = r.year >= 2010 ? '264' : '260';
  const title245: [string, string | undefined][] = [
    ['a', r.subtitle ? `${r.title} :` : `${r.title} /`],
    ['b', r.subtitle ? `${r.subtitle} /` : undefined],
    ['c', r.author.includes(',') ? r.author.split(', ').reverse().join(' ') : r.author],
  ];
  return (
    `<marc:record xmlns:marc="${MARC_NS}">` +
    `<marc:leader>${leader}</marc:leader>` +
    `<marc:controlfield tag="001">${escapeXml(r.identifier.split(':').pop() as string)}</marc:controlfield>` +
    `<marc:controlfield tag="008">${field008(r)}</marc:controlfield>` +
    datafield('020', '  ', [['a', r.isbn ?? r.isbn10]]) +
    datafield('041', '0 ', [['a', r.language]]) +
    datafield('082', '04', [
      ['a', r.ddc],
      ['2', '23'],
    ]) +
    datafield('100', '1 ', [['a', r.author]]) +
    datafield('245', '10', title245) +
    datafield('250', '  ', [['a', r.edition]]) +
    datafield(publication, publication === '264' ? ' 1' : '  ', [
      ['a', `${r.place} :`],
      ['b', `${r.publisher},`],
      ['c', String(r.year)],
    ]) +
    datafield('300', '  ', [
      ['a', `${r.pages} tr. ;`],
      ['c', `${r.heightCm} cm`],
    ]) +
    datafield('490', '0 ', [['a', r.series]]) +
    datafield('520', '  ', [['a', r.summary]]) +
    r.subjects
      .map((s) =>
        datafield('650', ' 7', [
          ['a', s],
          ['2', 'Bộ TĐCĐ'],
        ]),
      )
      .join('') +
    r.addedAuthors.map((a) => datafield('700', '1 ', [['a', a]])).join('') +
    datafield('852', '  ', [
      ['a', r.library.code.toUpperCase()],
      ['b', r.library.name],
      ['h', r.callNumber],
      ['p', r.barcode],
    ]) +
    `</marc:record>`
  );
}

/** DSpace XOAI (its internal format): nested `element`s ending in `field`s; title and author only. */
export function renderXoai(r: BibRecord): string {
  const field = (name: string, value: string) =>
    `<element name="${name}"><element name="none"><field name="value">${escapeXml(value)}</field></element></element>`;
  return (
    `<metadata xmlns="${XOAI_NS}"><element name="dc">` +
    field('title', r.title) +
    `<element name="contributor">${field('author', r.author)}</element>` +
    `</element></metadata>`
  );
}
