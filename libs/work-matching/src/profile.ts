import type { NormalizedRecord, ResourceType } from '@hop-luu/records';
import { nameForm, type NameForm } from './names';
import { editionNumber, pageCount, publisherForm, type PublisherForm } from './publication';
import { titleForms, wordsOf } from './title';

/** Bumped when the profile's content changes: stored profiles of an older version must be rebuilt (re-cluster). */
export const PROFILE_VERSION = 4;

/**
 * What matching needs of one record, computed once (folded forms, parsed names) so `judge`
 * stays cheap; plain JSON (stored as jsonb by libs/works).
 */
export interface MatchProfile {
  readonly recordId: string;
  readonly sourceId: string;
  /** `PROFILE_VERSION` it was built with. */
  readonly version: number;
  /**
   * Identifiers that name one publication, prefixed: 'isbn:978…' (not for articles: theirs
   * names the journal), 'issn:…' (serials only), 'doi:…', 'lccn:…', 'oclc:…', 'nbn:…', 'nbd:…'.
   */
  readonly ids: readonly string[];
  /** Title as catalogued, for evidence and the untrusted-identifier list. */
  readonly shownTitle: string;
  /** Folded title proper without punctuation, leading article or volume: 'lich su viet nam'. */
  readonly title: string;
  /** Folded subtitle ('' when none). */
  readonly subtitle: string;
  /**
   * The title before a separator a catalogue left in it ('Economics of Saigon: a social
   * history', 'Địa lý Hội An - sổ tay tra cứu' as one dc:title) → 'economics of saigon'; '' when none.
   */
  readonly titleHead: string;
  /** Words of title and subtitle in alphabetical order, run together: the same words in another order ('Kinh tế vi mô : giáo trình' / 'Giáo trình kinh tế vi mô') agree. */
  readonly sortedWords: string;
  /** Folded other titles (parallel, uniform, translated), at most 3. */
  readonly otherTitles: readonly string[];
  /** Volume or part number named in the title ('2'). */
  readonly volume?: string;
  /** Other numbers of the title, sorted ('1945 1975'), '' when none. */
  readonly numbers: string;
  /** Creators then contributors, at most 6 names. */
  readonly names: readonly NameForm[];
  /** How many of `names` are creators. */
  readonly creatorCount: number;
  readonly year?: number;
  /** Edition number (a 'Tái bản lần thứ 2' is edition 3), when the statement gives one. */
  readonly edition?: number;
  /** Edition statement as catalogued, for evidence. */
  readonly editionShown?: string;
  readonly type: ResourceType;
  readonly pages?: number;
  /** The publisher's distinguishing words and initials. */
  readonly publisher: PublisherForm;
  /** ISO 639-3 codes. */
  readonly languages: readonly string[];
}

const MAX_NAMES = 6;
const MAX_OTHER_TITLES = 3;
const MAX_IDS = 8;
const MAX_TITLE_CHARS = 160;

/** The profile of a normalised record. */
export function profileOf(record: NormalizedRecord): MatchProfile {
  const forms = titleForms(
    record.title.slice(0, MAX_TITLE_CHARS),
    record.subtitle?.slice(0, MAX_TITLE_CHARS),
    record.languages,
  );
  const creators = record.creators.flatMap((agent) => splitNames(agent.name));
  const contributors = record.contributors.flatMap((agent) => splitNames(agent.name));
  const names = [...creators, ...contributors].slice(0, MAX_NAMES);
  const edition = editionNumber(record.edition);
  const pages = pageCount(record.physicalDescription);
  // Optional fields are left out rather than undefined, so profiles serialise and compare cleanly.
  return {
    recordId: record.id,
    sourceId: record.sourceId,
    version: PROFILE_VERSION,
    ids: identifiersOf(record),
    shownTitle: record.title,
    title: forms.title,
    subtitle: forms.subtitle,
    titleHead: titleHead(record.title, record.languages, forms.title),
    sortedWords: `${forms.title} ${forms.subtitle}`.split(' ').filter(Boolean).sort().join(''),
    otherTitles: record.otherTitles
      .slice(0, MAX_OTHER_TITLES)
      .map((t) => wordsOf(t.slice(0, MAX_TITLE_CHARS)).join(' ')),
    numbers: forms.numbers,
    names: names.map(nameForm),
    creatorCount: Math.min(creators.length, MAX_NAMES),
    type: record.type,
    publisher: publisherForm(record.publisher),
    languages: record.languages,
    ...(forms.volume !== undefined && { volume: forms.volume }),
    ...(record.year !== undefined && { year: record.year }),
    ...(edition !== undefined && { edition }),
    ...(record.edition !== undefined && { editionShown: record.edition }),
    ...(pages !== undefined && { pages }),
  };
}

/** One dc:creator holding several names ('Nguyễn Văn An ; Trần Thị Bình'). */
function splitNames(name: string): string[] {
  return name
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
}

const SEPARATOR = /\s*[:=/;]\s*|\s+[-–—]\s+/;

function titleHead(title: string, languages: readonly string[], whole: string): string {
  const head = title.split(SEPARATOR)[0];
  if (head === title) return '';
  const forms = titleForms(head, undefined, languages);
  return forms.title !== whole && forms.title.includes(' ') ? forms.title : '';
}

function identifiersOf(record: NormalizedRecord): string[] {
  const ids = record.identifiers;
  const out: string[] = [];
  if (record.type !== 'article') out.push(...ids.isbn.map((isbn) => `isbn:${isbn}`));
  if (record.type === 'journal') out.push(...ids.issn.map((issn) => `issn:${issn}`));
  out.push(...ids.doi.map((doi) => `doi:${doi.toLowerCase()}`));
  out.push(...ids.other);
  return [...new Set(out)].slice(0, MAX_IDS);
}
