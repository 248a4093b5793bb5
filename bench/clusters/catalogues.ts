/**
 * How several kinds of library catalogue the same work: the national library, university
 * Koha catalogues, provincial libraries (some with TCVN3/VNI legacy text), a DSpace repository,
 * a special library without diacritics, English-language libraries. Each habit is a
 * probability, drawn from the seeded generator, so every run writes the same records.
 */
import { isbn10From13 } from '@hop-luu/records';
import { encodeTcvn3, encodeVni } from '../../libs/records/src/testing/legacy-encode';
import { chance, pick, type Person, type Rng, type Work } from './works';
import { dcRecord, field008, marcRecord, type MarcField } from './xml';

export interface Library {
  readonly id: string;
  readonly format: 'marc21' | 'oai_dc';
  readonly languages: readonly ('vie' | 'eng')[];
  /** Chance of recording the book's ISBN when it has one. */
  readonly isbn: number;
  /** Chance of writing a title or name in a legacy encoding (TCVN3 or VNI). */
  readonly legacy: number;
  /** Chance of writing a record without diacritics. */
  readonly noDiacritics: number;
  /** Chance of leaving the subtitle out. */
  readonly dropSubtitle: number;
  /** Chance of giving the page count. */
  readonly pages: number;
  /** Which publisher form it writes (index into PublisherForms.names). */
  readonly publisherForm: number;
  /** Name order: 'inverted' (Family, Given), 'direct', or either. */
  readonly names: 'inverted' | 'direct' | 'mixed';
}

export const LIBRARIES: readonly Library[] = [
  {
    id: 'nlv',
    format: 'marc21',
    languages: ['vie', 'eng'],
    isbn: 0.95,
    legacy: 0,
    noDiacritics: 0,
    dropSubtitle: 0.1,
    pages: 0.95,
    publisherForm: 0,
    names: 'direct',
  },
  {
    id: 'koha-vnu',
    format: 'marc21',
    languages: ['vie', 'eng'],
    isbn: 0.85,
    legacy: 0,
    noDiacritics: 0,
    dropSubtitle: 0.3,
    pages: 0.85,
    publisherForm: 1,
    names: 'inverted',
  },
  {
    id: 'tv-nghe-an',
    format: 'marc21',
    languages: ['vie'],
    isbn: 0.4,
    legacy: 0.35,
    noDiacritics: 0,
    dropSubtitle: 0.4,
    pages: 0.7,
    publisherForm: 1,
    names: 'mixed',
  },
  {
    id: 'tv-thai-binh',
    format: 'marc21',
    languages: ['vie'],
    isbn: 0.3,
    legacy: 0.1,
    noDiacritics: 0.05,
    dropSubtitle: 0.5,
    pages: 0.6,
    publisherForm: 2,
    names: 'direct',
  },
  {
    id: 'dspace-hue',
    format: 'oai_dc',
    languages: ['vie', 'eng'],
    isbn: 0.5,
    legacy: 0,
    noDiacritics: 0,
    dropSubtitle: 0.2,
    pages: 0.5,
    publisherForm: 2,
    names: 'mixed',
  },
  {
    id: 'dl-special',
    format: 'oai_dc',
    languages: ['vie', 'eng'],
    isbn: 0.2,
    legacy: 0.15,
    noDiacritics: 0.4,
    dropSubtitle: 0.5,
    pages: 0.3,
    publisherForm: 1,
    names: 'direct',
  },
  {
    id: 'lib-en-lc',
    format: 'marc21',
    languages: ['eng'],
    isbn: 0.95,
    legacy: 0,
    noDiacritics: 0,
    dropSubtitle: 0.05,
    pages: 0.95,
    publisherForm: 0,
    names: 'inverted',
  },
  {
    id: 'uni-en-dc',
    format: 'oai_dc',
    languages: ['eng'],
    isbn: 0.7,
    legacy: 0,
    noDiacritics: 0,
    dropSubtitle: 0.3,
    pages: 0.4,
    publisherForm: 1,
    names: 'mixed',
  },
];

/** One catalogued record with its true work. */
export interface LabelledRecord {
  readonly work: string;
  readonly family: string;
  readonly sourceId: string;
  readonly oaiIdentifier: string;
  readonly metadataPrefix: 'marc21' | 'oai_dc';
  readonly xml: string;
}

