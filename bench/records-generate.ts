/**
 * Generates realistic harvested records for the records benchmark: Vietnamese and English
 * titles, names, subjects, identifiers, holdings, with the mess real sources have (ISBD
 * punctuation, decomposed text, some legacy-encoded fields, invalid ISBNs).
 */
import type { NormalizeInput } from '../libs/records/src';

/** Small deterministic PRNG (mulberry32) so every run benchmarks the same records. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = [
  'Lịch sử Việt Nam',
  'Truyện Kiều',
  'Sức khoẻ cộng đồng',
  'Giáo trình kinh tế học vi mô',
  'Văn hoá Việt Nam: tìm về bản sắc',
  'Đất rừng phương Nam',
  'Số đỏ',
  'Hoà bình và phát triển',
  'Kỹ thuật lập trình C++',
  'Địa lý tự nhiên Việt Nam',
  'The history of Vietnam',
  'Introduction to algorithms',
  'Rice farming in the Mekong Delta',
  'Thuỷ lợi và môi trường',
];
const SUBTITLES = [
  'giáo trình',
  'tiểu thuyết',
  'tuyển tập',
  'a reader',
  'sách chuyên khảo',
  'tái bản có bổ sung',
];
const NAMES = [
  ['Nguyễn', 'Văn An'],
  ['Trần', 'Thị Thuý'],
  ['Lê', 'Minh Hoà'],
  ['Phạm', 'Quốc Khánh'],
  ['Đặng', 'Thai Mai'],
  ['Vũ', 'Trọng Phụng'],
  ['Hoàng', 'Minh Khoa'],
  ['Smith', 'John R.'],
  ['Taylor', 'K. W.'],
  ['Bùi', 'Thị Hằng'],
];
const SUBJECTS = [
  'Lịch sử',
  'Văn học Việt Nam',
  'Kinh tế học',
  'Y tế công cộng',
  'Nông nghiệp',
  'History',
  'Economics',
  'Tin học',
];
const PLACES = ['Hà Nội', 'Thành phố Hồ Chí Minh', 'Đà Nẵng', 'Huế', 'New York'];
const PUBLISHERS = [
  'Giáo dục',
  'Văn học',
  'Chính trị quốc gia',
  'Khoa học xã hội',
  'Oxford University Press',
  'Trẻ',
];
const EDITIONS = ['', '', '', 'Tái bản lần thứ 2', 'In lần thứ 3', '2nd ed.'];
const TCVN3_TITLES = [
  'LÞch sö ViÖt Nam',
  '§¹i häc Quèc gia Hµ Néi',
  'Céng hoµ x· héi chñ nghÜa ViÖt Nam',
];

export interface GeneratedRecord {
  input: NormalizeInput;
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** A valid ISBN-13 from a running number (one in 20 gets a wrong check digit on purpose). */
function isbn(n: number, rnd: () => number): string {
  const body = `978604${String(n % 1_000_000).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  const check = (10 - (sum % 10)) % 10;
  return body + String(rnd() < 0.05 ? (check + 1) % 10 : check);
}

interface Book {
  title: string;
  subtitle: string;
  family: string;
  given: string;
  coauthor: string[];
  subjects: string[];
  place: string;
  publisher: string;
  year: number;
  edition: string;
  isbn: string;
  lang: string;
}

function book(n: number, rnd: () => number): Book {
  const [family, given] = pick(rnd, NAMES);
  const title =
    rnd() < 0.03
      ? pick(rnd, TCVN3_TITLES)
      : `${pick(rnd, TITLES)} ${rnd() < 0.5 ? `tập ${1 + (n % 5)}` : ''}`.trim();
  return {
    title: rnd() < 0.1 ? title.normalize('NFD') : title,
    // A running number keeps every title + subtitle distinct, as in a real catalogue.
    subtitle: `${pick(rnd, SUBTITLES)} ${n}`,
    family,
    given,
    coauthor: pick(rnd, NAMES),
    subjects: [pick(rnd, SUBJECTS), pick(rnd, SUBJECTS)],
    place: pick(rnd, PLACES),
    publisher: pick(rnd, PUBLISHERS),
    year: 1990 + Math.floor(rnd() * 35),
    edition: pick(rnd, EDITIONS),
    isbn: isbn(n, rnd),
    lang: rnd() < 0.8 ? 'vie' : 'eng',
  };
}

const header = (n: number, prefix: string, xml: string): NormalizeInput => ({
  sourceId: 'bench',
  oaiIdentifier: `oai:bench.example.vn:${n}`,
  datestamp: '2024-05-01T00:00:00Z',
  deleted: false,
  setSpecs: ['sach'],
  metadataPrefix: prefix,
  metadataXml: xml,
});

export function marcRecord(n: number, rnd: () => number): NormalizeInput {
  const b = book(n, rnd);
  const df = (tag: string, ind: string, subs: [string, string][]): string =>
    `  <datafield tag="${tag}" ind1="${ind[0]}" ind2="${ind[1]}">${subs.map(([c, v]) => `<subfield code="${c}">${esc(v)}</subfield>`).join('')}</datafield>\n`;
  const fields = [
    `  <leader>01234nam a2200313 a 4500</leader>\n`,
    `  <controlfield tag="001">BENCH${n}</controlfield>\n`,
    `  <controlfield tag="005">20240501101500.0</controlfield>\n`,
    `  <controlfield tag="008">240501s${b.year}    vm a          000 0 ${b.lang} d</controlfield>\n`,
    df('020', '  ', [
      ['a', `${b.isbn} (bìa mềm) :`],
      ['c', '85000đ'],
    ]),
    df('040', '  ', [
      ['a', 'VN-TVQG'],
      ['b', 'vie'],
      ['c', 'VN-TVQG'],
    ]),
    df('041', '0 ', [['a', b.lang]]),
    df('082', '04', [
      ['a', '959.7/04'],
      ['2', '23'],
    ]),
    df('100', '1 ', [
      ['a', `${b.family}, ${b.given},`],
      ['e', 'tác giả.'],
    ]),
    df('245', '10', [
      ['a', `${b.title} :`],
      ['b', `${b.subtitle} /`],
      ['c', `${b.family} ${b.given} chủ biên.`],
    ]),
    b.edition ? df('250', '  ', [['a', b.edition]]) : '',
    df('260', '  ', [
      ['a', `${b.place} :`],
      ['b', `${b.publisher},`],
      ['c', `${b.year}.`],
    ]),
    df('300', '  ', [
      ['a', `${200 + (n % 300)} tr. :`],
      ['b', 'minh hoạ ;'],
      ['c', '24 cm.'],
    ]),
    df('490', '0 ', [
      ['a', 'Tủ sách tri thức ;'],
      ['v', String(n % 40)],
    ]),
    df('500', '  ', [['a', 'Đầu trang tên sách ghi: Bộ Giáo dục và Đào tạo.']]),
    df('504', '  ', [['a', 'Thư mục: tr. 190-198.']]),
    df('520', '  ', [
      [
        'a',
        `Trình bày ${b.title.toLowerCase()} qua các thời kỳ, có phân tích và tư liệu minh hoạ.`,
      ],
    ]),
    df('650', ' 7', [
      ['a', b.subjects[0]],
      ['x', 'Nghiên cứu'],
      ['2', 'Bộ TK TVQG'],
    ]),
    df('650', ' 0', [
      ['a', b.subjects[1]],
      ['z', 'Việt Nam.'],
    ]),
    df('651', ' 4', [
      ['a', 'Việt Nam'],
      ['x', 'Lịch sử.'],
    ]),
    df('700', '1 ', [
      ['a', `${b.coauthor[0]}, ${b.coauthor[1]},`],
      ['e', 'biên dịch.'],
    ]),
    df('856', '42', [
      ['3', 'Ảnh bìa'],
      ['u', `https://opac.example.vn/covers/${n}.jpg`],
    ]),
    df('952', '  ', [
      ['a', 'TVHN'],
      ['b', 'TVHN'],
      ['c', 'KHO-MUON'],
      ['o', `959.704 ${b.family.slice(0, 2).toUpperCase()}`],
      ['p', `TV${n}`],
    ]),
    df('952', '  ', [
      ['a', 'TVHN-CN2'],
      ['c', 'DOC'],
      ['o', `959.704 ${b.family.slice(0, 2).toUpperCase()}`],
      ['p', `TV${n}b`],
    ]),
  ];
  return header(
    n,
    'marc21',
    `<record xmlns="http://www.loc.gov/MARC21/slim">\n${fields.join('')}</record>`,
  );
}

