/**
 * The true works of the generated part of the labelled set: what a book IS (title, authors,
 * year, edition, publisher, pages, identifiers), before any library catalogues it. Works come
 * in families that are easy to confuse: editions of one title, volumes of a set, one title by
 * different authors, authors sharing family and middle names, translations, serials, ISBNs a
 * publisher reused.
 */
import { isbn13 } from '@hop-luu/oai-test-provider';
import * as V from './vocabulary';

export type Rng = () => number;

export interface Person {
  /** Vietnamese names are family name first. */
  readonly vietnamese: boolean;
  readonly family: string;
  /** Middle names (Vietnamese) or further given names (others). */
  readonly middle: string;
  readonly given: string;
}

export interface Work {
  readonly label: string;
  /** Which confusable family it belongs to, for reading the set ('editions', 'volumes', …). */
  readonly family: string;
  readonly language: 'vie' | 'eng';
  readonly type: 'book' | 'journal' | 'thesis';
  readonly title: string;
  readonly subtitle?: string;
  readonly volume?: number;
  readonly authors: readonly Person[];
  readonly translator?: Person;
  readonly year: number;
  /** Edition number (1 = first, not stated by most catalogues). */
  readonly edition: number;
  readonly publisher: V.PublisherForms;
  /** A book company that published it with the publisher (liên kết xuất bản). */
  readonly partner?: string;
  readonly pages: number;
  /** ISBN-13, when the book has one. */
  readonly isbn?: string;
  /** An ISBN of the whole multi-volume set, which some catalogues put on every volume. */
  readonly setIsbn?: string;
  readonly issn?: string;
  /** LCCN and OCLC number, for English books held by LC-style libraries. */
  readonly lccn?: string;
  readonly oclc?: string;
}

const HAND_WRITTEN_EDITIONS = ['Truyện Kiều|2015', 'Số đỏ|2016'];

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
export const chance = (rng: Rng, p: number): boolean => rng() < p;
const between = (rng: Rng, lo: number, hi: number): number =>
  lo + Math.floor(rng() * (hi - lo + 1));

function weighted(rng: Rng, list: ReadonlyArray<readonly [string, number]>): string {
  const total = list.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [value, w] of list) if ((r -= w) < 0) return value;
  return list[0][0];
}

export function vietnamesePerson(rng: Rng): Person {
  return {
    vietnamese: true,
    family: weighted(rng, V.VI_FAMILIES),
    middle: chance(rng, 0.85) ? pick(rng, V.VI_MIDDLES) : '',
    given: pick(rng, V.VI_GIVENS),
  };
}

export function englishPerson(rng: Rng): Person {
  const initial = String.fromCharCode(65 + Math.floor(rng() * 26));
  return {
    vietnamese: false,
    family: pick(rng, V.EN_FAMILIES),
    middle: chance(rng, 0.5) ? `${initial}.` : '',
    given: pick(rng, V.EN_GIVENS),
  };
}

/** The same person with another given name: same family (and middle) name, different person. */
function namesake(rng: Rng, person: Person): Person {
  let given = pick(rng, person.vietnamese ? V.VI_GIVENS : V.EN_GIVENS);
  while (given === person.given) given = pick(rng, person.vietnamese ? V.VI_GIVENS : V.EN_GIVENS);
  return { ...person, given };
}

function fill(pattern: string, topic: string, place: string): string {
  const text = pattern.replace('{topic}', topic).replace('{place}', place);
  return text[0].toUpperCase() + text.slice(1);
}

function viTitle(rng: Rng): string {
  return fill(
    pick(rng, V.VI_PATTERNS),
    pick(rng, V.VI_TOPICS).toLowerCase(),
    pick(rng, V.VI_PLACES),
  );
}

function enTitle(rng: Rng): string {
  return fill(
    pick(rng, V.EN_PATTERNS),
    pick(rng, V.EN_TOPICS).toLowerCase(),
    pick(rng, V.EN_PLACES),
  );
}

export class WorkFactory {
  private count = 0;
  private isbnSerial = 0;
  private readonly usedTitles = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** A fresh ISBN-13 of the publisher (unique in the set). */
  isbn(publisher: V.PublisherForms): string {
    this.isbnSerial++;
    return isbn13(publisher.isbnPrefix + String(this.isbnSerial % 1000).padStart(3, '0'));
  }