const VI_ORDINAL_WORDS = ['nhất', 'hai', 'ba', 'tư', 'năm'];
const EN_ORDINALS = ['1st', '2nd', '3rd', '4th', '5th'];
const EN_ORDINAL_WORDS = ['First', 'Second', 'Third', 'Fourth', 'Fifth'];

/** What one library writes for one work. */
export class Cataloguer {
  private readonly legacyKind: 'tcvn3' | 'vni' | undefined;
  private readonly plain: boolean;

  constructor(
    private readonly rng: Rng,
    private readonly library: Library,
    private readonly work: Work,
  ) {
    this.legacyKind = chance(rng, library.legacy)
      ? chance(rng, 0.6)
        ? 'tcvn3'
        : 'vni'
      : undefined;
    this.plain = chance(rng, library.noDiacritics);
  }

  record(oaiIdentifier: string): LabelledRecord {
    const xml = this.library.format === 'marc21' ? this.marc() : this.dc();
    return {
      work: this.work.label,
      family: this.work.family,
      sourceId: this.library.id,
      oaiIdentifier,
      metadataPrefix: this.library.format,
      xml,
    };
  }

  /** Text as this record spells it: without diacritics, or in a legacy encoding. */
  private spell(text: string, legacy = false): string {
    if (this.plain) return stripDiacritics(text);
    if (legacy && this.legacyKind === 'tcvn3') return encodeTcvn3(text) ?? text;
    if (legacy && this.legacyKind === 'vni') return encodeVni(text);
    return text;
  }

  private title(): string {
    let title = this.work.title;
    if (chance(this.rng, 0.04)) title = typo(this.rng, title);
    if (this.work.language === 'eng' && title.startsWith('The ') && chance(this.rng, 0.25))
      title = title.slice(4, 5).toUpperCase() + title.slice(5);
    if (title.includes(' và ') && chance(this.rng, 0.15)) title = title.replace(' và ', ' & ');
    if (chance(this.rng, 0.03)) title = title.toUpperCase();
    return title;
  }

  private subtitle(): string | undefined {
    if (!this.work.subtitle || chance(this.rng, this.library.dropSubtitle)) return undefined;
    return this.work.subtitle;
  }

  private volumeWords(): string | undefined {
    const v = this.work.volume;
    if (v === undefined) return undefined;
    if (this.work.language === 'eng')
      return pick(this.rng, [`Vol. ${v}`, `Volume ${v}`, `v. ${v}`]);
    return pick(this.rng, [`Tập ${v}`, `T. ${v}`, `Tập ${['I', 'II', 'III', 'IV'][v - 1]}`]);
  }

  private name(person: Person): string {
    const style =
      this.library.names === 'mixed'
        ? chance(this.rng, 0.5)
          ? 'inverted'
          : 'direct'
        : this.library.names;
    if (person.vietnamese) {
      const given = [person.middle, person.given].filter(Boolean).join(' ');
      // English catalogues sometimes take the last word for the family name: 'Khoả, Nguyễn Văn'.
      if (this.work.language === 'eng' && chance(this.rng, 0.2))
        return `${person.given}, ${[person.family, person.middle].filter(Boolean).join(' ')}`;
      return style === 'inverted' ? `${person.family}, ${given}` : `${person.family} ${given}`;
    }
    const initials = chance(this.rng, 0.3);
    const given = initials ? `${person.given[0]}.` : person.given;
    const full = [given, person.middle].filter(Boolean).join(' ');
    return style === 'inverted' ? `${person.family}, ${full}` : `${full} ${person.family}`;
  }

  private edition(): string | undefined {
    const e = this.work.edition;
    if (this.library.format === 'oai_dc') return undefined;
    if (e === 1) {
      if (!chance(this.rng, 0.1)) return undefined;
      return this.work.language === 'vie' ? 'Xuất bản lần thứ nhất' : '1st ed.';
    }
    if (this.work.language === 'eng')
      return pick(this.rng, [
        `${EN_ORDINALS[e - 1]} ed.`,
        `${EN_ORDINAL_WORDS[e - 1]} edition`,
        `${EN_ORDINALS[e - 1]} edition, revised`,
      ]);
    return pick(this.rng, [
      `Tái bản lần thứ ${e - 1}`,
      `Xuất bản lần thứ ${e}`,
      `Tái bản lần ${e - 1}, có sửa chữa, bổ sung`,
      `Tái bản lần thứ ${VI_ORDINAL_WORDS[e - 2]}`,
    ]);
  }