export function dcRecord(n: number, rnd: () => number): NormalizeInput {
  const b = book(n, rnd);
  const el = (name: string, value: string, lang?: string): string =>
    `  <dc:${name}${lang ? ` xml:lang="${lang}"` : ''}>${esc(value)}</dc:${name}>\n`;
  const body = [
    el('title', `${b.title} : ${b.subtitle}`, 'vi'),
    rnd() < 0.3 ? el('title', 'Parallel English title', 'en') : '',
    el('creator', `${b.family}, ${b.given}`),
    el('contributor', `${b.coauthor[0]} ${b.coauthor[1]} (biên dịch)`),
    el('subject', `${b.subjects[0]}; ${b.subjects[1]}`),
    el('subject', '959.704'),
    el(
      'description',
      `Trình bày ${b.title.toLowerCase()} qua các thời kỳ, có phân tích và tư liệu minh hoạ.`,
    ),
    el('publisher', `${b.place} : ${b.publisher}`),
    el('date', `${b.year}-01-01`),
    el('type', 'Text'),
    el('type', rnd() < 0.3 ? 'info:eu-repo/semantics/masterThesis' : 'Sách'),
    el('format', `${200 + (n % 300)} tr. ; 24 cm`),
    el('identifier', `ISBN ${b.isbn}`),
    el('identifier', `http://hdl.handle.net/123456789/${n}`),
    el('identifier', `https://repo.example.edu.vn/bitstream/123456789/${n}/1/file.pdf`),
    el('language', b.lang === 'vie' ? 'Tiếng Việt' : 'en'),
    el('rights', 'info:eu-repo/semantics/openAccess'),
  ];
  return header(
    n,
    'oai_dc',
    `<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n${body.join('')}</oai_dc:dc>`,
  );
}

