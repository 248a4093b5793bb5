/**
 * Hand-written cases of the labelled set: the confusions the generator does not make, each
 * written as a library would send it. Work labels start with 'h'.
 */
import { isbn13 } from '@hop-luu/oai-test-provider';
import { isbn10From13 } from '@hop-luu/records';
import { encodeTcvn3, encodeVni } from '../../libs/records/src/testing/legacy-encode';
import type { LabelledRecord } from './catalogues';
import { dcRecord, field008, marcRecord, type MarcField } from './xml';

type Sub = readonly [string, string];
const f = (tag: string, ...subfields: Sub[]): MarcField => ({ tag, ind1: '1', subfields });
const f2 = (tag: string, ind2: string, ...subfields: Sub[]): MarcField => ({
  tag,
  ind1: '1',
  ind2,
  subfields,
});

const tcvn3 = (text: string): string => encodeTcvn3(text) ?? text;
const KIEU = isbn13('978604691234');
const SO_DO_VH = isbn13('978604698543');
const SO_DO_TRE = isbn13('978604113945');
const TAYLOR = isbn13('978052187586');
const TAYLOR_2 = isbn13('978110744484');
const LSVN_SET = isbn13('978604902675');
const LSVN_1 = isbn13('978604902676');
const LSVN_2 = isbn13('978604902677');
const REUSED = isbn13('978604581234');

let serial = 0;
function marc(
  work: string,
  sourceId: string,
  year: number | undefined,
  lang: string,
  ...fields: MarcField[]
): LabelledRecord {
  const serialRecord = fields.some((field) => field.tag === '022');
  return {
    work,
    family: 'hand-written',
    sourceId,
    oaiIdentifier: `oai:${sourceId}:h${String(++serial).padStart(4, '0')}`,
    metadataPrefix: 'marc21',
    xml: marcRecord(
      `00000na${serialRecord ? 's' : 'm'} a2200000 a 4500`,
      field008(year, lang),
      fields,
    ),
  };
}
function dc(work: string, sourceId: string, ...elements: [string, string][]): LabelledRecord {
  return {
    work,
    family: 'hand-written',
    sourceId,
    oaiIdentifier: `oai:${sourceId}:h${String(++serial).padStart(4, '0')}`,
    metadataPrefix: 'oai_dc',
    xml: dcRecord(elements),
  };
}

