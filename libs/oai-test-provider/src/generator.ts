import { isbn10, isbn13 } from './isbn';
import { mix, Prng } from './prng';
import {
  ASPECTS_EN,
  ASPECTS_VI,
  AUTHORS_EN,
  AUTHORS_VI,
  FAMILY_NAMES_VI,
  FORENAMES_EN,
  GIVEN_NAMES_VI,
  MIDDLE_NAMES_VI,
  SURNAMES_EN,
  DDC_BY_TOPIC,
  FAMOUS_WORKS,
  PLACES_EN,
  PLACES_VI,
  PUBLISHERS_EN,
  PUBLISHERS_VI,
  QUALIFIERS_EN,
  QUALIFIERS_VI,
  TOPICS_EN,
  TOPICS_VI,
  type FamousWork,
} from './vocabulary';

export type RecordType = 'book' | 'thesis' | 'map';

/** One bibliographic record as held by one library (a work + edition + holding). */
export interface BibRecord {
  identifier: string;
  datestamp: Date;
  /** Same value for the same work and edition in every library; clustering tests can use it. */
  editionKey: string;
  /** Same value for every edition of a work. */
  workKey: string;
  title: string;
  subtitle?: string;
  author: string;
  addedAuthors: string[];
  edition?: string;
  editionNumber: number;
  place: string;
  publisher: string;
  year: number;
  /** ISBN-13 (digits only); undefined for some older books. */
  isbn?: string;
  /** ISBN-10 (digits/X), for books published before 2007. */
  isbn10?: string;
  language: 'vie' | 'eng';
  type: RecordType;
  subjects: string[];
  series?: string;
  summary: string;
  pages: number;
  heightCm: number;
  ddc: string;
  callNumber: string;
  barcode: string;
  library: { code: string; name: string };
  setSpecs: string[];
}

export interface GenerateOptions {
  seed?: number;
  libraryName?: string;
  /** Short code used in identifiers and sets, e.g. "nlv" (National Library of Vietnam). */
  libraryCode?: string;
  /** Datestamp of record 0; later records are `stepSeconds` apart. */
  startDate?: Date;
  stepSeconds?: number;
  /**
   * Hold each famous work (each edition) once, as a real library does, instead of repeating
   * them every 120 records; records past the first 120 are then all the library's own.
   */
  famousWorksOnce?: boolean;
  /**
   * 'compact' (the default): the library's own works are titled from 15 × 11 Vietnamese and
   * 10 × 6 English word pairs and written by 34 authors, so titles and authors repeat hundreds
   * of times (works matching's dense case). 'broad': titles get a leading phrase and authors
   * are composed from family, middle and given names, giving thousands of each, as a real
   * catalogue has.
   */
  vocabulary?: 'compact' | 'broad';
}

/** A work to make editions of: a famous one (vocabulary.ts) or one composed from the word lists. */
interface Work extends Omit<FamousWork, 'addedAuthors' | 'year'> {
  key: string;
  addedAuthors: string[];
  /** Year of the first edition; later editions follow it. */
  baseYear: number;
  type: RecordType;
}

const DEFAULTS = {
  seed: 1,
  libraryName: 'Thư viện Quốc gia Việt Nam',
  libraryCode: 'nlv',
  startDate: new Date('2024-01-01T00:00:00Z'),
  stepSeconds: 37,
  famousWorksOnce: false,
  vocabulary: 'compact',
};

/**
 * Which work and edition record `index` of a library holds. Every tenth
 * record (index % 10 === 0) is a famous work in its first edition, so any two
 * libraries hold identical copies (same ISBN, title, author, year, edition);
 * index % 10 === 5 is a later edition (2 or 3, by library seed) of the same
 * famous work. Everything else is a work unique to the library.
 */
function workSlot(
  index: number,
  seed: number,
  famousOnce: boolean,
): { workId: number; edition: number } {
  const famous = Math.floor(index / 10) % FAMOUS_WORKS.length;
  if (famousOnce && index >= 10 * FAMOUS_WORKS.length) return uniqueWork(index, seed);
  if (index % 10 === 0) return { workId: famous, edition: 1 };
  if (index % 10 === 5) return { workId: famous, edition: mix(seed, famous) % 2 === 0 ? 2 : 3 };
  return uniqueWork(index, seed);
}

function uniqueWork(index: number, seed: number): { workId: number; edition: number } {
  return { workId: 1_000_000 + (mix(seed, index) % 2_000_000_000), edition: 1 };
}

function famousWork(id: number): Work {
  const w = FAMOUS_WORKS[id];
  return {
    key: `famous-${id}`,
    title: w.title,
    subtitle: w.subtitle,
    author: w.author,
    addedAuthors: w.addedAuthors ?? [],
    language: w.language,
    baseYear: w.year,
    publisher: w.publisher,
    subjects: w.subjects,
    ddc: w.ddc,
    pages: w.pages,
    series: w.series,
    summary: w.summary,
    type: 'book',
  };
}

