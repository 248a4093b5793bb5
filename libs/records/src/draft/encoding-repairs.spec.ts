import { normalizeOk } from '../testing/record-input';
import { encodeDoubleUtf8, encodeTcvn3, encodeVni } from '../testing/legacy-encode';

const dc = (fields: string): string =>
  `<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">${fields}</oai_dc:dc>`;

describe('encodingRepairs: what a record says it arrived with', () => {
  it('names each kind once, with the value as sent and as catalogued', () => {
    const title = 'Lịch sử Việt Nam';
    const record = normalizeOk(
      dc(
        `<dc:title>${encodeTcvn3(title)}</dc:title>` +
          `<dc:creator>${encodeVni('Nguyễn Du')}</dc:creator>` +
          `<dc:subject>${encodeDoubleUtf8('Văn học', 'windows-1252')}</dc:subject>` +
          `<dc:publisher>${'Nhà xuất bản Trẻ'.normalize('NFD')}</dc:publisher>` +
          `<dc:description>Tóm t\uFFFDt</dc:description>` +
          `<dc:subject>${encodeTcvn3('Địa lý')}</dc:subject>`,
      ),
      'oai_dc',
    );
    expect(record.encodingRepairs).toEqual([
      { kind: 'tcvn3', field: 'dc:title', before: encodeTcvn3(title), after: title },
      { kind: 'vni', field: 'dc:creator', before: encodeVni('Nguyễn Du'), after: 'Nguyễn Du' },
      {
        kind: 'double-utf8',
        field: 'dc:subject',
        before: encodeDoubleUtf8('Văn học', 'windows-1252'),
        after: 'Văn học',
      },
      {
        kind: 'decomposed',
        field: 'dc:publisher',
        before: 'Nhà xuất bản Trẻ'.normalize('NFD'),
        after: 'Nhà xuất bản Trẻ',
      },
      {
        kind: 'invalid-bytes',
        field: 'dc:description',
        before: 'Tóm t\uFFFDt',
        after: 'Tóm t\uFFFDt',
      },
    ]);
  });

  it('is empty for clean Unicode and ASCII, and cuts long examples to 200 characters', () => {
    expect(normalizeOk(dc('<dc:title>Truyện Kiều</dc:title>'), 'oai_dc').encodingRepairs).toEqual(
      [],
    );
    const long = 'Lịch sử '.repeat(40).normalize('NFD');
    const [repair] = normalizeOk(dc(`<dc:title>${long}</dc:title>`), 'oai_dc').encodingRepairs;
    expect(Array.from(repair.before)).toHaveLength(200);
    expect(Array.from(repair.after)).toHaveLength(200);
  });
});