export const HAND_WRITTEN: readonly LabelledRecord[] = [
  // The two "Truyện Kiều" of 2015: Nguyễn Du's poem, and Nguyễn Văn Khoả's study of it.
  marc(
    'h-kieu-du',
    'nlv',
    2015,
    'vie',
    f('020', ['a', KIEU]),
    f('100', ['a', 'Nguyễn Du']),
    f('245', ['a', 'Truyện Kiều /'], ['c', 'Nguyễn Du ; Đào Duy Anh khảo đính']),
    f('260', ['a', 'Hà Nội :'], ['b', 'Văn học,'], ['c', '2015']),
    f('300', ['a', '435 tr. ;'], ['c', '21 cm']),
    f('700', ['a', 'Đào, Duy Anh'], ['e', 'khảo đính']),
  ),
  dc(
    'h-kieu-du',
    'dspace-hue',
    ['title', 'Truyện Kiều'],
    ['creator', 'Nguyễn, Du'],
    ['contributor', 'Đào Duy Anh (khảo đính)'],
    ['publisher', 'NXB Văn học'],
    ['date', '2015'],
    ['format', '435 tr.'],
  ),
  marc(
    'h-kieu-du',
    'tv-nghe-an',
    2015,
    'vie',
    f('100', ['a', tcvn3('Nguyễn Du')]),
    f('245', ['a', tcvn3('Truyện Kiều')]),
    f('260', ['b', tcvn3('Văn học')], ['c', '2015']),
  ),
  marc(
    'h-kieu-khoa',
    'koha-vnu',
    2015,
    'vie',
    f('100', ['a', 'Nguyễn, Văn Khoả']),
    f('245', ['a', 'Truyện Kiều :'], ['b', 'khảo luận /'], ['c', 'Nguyễn Văn Khoả']),
    f('260', ['a', 'Hà Nội :'], ['b', 'Văn học,'], ['c', '2015']),
    f('300', ['a', '312 tr.']),
  ),
  dc(
    'h-kieu-khoa',
    'dl-special',
    ['title', 'Truyen Kieu'],
    ['creator', 'Nguyen Van Khoa'],
    ['publisher', 'Van hoc'],
    ['date', '2015'],
  ),
  // A chain: a record without ISBN matches both editions' records, which contradict each other.
  marc(
    'h-so-do-2016',
    'nlv',
    2016,
    'vie',
    f('020', ['a', SO_DO_VH]),
    f('100', ['a', 'Vũ Trọng Phụng']),
    f('245', ['a', 'Số đỏ']),
    f('250', ['a', 'Tái bản lần thứ 2']),
    f('260', ['b', 'Văn học'], ['c', '2016']),
  ),
  marc(
    'h-so-do-2016b',
    'koha-vnu',
    2016,
    'vie',
    f('020', ['a', SO_DO_TRE]),
    f('100', ['a', 'Vũ, Trọng Phụng']),
    f('245', ['a', 'Số đỏ :'], ['b', 'tiểu thuyết']),
    f('260', ['b', 'Nxb. Trẻ'], ['c', '2016']),
  ),
  dc(
    'h-so-do-2016',
    'dspace-hue',
    ['title', 'Số đỏ'],
    ['creator', 'Vũ Trọng Phụng'],
    ['date', '2016'],
    ['publisher', 'Nhà xuất bản Văn học'],
  ),
  // Phan Huy Lê, written three ways; a namesake Phan Huy Lợi the same year.
  marc(
    'h-phan-le',
    'nlv',
    2012,
    'vie',
    f('100', ['a', 'Phan Huy Lê']),
    f('245', ['a', 'Tìm về cội nguồn /'], ['c', 'Phan Huy Lê']),
    f('260', ['b', 'Thế giới'], ['c', '2012']),
    f('300', ['a', '1067 tr.']),
  ),
  marc(
    'h-phan-le',
    'koha-vnu',
    2012,
    'vie',
    f('100', ['a', 'Phan, Huy Lê']),
    f('245', ['a', 'Tìm về cội nguồn']),
    f('260', ['b', 'Nxb. Thế giới'], ['c', 'c2012']),
    f('300', ['a', '1069 tr. ;'], ['c', '24 cm']),
  ),
  dc(
    'h-phan-le',
    'uni-en-dc',
    ['title', 'Tim ve coi nguon'],
    ['creator', 'Phan, Huy Le'],
    ['date', '2012'],
    ['language', 'vie'],
  ),
  marc(
    'h-phan-loi',
    'tv-thai-binh',
    2012,
    'vie',
    f('100', ['a', 'Phan Huy Lợi']),
    f('245', ['a', 'Tìm về cội nguồn']),
    f('260', ['b', 'Thế giới'], ['c', '2012']),
  ),
  // English: the same book with inverted/initialled names, with and without subtitle; a second edition.
  marc(
    'h-taylor-2013',
    'lib-en-lc',
    2013,
    'eng',
    f('010', ['a', '  2012034567']),
    f('020', ['a', TAYLOR]),
    f('035', ['a', '(OCoLC)ocn812345678']),
    f('100', ['a', 'Taylor, K. W.'], ['q', '(Keith Weller)']),
    f2('245', '4', ['a', 'A history of the Vietnamese /'], ['c', 'K.W. Taylor.']),
    f2('264', '1', ['a', 'Cambridge :'], ['b', 'Cambridge University Press,'], ['c', '2013']),
    f('300', ['a', 'xvi, 696 pages :'], ['b', 'maps ;'], ['c', '24 cm']),
  ),
  marc(
    'h-taylor-2013',
    'koha-vnu',
    2013,
    'eng',
    f('035', ['a', '(OCoLC)812345678']),
    f('100', ['a', 'Taylor, Keith Weller']),
    f('245', ['a', 'A history of the Vietnamese']),
    f('260', ['b', 'Cambridge University Press'], ['c', '2013']),
    f('300', ['a', '696 p.']),
  ),
  dc(
    'h-taylor-2013',
    'uni-en-dc',
    ['title', 'A History of the Vietnamese'],
    ['creator', 'Keith W. Taylor'],
    ['publisher', 'Cambridge Univ. Press'],
    ['date', '2013'],
    ['identifier', `ISBN ${isbn10From13(TAYLOR)}`],
  ),
  marc(
    'h-taylor-2018',
    'lib-en-lc',
    2018,
    'eng',
    f('020', ['a', TAYLOR_2]),
    f('100', ['a', 'Taylor, K. W.']),
    f2('245', '4', ['a', 'A history of the Vietnamese /']),
    f('250', ['a', 'Second edition.']),
    f2('264', '1', ['b', 'Cambridge University Press,'], ['c', '2018']),
  ),
  // A translation is another work.
  marc(
    'h-kieu-en',
    'lib-en-lc',
    1983,
    'eng',
    f('100', ['a', 'Nguyễn, Du,'], ['d', '1765-1820']),
    f2(
      '245',
      '4',
      ['a', 'The tale of Kieu /'],
      ['c', 'Nguyen Du ; translated by Huynh Sanh Thong'],
    ),
    f('260', ['b', 'Yale University Press'], ['c', '1983']),
    f('700', ['a', 'Huỳnh, Sanh Thông'], ['e', 'translator']),
  ),
  dc(
    'h-kieu-en',
    'uni-en-dc',
    ['title', 'The tale of Kiều'],
    ['creator', 'Nguyen Du'],
    ['contributor', 'Huynh Sanh Thong (translator)'],
    ['date', '1983'],
    ['publisher', 'Yale University Press'],
    ['language', 'en'],
  ),
  // Multi-volume set: every volume carries the set ISBN in one library.
  marc(
    'h-lsvn-1',
    'nlv',
    2017,
    'vie',
    f('020', ['a', LSVN_SET], ['q', 'trọn bộ']),
    f('020', ['a', LSVN_1]),
    f('100', ['a', 'Vũ Văn Quân']),
    f('245', ['a', 'Lịch sử Việt Nam.'], ['n', 'Tập 1']),
    f('260', ['b', 'Khoa học xã hội'], ['c', '2017']),
  ),
  marc(
    'h-lsvn-2',
    'nlv',
    2017,
    'vie',
    f('020', ['a', LSVN_SET], ['q', 'trọn bộ']),
    f('020', ['a', LSVN_2]),
    f('100', ['a', 'Vũ Văn Quân']),
    f('245', ['a', 'Lịch sử Việt Nam.'], ['n', 'Tập 2']),
    f('260', ['b', 'Khoa học xã hội'], ['c', '2017']),
  ),
  dc(
    'h-lsvn-1',
    'dspace-hue',
    ['title', 'Lịch sử Việt Nam. T.1'],
    ['creator', 'Vũ Văn Quân'],
    ['date', '2017'],
    ['identifier', `ISBN ${LSVN_SET}`],
  ),
  dc(
    'h-lsvn-2',
    'dl-special',
    ['title', 'Lich su Viet Nam : tap II'],
    ['creator', 'Vu Van Quan'],
    ['date', '2017'],
  ),
  // A reused ISBN: two different books.
  marc(
    'h-reuse-a',
    'tv-thai-binh',
    2019,
    'vie',
    f('020', ['a', REUSED]),
    f('100', ['a', 'Lê Minh Hải']),
    f('245', ['a', 'Nghề gốm Bát Tràng']),
    f('260', ['c', '2019']),
  ),
  marc(
    'h-reuse-b',
    'tv-nghe-an',
    2019,
    'vie',
    f('020', ['a', REUSED]),
    f('100', ['a', 'Trần Thu Hà']),
    f('245', ['a', 'Ca trù Hà Nội xưa và nay']),
    f('260', ['c', '2019']),
  ),
  // Grades of one textbook series are different works.
  dc(
    'h-tv-1',
    'dspace-hue',
    ['title', 'Tiếng Việt 1. Tập 1'],
    ['creator', 'Bộ Giáo dục và Đào tạo'],
    ['date', '2020'],
    ['publisher', 'Giáo dục Việt Nam'],
  ),
  dc(
    'h-tv-2',
    'dspace-hue',
    ['title', 'Tiếng Việt 2. Tập 1'],
    ['creator', 'Bộ Giáo dục và Đào tạo'],
    ['date', '2020'],
    ['publisher', 'Giáo dục Việt Nam'],
  ),
  marc(
    'h-tv-1',
    'nlv',
    2020,
    'vie',
    f('110', ['a', 'Bộ Giáo dục và Đào tạo']),
    f('245', ['a', 'Tiếng Việt 1.'], ['n', 'Tập 1']),
    f('260', ['b', 'Nxb. Giáo dục Việt Nam'], ['c', '2020']),
  ),
  // A serial with and without ISSN, the title written two ways.
  marc(
    'h-serial',
    'nlv',
    undefined,
    'vie',
    f('022', ['a', '0866-7497']),
    f('245', ['a', 'Nghiên cứu Đông Nam Á']),
    f('260', ['b', 'Viện Nghiên cứu Đông Nam Á']),
  ),
  dc(
    'h-serial',
    'dspace-hue',
    ['title', 'Tạp chí Nghiên cứu Đông Nam Á'],
    ['identifier', 'ISSN 0866-7497'],
    ['type', 'Journal'],
  ),
  // Decomposed Unicode and VNI in one catalogue.
  dc(
    'h-tuan',
    'dl-special',
    ['title', 'Vang bóng một thời'.normalize('NFD')],
    ['creator', 'Nguyễn Tuân'.normalize('NFD')],
    ['date', '2004'],
  ),
  dc(
    'h-tuan',
    'dspace-hue',
    ['title', encodeVni('Vang bóng một thời')],
    ['creator', encodeVni('Nguyễn Tuân')],
    ['date', '2004'],
  ),
  marc(
    'h-tuan',
    'nlv',
    2004,
    'vie',
    f('100', ['a', 'Nguyễn Tuân']),
    f('245', ['a', 'Vang bóng một thời :'], ['b', 'truyện ngắn']),
    f('260', ['b', 'Văn học'], ['c', '2004']),
  ),
];