function composedWork(id: number, broad: boolean): Work {
  const rnd = new Prng(mix(id, 7));
  const vie = rnd.chance(0.7);
  const topic = rnd.pick(vie ? TOPICS_VI : TOPICS_EN);
  const place = rnd.pick(vie ? PLACES_VI : PLACES_EN);
  const title = broad ? broadTitle(rnd, vie, topic, place) : compactTitle(vie, topic, place);
  const author = () => (broad ? broadAuthor(rnd, vie) : rnd.pick(vie ? AUTHORS_VI : AUTHORS_EN));
  const type: RecordType = rnd.chance(0.08) ? 'thesis' : rnd.chance(0.04) ? 'map' : 'book';
  return {
    key: `work-${id}`,
    title,
    subtitle: rnd.chance(0.6) ? rnd.pick(vie ? QUALIFIERS_VI : QUALIFIERS_EN) : undefined,
    author: author(),
    addedAuthors: rnd.chance(0.3) ? [author()] : [],
    language: vie ? 'vie' : 'eng',
    baseYear: rnd.int(1975, 2025),
    publisher: rnd.pick(vie ? PUBLISHERS_VI : PUBLISHERS_EN),
    subjects: [topic, place, ...(rnd.chance(0.5) ? [rnd.pick(vie ? TOPICS_VI : TOPICS_EN)] : [])],
    ddc: DDC_BY_TOPIC[topic] ?? '900',
    pages: rnd.int(48, 900),
    series: rnd.chance(0.2) ? (vie ? 'Tủ sách Khoa học' : 'Asian Studies Series') : undefined,
    summary: vie
      ? `Cuốn sách trình bày ${topic.toLowerCase()} ${place} qua tư liệu và khảo sát thực địa.`
      : `A study of ${topic.toLowerCase()} in ${place}, based on archival sources and fieldwork.`,
    type,
  };
}

function compactTitle(vie: boolean, topic: string, place: string): string {
  return vie ? `${topic} ${place}` : `${topic} of ${place}`;
}

function broadTitle(rnd: Prng, vie: boolean, topic: string, place: string): string {
  const aspect = rnd.pick(vie ? ASPECTS_VI : ASPECTS_EN);
  return vie
    ? `${aspect} ${topic.toLowerCase()} ${place}`
    : `${aspect} ${topic.toLowerCase()} of ${place}`;
}

/** Vietnamese family name first ('Nguyễn Văn An'); others inverted ('Baker, Alice'). */
function broadAuthor(rnd: Prng, vie: boolean): string {
  if (!vie) return `${rnd.pick(SURNAMES_EN)}, ${rnd.pick(FORENAMES_EN)}`;
  return `${rnd.pick(FAMILY_NAMES_VI)} ${rnd.pick(MIDDLE_NAMES_VI)} ${rnd.pick(GIVEN_NAMES_VI)}`;
}

function editionStatement(work: Work, edition: number): string | undefined {
  if (edition === 1) return undefined;
  if (work.language === 'vie') return `Tái bản lần thứ ${edition - 1}`;
  return `${edition}${edition === 2 ? 'nd' : 'rd'} ed.`;
}

/** Cutter-like suffix used by Vietnamese libraries: initials of the main entry. */
function cutter(author: string): string {
  const words = author.replace(/,.*/, '').split(/\s+/);
  return words
    .map((w) => w[0].toUpperCase())
    .join('')
    .slice(0, 3);
}

/** Record number `index` of the library described by `options`; pure function of its inputs. */
export function generateRecord(index: number, options: GenerateOptions = {}): BibRecord {
  const o = { ...DEFAULTS, ...options };
  const { workId, edition } = workSlot(index, o.seed, o.famousWorksOnce);
  const work =
    workId < FAMOUS_WORKS.length
      ? famousWork(workId)
      : composedWork(workId, o.vocabulary === 'broad');
  const year = Math.min(2026, work.baseYear + (edition - 1) * 4);
  const isbnSeed = mix(workId, edition) % 100_000;
  const body12 = `${work.publisher.isbnPrefix}${String(isbnSeed).padStart(5, '0')}`.slice(0, 12);
  const old = year < 2007;
  const local = new Prng(mix(o.seed, index, 3));
  const hasIsbn = !(old && work.language === 'vie' && local.chance(0.5));
  const callNumber = `${work.ddc} ${cutter(work.author)}`;
  return {
    identifier: `oai:${o.libraryCode}.vn:${String(index).padStart(7, '0')}`,
    datestamp: new Date(o.startDate.getTime() + index * o.stepSeconds * 1000),
    editionKey: `${work.key}/ed${edition}`,
    workKey: work.key,
    title: work.title,
    subtitle: work.subtitle,
    author: work.author,
    addedAuthors: work.addedAuthors,
    edition: editionStatement(work, edition),
    editionNumber: edition,
    place: work.publisher.place,
    publisher: work.publisher.name,
    year,
    isbn: hasIsbn && !old ? isbn13(body12) : undefined,
    isbn10: hasIsbn && old ? isbn10(body12.slice(3, 12)) : undefined,
    language: work.language,
    type: work.type,
    subjects: work.subjects,
    series: work.series,
    summary: work.summary,
    pages: work.pages,
    heightCm: local.pick([19, 20, 21, 24, 27]),
    ddc: work.ddc,
    callNumber,
    barcode: `${o.libraryCode.toUpperCase()}${String(local.int(1, 9_999_999)).padStart(8, '0')}`,
    library: { code: o.libraryCode, name: o.libraryName },
    setSpecs: [`lib:${o.libraryCode}`, `type:${work.type}`, `lang:${work.language}`],
  };
}

/** A lazily generated, deterministic catalogue of `count` records. */
export interface RecordSource {
  readonly count: number;
  readonly options: GenerateOptions;
  at(index: number): BibRecord;
  [Symbol.iterator](): Iterator<BibRecord>;
}

/**
 * Realistic Vietnamese/English records, deterministic by seed and generated
 * on demand by index, so 200,000 records cost no memory until rendered.
 */
export function generateRecords(count: number, options: GenerateOptions = {}): RecordSource {
  return {
    count,
    options,
    at: (index) => generateRecord(index, options),
    *[Symbol.iterator]() {
      for (let i = 0; i < count; i++) yield generateRecord(i, options);
    },
  };
}