  issn(): string {
    const body = String(1000000 + Math.floor(this.rng() * 8999999)).slice(0, 7);
    let sum = 0;
    for (let i = 0; i < 7; i++) sum += Number(body[i]) * (8 - i);
    const check = (11 - (sum % 11)) % 11;
    return `${body.slice(0, 4)}-${body.slice(4)}${check === 10 ? 'X' : check}`;
  }

  /** A title not used by another family (families reuse titles on purpose, within themselves). */
  freshTitle(language: 'vie' | 'eng'): string {
    for (let tries = 0; tries < 50; tries++) {
      const title = language === 'vie' ? viTitle(this.rng) : enTitle(this.rng);
      if (!this.usedTitles.has(title)) {
        this.usedTitles.add(title);
        return title;
      }
    }
    return `${language === 'vie' ? viTitle(this.rng) : enTitle(this.rng)} ${this.count}`;
  }

  /** A plain book. */
  book(family: string, language: 'vie' | 'eng', overrides: Partial<Work> = {}): Work {
    const rng = this.rng;
    const publisher = pick(rng, language === 'vie' ? V.VI_PUBLISHERS : V.EN_PUBLISHERS);
    const authors = Array.from({ length: chance(rng, 0.25) ? 2 : 1 }, () =>
      language === 'vie' ? vietnamesePerson(rng) : englishPerson(rng),
    );
    const base: Work = {
      label: `g${String(++this.count).padStart(4, '0')}`,
      family,
      language,
      type: 'book',
      title: this.freshTitle(language),
      ...(chance(rng, 0.6) && {
        subtitle: pick(rng, language === 'vie' ? V.VI_SUBTITLES : V.EN_SUBTITLES),
      }),
      authors,
      year: between(rng, 1995, 2024),
      edition: 1,
      publisher,
      ...(language === 'vie' && chance(rng, 0.15) && { partner: pick(rng, V.VI_PARTNERS) }),
      pages: between(rng, 80, 700),
      ...(chance(rng, 0.8) && { isbn: this.isbn(publisher) }),
      ...(language === 'eng' && {
        lccn: `20${between(rng, 10, 23)}${String(between(rng, 1, 999999)).padStart(6, '0')}`,
        oclc: String(between(rng, 10000000, 1299999999)),
      }),
    };
    const work = { ...base, ...overrides, label: base.label, family };
    // An ISBN belongs to its publisher: a borrowed publisher gets a fresh ISBN of its own.
    if (work.isbn && overrides.publisher && !('isbn' in overrides))
      return { ...work, isbn: this.isbn(work.publisher) };
    return work;
  }

  /** One work. */
  single(language: 'vie' | 'eng'): Work[] {
    return [this.book('single', language)];
  }

  /** Two or three editions of one title by the same authors: later years, new ISBNs. */
  editions(language: 'vie' | 'eng'): Work[] {
    const first = this.book('editions', language);
    const works = [first];
    const n = chance(this.rng, 0.5) ? 3 : 2;
    for (let e = 2; e <= n; e++) {
      const previous = works[works.length - 1];
      works.push(
        this.book('editions', language, {
          ...stripIdentity(first),
          edition: e,
          year: previous.year + between(this.rng, 1, 5),
          pages: previous.pages + between(this.rng, -20, 60),
          ...(first.isbn && { isbn: this.isbn(first.publisher) }),
        }),
      );
    }
    return works;
  }

  /** A reprint of the same edition in another year, with the same ISBN or without one. */
  reprint(language: 'vie' | 'eng'): Work[] {
    const first = this.book('reprint', language, { isbn: undefined });
    return [
      first,
      this.book('reprint', language, {
        ...stripIdentity(first),
        year: first.year + between(this.rng, 2, 6),
        isbn: undefined,
      }),
    ];
  }

  /** Volumes of a set: same title, authors, year; each its own work. */
  volumes(language: 'vie' | 'eng'): Work[] {
    const first = this.book('volumes', language);
    const setIsbn = chance(this.rng, 0.5) ? this.isbn(first.publisher) : undefined;
    const n = between(this.rng, 2, 4);
    return Array.from({ length: n }, (_, i) =>
      this.book('volumes', language, {
        ...stripIdentity(first),
        volume: i + 1,
        pages: between(this.rng, 200, 600),
        isbn: this.isbn(first.publisher),
        ...(setIsbn && { setIsbn }),
      }),
    );
  }

