/**
 * What bench:search asks the gateway: the two GraphQL operations (works and records, three
 * facets each) and a rotating set of realistic searches grouped by kind, so latency can be
 * reported per kind of query.
 */
import { Client } from '@elastic/elasticsearch';
import { foldText } from '@hop-luu/records';
import type { CatalogueDocument } from '@hop-luu/search-index';
import { PLACES_EN, PLACES_VI, TOPICS_EN, TOPICS_VI } from '@hop-luu/oai-test-provider/vocabulary';
import { seededRandom } from './records-generate';

export const WORKS_QUERY = `query($q:String,$f:SearchFilters){ search(query:$q, filters:$f, first:20){ totalCount works{ id holdingsCount representative{ title creators year } holdings{ libraryName callNumber } } facets{ languages{value count} types{value count} libraryKinds{value count} } pageInfo{ endCursor hasNextPage } } }`;

export const RECORDS_QUERY = `query($q:String,$f:SearchFilters){ searchRecords(query:$q, filters:$f, first:20){ totalCount records{ id title creators year heldBy{ libraryName callNumber } } facets{ languages{value count} types{value count} libraryKinds{value count} } pageInfo{ endCursor hasNextPage } } }`;

export interface SearchFiltersInput {
  libraryKinds?: string[];
  provinces?: string[];
  languages?: string[];
  types?: string[];
  yearFrom?: number;
  yearTo?: number;
}

export interface SearchVariables {
  q?: string;
  f?: SearchFiltersInput;
}

export interface QueryKind {
  readonly name: string;
  /** The searches one connection cycles through. */
  readonly variants: readonly SearchVariables[];
  /**
   * Each connection of this kind gets its own share of the variants, so no search is sent
   * twice in a run: nothing can be answered from a cache.
   */
  readonly neverRepeated?: boolean;
}

/** Kinds whose words come from the generator's vocabulary, so they match like real searches do. */
const FIXED_KINDS: QueryKind[] = [
  {
    name: 'vi, diacritics',
    variants: [
      { q: 'lịch sử Việt Nam' },
      { q: 'văn hóa Huế' },
      { q: 'Truyện Kiều' },
      { q: 'y học cổ truyền' },
      { q: 'kiến trúc Hội An' },
    ],
  },
  {
    name: 'vi, no diacritics',
    variants: [
      { q: 'lich su viet nam' },
      { q: 'van hoa hue' },
      { q: 'truyen kieu' },
      { q: 'nong nghiep tay nguyen' },
      { q: 'am thuc sai gon' },
    ],
  },
  {
    name: 'english',
    variants: [
      { q: 'history of Vietnam' },
      { q: 'the Mekong Delta agriculture' },
      { q: 'introduction to algorithms' },
      { q: 'linguistics Southeast Asia' },
      { q: 'culture Hanoi past and present' },
    ],
  },
  {
    name: 'author / fielded',
    variants: [
      { q: 'Bảo Ninh' },
      { q: 'author:"Nguyễn Du"' },
      { q: 'title:"Số đỏ"' },
      { q: 'Marr, David' },
      { q: 'subject:"kinh tế" Đà Nẵng' },
    ],
  },
  {
    name: 'query + filter',
    variants: [
      { q: 'giáo dục', f: { libraryKinds: ['university'], languages: ['vie'] } },
      { q: 'lich su', f: { provinces: ['Hà Nội'], yearFrom: 2000 } },
      { q: 'economics', f: { types: ['thesis'] } },
      { q: 'môi trường', f: { provinces: ['Đà Nẵng', 'Huế'] } },
      { q: 'dân tộc học', f: { libraryKinds: ['special'], yearFrom: 1990, yearTo: 2010 } },
    ],
  },
  {
    name: 'browse (filter only)',
    variants: [
      { f: { provinces: ['Nghệ An'] } },
      { f: { libraryKinds: ['special'], languages: ['eng'] } },
      { f: { types: ['map'] } },
      { f: { provinces: ['Huế'], yearFrom: 2015 } },
      { f: { libraryKinds: ['other'] } },
    ],
  },
];

/** One ISBN held by `sourceId`, picked past its famous-works head (its first 120 records). */
async function isbnOf(client: Client, alias: string, sourceId: string): Promise<string> {
  const response = await client.search<CatalogueDocument>({
    index: alias,
    from: 150,
    size: 1,
    sort: [{ id: 'asc' }],
    query: { bool: { filter: [{ term: { sourceId } }, { exists: { field: 'isbn' } }] } },
    _source: ['isbn'],
  });
  const isbn = response.hits.hits[0]?._source?.isbn[0];
  if (!isbn) throw new Error(`no record with an ISBN from ${sourceId} in ${alias}`);
  return isbn;
}

/** ISBNs that really are in the index, typed the ways people type them: plain, hyphenated, ISBN-10. */
async function sampleIsbns(client: Client, alias: string): Promise<string[]> {
  const [a, b, c, d] = await Promise.all(
    ['nlv', 'hcmlib', 'ctu', 'vass'].map((source) => isbnOf(client, alias, source)),
  );
  const hyphenated = `${b.slice(0, 3)}-${b.slice(3, 6)}-${b.slice(6, 12)}-${b.slice(12)}`;
  return [a, hyphenated, c.startsWith('978') ? isbn10(c) : c, d];
}

function isbn10(isbn13: string): string {
  const body = isbn13.slice(3, 12);
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return body + (check === 10 ? 'X' : String(check));
}

const pick = <T>(items: readonly T[], rnd: () => number): T =>
  items[Math.floor(rnd() * items.length)];

/**
 * The long tail of a search log: a topic and a place, Vietnamese with or without diacritics or
 * English, from a year on, sometimes in one language. `count` distinct searches.
 */
function longTail(count: number): QueryKind {
  const rnd = seededRandom(7);
  const seen = new Map<string, SearchVariables>();
  while (seen.size < count) {
    const english = rnd() < 0.3;
    let q = english
      ? `${pick(TOPICS_EN, rnd)} ${pick(PLACES_EN, rnd)}`
      : `${pick(TOPICS_VI, rnd)} ${pick(PLACES_VI, rnd)}`;
    if (!english && rnd() < 0.5) q = foldText(q).toLowerCase();
    const f: SearchFiltersInput = { yearFrom: 1950 + Math.floor(rnd() * 71) };
    if (rnd() < 0.3) f.languages = [english ? 'eng' : 'vie'];
    const variables = { q, f };
    seen.set(JSON.stringify(variables), variables);
  }
  return { name: 'long tail (never twice)', variants: [...seen.values()], neverRepeated: true };
}

/** Distinct long-tail searches: enough that no connection runs out in a run. */
const LONG_TAIL_SEARCHES = 20_000;

export async function queryKinds(client: Client, alias: string): Promise<QueryKind[]> {
  const isbns = await sampleIsbns(client, alias);
  return [
    ...FIXED_KINDS.slice(0, 3),
    { name: 'isbn', variants: isbns.map((q) => ({ q })) },
    ...FIXED_KINDS.slice(3),
    longTail(LONG_TAIL_SEARCHES),
  ];
}

export function requestBody(operation: string, variables: SearchVariables): string {
  return JSON.stringify({ query: operation, variables });
}
