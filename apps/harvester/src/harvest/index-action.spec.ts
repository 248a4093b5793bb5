import { entryFor } from './index-action';
import { RawRecordRow } from '../raw-records/raw-records.service';

const library = { name: 'Thư viện thử', kind: 'university', province: null };

function row(datestamp: string, description = 'Tóm tắt'): RawRecordRow {
  return {
    id: 'src:oai:x:1',
    sourceId: 'src',
    oaiIdentifier: 'oai:x:1',
    metadataPrefix: 'oai_dc',
    datestamp,
    setSpecs: [],
    deleted: false,
    metadataXml:
      '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      `<dc:title>Truyện Kiều</dc:title><dc:description>${description}</dc:description></oai_dc:dc>`,
    hash: 'h',
    normalizeError: null,
    normalizeErrorCode: null,
  };
}

function warnings(raw: RawRecordRow): string[] {
  const result = entryFor(raw, library);
  if (!result.ok) throw new Error('expected a catalogue entry');
  return result.document.warnings;
}

describe('entryFor', () => {
  it('warns on the record when its datestamp cannot be read unambiguously', () => {
    expect(warnings(row('20210311T1015'))).toEqual([
      expect.stringMatching(/^datestamp: '20210311T1015' is not a datestamp .*kept as sent/),
    ]);
  });

  it('accepts OAI-PMH and ISO 8601 basic datestamps without a warning', () => {
    expect(warnings(row('2021-03-11T10:15:00Z'))).toEqual([]);
    expect(warnings(row('20210311T101500Z'))).toEqual([]);
    expect(warnings(row('20210311'))).toEqual([]);
  });
});