  private pages(): number | undefined {
    if (this.work.pages === 0 || !chance(this.rng, this.library.pages)) return undefined;
    return this.work.pages + (chance(this.rng, 0.15) ? Math.floor(this.rng() * 7) - 3 : 0);
  }

  private isbns(): string[] {
    const w = this.work;
    const out: string[] = [];
    if (w.isbn && chance(this.rng, this.library.isbn)) out.push(isbnForm(this.rng, w.isbn));
    if (
      w.setIsbn &&
      (out.length === 0 || chance(this.rng, 0.5)) &&
      chance(this.rng, this.library.isbn)
    )
      out.push(`${isbnForm(this.rng, w.setIsbn)} (trọn bộ)`);
    return out;
  }

  private year(): string | undefined {
    const y = this.work.year;
    if (this.library.format === 'oai_dc')
      return chance(this.rng, 0.05) ? undefined : pick(this.rng, [`${y}`, `${y}`, `${y}-01-01`]);
    return pick(this.rng, [`${y}`, `c${y}`, `[${y}]`, `${y}.`]);
  }

  private publisher(): string | undefined {
    const names = this.work.publisher.names;
    const form = names[Math.min(this.library.publisherForm, names.length - 1)];
    if (chance(this.rng, 0.08)) return undefined;
    const partner = this.work.partner;
    if (!partner) return form;
    // A catalogue may name the book company only, or both.
    return pick(this.rng, [form, partner, `${form} ; ${partner}`]);
  }

  private marc(): string {
    const w = this.work;
    const subtitle = this.subtitle();
    const volume = this.volumeWords();
    const names = w.authors.map((p) => this.spell(this.name(p), true));
    const editorOnly = w.language === 'vie' && names.length > 0 && chance(this.rng, 0.1);
    const pages = this.pages();
    const unit = w.language === 'vie' ? 'tr.' : chance(this.rng, 0.5) ? 'pages' : 'p.';
    const fields: MarcField[] = [
      ...(w.lccn && this.library.id === 'lib-en-lc'
        ? [{ tag: '010', subfields: [['a', `  ${w.lccn} `]] } as const]
        : []),
      ...this.isbns().map((isbn) => ({ tag: '020', subfields: [['a', isbn]] }) as const),
      ...(w.issn ? [{ tag: '022', subfields: [['a', w.issn]] } as const] : []),
      ...(w.oclc && (this.library.id === 'lib-en-lc' || chance(this.rng, 0.4))
        ? [
            {
              tag: '035',
              subfields: [['a', `(OCoLC)${chance(this.rng, 0.5) ? 'ocm' : ''}${w.oclc}`]],
            } as const,
          ]
        : []),
      { tag: '041', subfields: [['a', w.language]] },
      ...(names[0] && !editorOnly
        ? [{ tag: '100', ind1: '1', subfields: [['a', names[0]]] } as const]
        : []),
      {
        tag: '245',
        ind1: '1',
        ind2: w.language === 'eng' && /^The /i.test(this.work.title) ? '4' : '0',
        subfields: [
          ['a', this.spell(this.title(), true) + (subtitle ? ' :' : volume ? '.' : '')],
          ['n', volume],
          ['b', subtitle && this.spell(subtitle, true)],
          ['c', names.length > 0 ? names.join(', ') : undefined],
        ],
      },
      { tag: '250', subfields: [['a', this.edition()]] },
      {
        tag: this.library.id === 'lib-en-lc' ? '264' : '260',
        ind2: this.library.id === 'lib-en-lc' ? '1' : ' ',
        subfields: [
          ['a', `${w.publisher.place} :`],
          ['b', this.spell(this.publisher() ?? '')],
          ['c', this.year()],
        ],
      },
      {
        tag: '300',
        subfields: [
          ['a', pages ? `${chance(this.rng, 0.2) ? 'xii, ' : ''}${pages} ${unit}` : undefined],
          ['c', pages ? '21 cm' : undefined],
        ],
      },
      ...(w.type === 'thesis'
        ? [
            {
              tag: '502',
              subfields: [
                ['a', `Luận án Tiến sĩ -- Trường Đại học Khoa học Xã hội và Nhân văn, ${w.year}`],
              ],
            } as const,
          ]
        : []),
      ...(editorOnly
        ? [
            {
              tag: '700',
              ind1: '1',
              subfields: [
                ['a', names[0]],
                ['e', 'chủ biên'],
              ],
            } as const,
          ]
        : []),
      ...names.slice(1).map((n) => ({ tag: '700', ind1: '1', subfields: [['a', n]] }) as const),
      ...(w.translator
        ? [
            {
              tag: '700',
              ind1: '1',
              subfields: [
                ['a', this.name(w.translator)],
                ['e', 'translator'],
              ],
            } as const,
          ]
        : []),
    ];
    const leader = w.type === 'journal' ? '00000nas a2200000 a 4500' : '00000nam a2200000 a 4500';
    return marcRecord(
      leader,
      field008(w.type === 'journal' ? undefined : w.year, w.language, w.type === 'thesis'),
      fields,
    );
  }