  /** One title by different authors, often the same year: a common textbook title, or a work and a study of it. */
  sameTitle(language: 'vie' | 'eng'): Work[] {
    const first = this.book('same-title', language);
    const sameYear = chance(this.rng, 0.6);
    const other = this.book('same-title', language, {
      title: first.title,
      ...(first.subtitle && chance(this.rng, 0.5) && { subtitle: first.subtitle }),
      ...(sameYear && { year: first.year }),
      ...(chance(this.rng, 0.5) && { publisher: first.publisher }),
    });
    return [first, other];
  }

  /** Authors with the same family (and middle) name, different given names, similar titles, same year. */
  namesakes(language: 'vie' | 'eng'): Work[] {
    const first = this.book('namesakes', language);
    const other = this.book('namesakes', language, {
      title: first.title,
      year: first.year,
      authors: first.authors.map((p) => namesake(this.rng, p)),
      publisher: first.publisher,
    });
    return [first, other];
  }

  /** A Vietnamese classic in several editions, and a translation into English. */
  classic(index: number): Work[] {
    const [title, author, english] = V.VI_CLASSICS[index % V.VI_CLASSICS.length];
    const words = author.split(' ');
    const person: Person = {
      vietnamese: true,
      family: words[0],
      middle: words.slice(1, -1).join(' '),
      given: words[words.length - 1],
    };
    const works: Work[] = [];
    const editions = between(this.rng, 2, 4);
    // Two editions of one year come from different publishers (one publisher prints one a year).
    // The hand-written cases hold Truyện Kiều of 2015 and Số đỏ of 2016: generated editions keep off them.
    const seen = new Set<string>(HAND_WRITTEN_EDITIONS.map((e) => `${e}`));
    while (works.length < editions) {
      const year = between(this.rng, 1995, 2024);
      const publisher = pick(this.rng, V.VI_PUBLISHERS);
      if (seen.has(`${title}|${year}`) || seen.has(`${year}|${publisher.names[0]}`)) continue;
      seen.add(`${year}|${publisher.names[0]}`);
      works.push(
        this.book('classic', 'vie', {
          title,
          subtitle: undefined,
          authors: [person],
          year,
          publisher,
        }),
      );
    }
    works.push(
      this.book('translation', 'eng', {
        title: english,
        authors: [person],
        translator: englishPerson(this.rng),
      }),
    );
    return works;
  }

  /** A serial: ISSN, no author, catalogued once per library. */
  serial(index: number): Work[] {
    const [title, publisherName] = V.SERIALS[index % V.SERIALS.length];
    const publisher: V.PublisherForms = { names: [publisherName], place: 'Hà Nội', isbnPrefix: '' };
    return [
      this.book('serial', title.startsWith('T') ? 'vie' : 'eng', {
        type: 'journal',
        title,
        subtitle: undefined,
        authors: [],
        year: between(this.rng, 1960, 2005),
        publisher,
        pages: 0,
        isbn: undefined,
        lccn: undefined,
        oclc: undefined,
        issn: this.issn(),
      }),
    ];
  }

  /** A thesis: deposited in a university repository and catalogued by the national library. */
  thesis(): Work[] {
    return [
      this.book('thesis', 'vie', {
        type: 'thesis',
        isbn: undefined,
        authors: [vietnamesePerson(this.rng)],
      }),
    ];
  }

  /** Two unrelated books a publisher printed with the same ISBN. */
  reusedIsbn(): Work[] {
    const first = this.book('reused-isbn', 'vie');
    const isbn = first.isbn ?? this.isbn(first.publisher);
    return [
      { ...first, isbn },
      this.book('reused-isbn', 'vie', { publisher: first.publisher, isbn }),
    ];
  }
}

/** What a related work copies of another: not its label, family or identifiers (each work has its own). */
function stripIdentity(work: Work): Partial<Work> {
  const {
    label: _l,
    family: _f,
    isbn: _i,
    setIsbn: _s,
    issn: _n,
    lccn: _c,
    oclc: _o,
    ...rest
  } = work;
  return rest;
}
