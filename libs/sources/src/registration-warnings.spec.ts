import { formatWarnings } from './registration-warnings';

const format = (metadataPrefix: string, metadataNamespace: string) => ({
  metadataPrefix,
  metadataNamespace,
  schema: '',
});
const DC = format('oai_dc', 'http://www.openarchives.org/OAI/2.0/oai_dc/');
const MARC = format('marc_koha', 'http://www.loc.gov/MARC21/slim');
const XOAI = format('xoai', 'http://www.lyncode.com/xoai');
const ARXIV = format('arXiv', 'http://arxiv.org/OAI/arXiv/');
const URL = 'https://repo.example.vn/oai';

describe('formatWarnings (registration)', () => {
  it('warns on a format we cannot map and offers oai_dc first, then the other mapped formats', () => {
    const [warning, ...rest] = formatWarnings(URL, XOAI, [MARC, XOAI, DC]);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ code: 'UNMAPPED_FORMAT', suggestedMetadataPrefix: 'oai_dc' });
    expect(warning.message).toBe(
      `${URL} serves "xoai" (http://www.lyncode.com/xoai), a format Hợp Lưu cannot map: every record ` +
        'would fail with UNKNOWN_FORMAT; register with metadataPrefix "oai_dc" instead (every OAI-PMH ' +
        'repository serves it); it also offers marc_koha.',
    );
  });

  it('says so when the source offers nothing we map', () => {
    const [warning] = formatWarnings(URL, ARXIV, [ARXIV]);
    expect(warning.suggestedMetadataPrefix).toBeNull();
    expect(warning.message).toContain('ask the repository to serve oai_dc');
  });

  it('accepts formats we map by namespace or by prefix', () => {
    expect(formatWarnings(URL, MARC, [MARC])).toEqual([]);
    expect(formatWarnings(URL, format('mods', ''), [])).toEqual([]);
    expect(formatWarnings(URL, DC, [DC])).toEqual([]);
  });
});