  private dc(): string {
    const w = this.work;
    const subtitle = this.subtitle();
    const volume = this.volumeWords();
    let whole = this.title();
    if (volume)
      whole += pick(this.rng, [`. ${volume}`, ` : ${volume.toLowerCase()}`, `, ${volume}`]);
    if (subtitle) whole += pick(this.rng, [' : ', ' - ', ': ']) + subtitle;
    // One dc:title, one encoding: a legacy system wrote the whole value.
    const title = this.spell(whole, true);
    const pages = this.pages();
    const dropAuthor = chance(this.rng, 0.04);
    const type =
      w.type === 'thesis'
        ? pick(this.rng, ['Thesis', 'Luận án'])
        : w.type === 'journal'
          ? 'Journal'
          : pick(this.rng, ['Book', 'Text', 'Sách']);
    return dcRecord([
      ['title', title],
      ...(dropAuthor
        ? []
        : w.authors.map((p) => ['creator', this.spell(this.name(p), true)] as const)),
      ...(w.translator
        ? [['contributor', `${this.name(w.translator)} (translator)`] as const]
        : []),
      ['publisher', this.spell(this.publisher() ?? '')],
      ['date', w.type === 'journal' ? undefined : this.year()],
      ['type', type],
      ['format', pages ? `${pages} ${w.language === 'vie' ? 'tr.' : 'p.'}` : undefined],
      ...this.isbns().map((isbn) => ['identifier', `ISBN ${isbn}`] as const),
      ...(w.issn ? [['identifier', `ISSN ${w.issn}`] as const] : []),
      [
        'language',
        w.language === 'vie' ? pick(this.rng, ['vi', 'vie']) : pick(this.rng, ['en', 'eng']),
      ],
    ]);
  }
}

/** ISBN-13 or ISBN-10, with or without hyphens. */
function isbnForm(rng: Rng, isbn13: string): string {
  const ten = isbn10From13(isbn13);
  const value = ten && chance(rng, 0.35) ? ten : isbn13;
  if (!chance(rng, 0.4)) return value;
  return value.length === 13
    ? `${value.slice(0, 3)}-${value.slice(3, 6)}-${value.slice(6, 9)}-${value.slice(9, 12)}-${value.slice(12)}`
    : `${value.slice(0, 3)}-${value.slice(3, 6)}-${value.slice(6, 9)}-${value.slice(9)}`;
}

/** One character dropped or doubled in a word after the first (a cataloguer's slip). */
function typo(rng: Rng, title: string): string {
  const words = title.split(' ');
  if (words.length < 3) return title;
  const i = 1 + Math.floor(rng() * (words.length - 1));
  const w = words[i];
  if (w.length < 4) return title;
  const at = 1 + Math.floor(rng() * (w.length - 2));
  words[i] = chance(rng, 0.5)
    ? w.slice(0, at) + w.slice(at + 1)
    : w.slice(0, at) + w[at] + w.slice(at);
  return words.join(' ');
}

function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
