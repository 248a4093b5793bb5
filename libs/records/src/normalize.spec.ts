import { RecordErrorCode } from './errors';
import { normalizeRecord, normalizeRecords } from './normalize';
import { fixture, inputFor } from './testing/record-input';

describe('normalizeRecord', () => {
  it('returns a minimal record for a deleted record without metadata', () => {
    const result = normalizeRecord(
      inputFor('', 'oai_dc', { deleted: true, metadataXml: undefined }),
    );
    expect(result).toMatchObject({
      ok: true,
      record: {
        id: 'tv-hanoi:oai:opac.example.vn:1',
        deleted: true,
        datestamp: '2024-05-01T00:00:00Z',
        setSpecs: ['sach'],
        title: '',
        creators: [],
      },
    });
  });

  it('chooses the format from the root namespace when the prefix is a local name', () => {
    const result = normalizeRecord(inputFor(fixture('marc21/fixtures/luan-an.xml'), 'marc_koha'));
    expect(result.ok && result.record.format).toBe('marc21');
  });

  it('falls back to the prefix when the root has no namespace', () => {
    const xml =
      '<record><leader>00000nam a2200000 a 4500</leader><datafield tag="245" ind1="0" ind2="0"><subfield code="a">Không namespace</subfield></datafield></record>';
    const result = normalizeRecord(inputFor(xml, 'marcxml'));
    expect(result.ok && result.record.title).toBe('Không namespace');
  });

  it('trusts the namespace over a wrong prefix and warns', () => {
    const result = normalizeRecord(
      inputFor(fixture('mods/fixtures/dataset-article.mods.xml'), 'oai_dc'),
    );
    expect(result.ok && result.record.format).toBe('mods');
    expect(result.ok && result.record.warnings[0]).toMatch(
      /^format: metadataPrefix 'oai_dc' but root namespace/,
    );
  });

  it.each([
    [
      'malformed XML',
      inputFor('<oai_dc:dc xmlns:oai_dc="x"><dc:title>', 'oai_dc'),
      RecordErrorCode.MalformedXml,
    ],
    [
      'a DOCTYPE',
      inputFor('<!DOCTYPE dc [<!ENTITY a "aaaa">]><dc>&a;</dc>', 'oai_dc'),
      RecordErrorCode.DoctypeForbidden,
    ],
    [
      'an unknown format',
      inputFor('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', 'rdf'),
      RecordErrorCode.UnknownFormat,
    ],
    [
      'missing metadata',
      inputFor('', 'oai_dc', { metadataXml: undefined }),
      RecordErrorCode.MissingMetadata,
    ],
    [
      'a missing identifier',
      inputFor('<x/>', 'oai_dc', { oaiIdentifier: ' ' }),
      RecordErrorCode.InvalidInput,
    ],
  ])('fails with a typed error for %s', (_label, input, code) => {
    const result = normalizeRecord(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('names the record and what to do in the error message', () => {
    const result = normalizeRecord(inputFor('<rdf:RDF xmlns:rdf="urn:rdf"/>', 'rdf'));
    expect(!result.ok && result.error.message).toBe(
      "Record tv-hanoi:oai:opac.example.vn:1 (rdf): metadataPrefix 'rdf' with root <RDF> in namespace 'urn:rdf'. " +
        'What to do: harvest with metadataPrefix oai_dc, marc21 (MARCXML) or mods.',
    );
  });

  it('does not let one bad record stop a batch', () => {
    const results = normalizeRecords([
      inputFor(fixture('dublin-core/fixtures/truyen-kieu.dc.xml'), 'oai_dc'),
      inputFor('<broken', 'oai_dc'),
      inputFor(fixture('mods/fixtures/dai-viet-su-ky.mods.xml'), 'mods'),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
  });

  it('warns, naming the field, when a value holds U+FFFD from invalid UTF-8 bytes', () => {
    const xml =
      '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      '<dc:title>Lịch sử Việt Nam</dc:title><dc:description>Tóm tắt \uFFFD(\uFFFD</dc:description></oai_dc:dc>';
    const result = normalizeRecord(inputFor(xml, 'oai_dc'));
    expect(result.ok && result.record.warnings).toEqual([
      expect.stringMatching(/^dc:description: contains U\+FFFD .*not valid UTF-8/),
    ]);
  });
});
