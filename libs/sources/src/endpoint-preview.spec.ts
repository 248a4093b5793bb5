import { DEFAULT_XML_LIMITS } from '@hop-luu/records';
import { legacyTextFor } from '@hop-luu/oai-test-provider/legacy-text';
import { previewOf } from './endpoint-preview';

const context = {
  sourceId: 'preview',
  metadataPrefix: 'oai_dc',
  library: { name: 'Thư viện thử', kind: 'other', province: null },
  limits: DEFAULT_XML_LIMITS,
};

function dc(fields: string): string {
  return (
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" ' +
    `xmlns:dc="http://purl.org/dc/elements/1.1/">${fields}</oai_dc:dc>`
  );
}

function item(metadataXml: string, identifier = 'oai:thu.vn:1') {
  return {
    kind: 'record' as const,
    record: {
      header: { identifier, datestamp: '2024-05-01', setSpecs: [], deleted: false },
      metadataXml,
      aboutXml: [],
    },
  };
}

describe('previewOf', () => {
  it('shows a TCVN3 title as the catalogue will hold it, and says it was converted', () => {
    const { title } = legacyTextFor('tcvn3', 0);
    const preview = previewOf(
      item(dc(`<dc:title>${title[0]}</dc:title><dc:creator>Nguyễn Du</dc:creator>`)),
      context,
    );
    expect(preview).toMatchObject({ title: title[1], creators: ['Nguyễn Du'] });
    expect(preview.warnings).toEqual([
      { code: 'ENCODING_TCVN3', message: expect.stringContaining(`→ "${title[1]}"`) },
    ]);
  });

  it('warns of a missing title once, and passes other normalisation warnings on', () => {
    const preview = previewOf(item(dc('<dc:date>không rõ</dc:date>')), context);
    expect(preview.title).toBe('');
    expect(preview.warnings.map((w) => w.code)).toEqual(['MISSING_TITLE', 'FIELD_WARNING']);
    expect(preview.warnings[1].message).toMatch(/no year in 'không rõ'/);
  });

  it('says a record would not be catalogued, and why', () => {
    const unreadable = previewOf(
      { kind: 'failure', identifier: 'oai:thu.vn:2', reason: 'broken XML' },
      context,
    );
    expect(unreadable).toMatchObject({ identifier: 'oai:thu.vn:2', title: null });
    expect(unreadable.warnings).toEqual([
      { code: 'UNREADABLE_RECORD', message: 'Not catalogued: broken XML' },
    ]);
    const xoai = previewOf(item('<metadata xmlns="http://www.lyncode.com/xoai"/>'), {
      ...context,
      metadataPrefix: 'xoai',
    });
    expect(xoai.warnings[0].code).toBe('UNKNOWN_FORMAT');
  });
});