export function modsRecord(n: number, rnd: () => number): NormalizeInput {
  const b = book(n, rnd);
  const xml = `<mods xmlns="http://www.loc.gov/mods/v3" version="3.7">
  <titleInfo><title>${esc(b.title)}</title><subTitle>${esc(b.subtitle)}</subTitle></titleInfo>
  <titleInfo type="translated"><title>Parallel English title</title></titleInfo>
  <name type="personal"><namePart type="family">${b.family}</namePart><namePart type="given">${b.given}</namePart><role><roleTerm type="text">author</roleTerm></role></name>
  <name type="personal"><namePart>${b.coauthor[0]} ${b.coauthor[1]}</namePart><role><roleTerm type="code">trl</roleTerm></role></name>
  <typeOfResource>text</typeOfResource>
  <genre authority="marcgt">book</genre>
  <originInfo><place><placeTerm type="text">${b.place}</placeTerm></place><publisher>${esc(b.publisher)}</publisher><dateIssued keyDate="yes">${b.year}</dateIssued>${b.edition ? `<edition>${b.edition}</edition>` : ''}<issuance>monographic</issuance></originInfo>
  <language><languageTerm type="code" authority="iso639-2b">${b.lang}</languageTerm></language>
  <physicalDescription><extent>${200 + (n % 300)} tr.</extent><extent>24 cm</extent></physicalDescription>
  <abstract>Trình bày ${esc(b.title.toLowerCase())} qua các thời kỳ, có phân tích và tư liệu minh hoạ.</abstract>
  <subject authority="lcsh"><topic>${b.subjects[0]}</topic><geographic>Việt Nam</geographic></subject>
  <subject><topic>${b.subjects[1]}</topic></subject>
  <classification authority="ddc">959.704</classification>
  <relatedItem type="series"><titleInfo><title>Tủ sách tri thức</title><partNumber>${n % 40}</partNumber></titleInfo></relatedItem>
  <identifier type="isbn">${b.isbn}</identifier>
  <identifier type="hdl">123456789/${n}</identifier>
  <location><physicalLocation>Thư viện Quốc gia Việt Nam</physicalLocation><shelfLocator>959.704 NG</shelfLocator><url access="raw object">https://dl.example.gov.vn/${n}.pdf</url></location>
  <accessCondition type="use and reproduction">Phạm vi công cộng</accessCondition>
</mods>`;
  return header(n, 'mods', xml);
}
