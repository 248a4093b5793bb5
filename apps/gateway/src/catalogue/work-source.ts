import type { DisplayDocument, HoldingFilters, WorkHolding } from '@hop-luu/search-index';
import type { CatalogueRecordType, Holding } from './record.types';

/*
 * What a works page fetches of each work document: only the parts of its representative and
 * holdings the query selects. A whole representative with every holding was about 28 KB of
 * answer per page against 9 KB for what a typical query shows; Elasticsearch writes less and
 * the gateway parses less. Every GraphQL field is listed (the compiler checks), so a new one
 * cannot be served from a part that was not fetched.
 */

type DisplayField = keyof DisplayDocument;

/** The representative's source fields each record field is made from (record.mapper.ts). */
const RECORD_SOURCES: Record<keyof CatalogueRecordType, readonly DisplayField[]> = {
  id: ['id'],
  title: ['title'],
  subtitle: ['subtitle'],
  creators: ['creators'],
  contributors: ['contributors'],
  subjects: ['subjects'],
  description: ['description'],
  publisher: ['publisher'],
  place: ['place'],
  year: ['year'],
  edition: ['edition'],
  languages: ['languages'],
  type: ['type'],
  isbn: ['isbn'],
  issn: ['issn'],
  doi: ['doi'],
  format: ['format'],
  datestamp: ['datestamp'],
  heldBy: ['sourceId', 'library', 'holdings', 'oaiIdentifier', 'links'],
  work: ['work'],
  cluster: ['work'],
  highlights: ['title', 'creators', 'subjects', 'description'],
};

/** A holding's source fields each Holding field is made from (holdingOfWork). */
const HOLDING_SOURCES: Record<keyof Holding, readonly string[]> = {
  sourceId: ['sourceId'],
  libraryName: ['library.name'],
  libraryKind: ['library.kind'],
  province: ['library.province'],
  callNumber: ['callNumber'],
  location: ['location'],
  oaiIdentifier: ['oaiIdentifier'],
  link: ['link'],
};

const sourcesOf = <K extends string>(
  table: Record<K, readonly string[]>,
  selected: readonly string[],
): string[] =>
  (Object.keys(table) as K[])
    .filter((name) => selected.includes(name))
    .flatMap((name) => table[name]);

/** What a works page shows of each work: the fields selected in its representative and holdings. */
export interface WorkSelection {
  readonly representative: readonly string[];
  /** Undefined when neither holdings nor holdingsCount is selected. */
  readonly holdings?: readonly string[];
}

/** The `_source` paths a works search fetches for `selection` under `filters`. */
export function workSourceIncludes(
  selection: WorkSelection,
  filters: HoldingFilters | undefined,
): string[] {
  const representative = sourcesOf(RECORD_SOURCES, selection.representative).map(
    (field) => `representative.${field}`,
  );
  const includes = ['id', ...representative];
  if (selection.holdings) {
    // Every holding has a record id: fetched always, so holdingsCount counts every holding.
    const holding = ['recordId', ...sourcesOf(HOLDING_SOURCES, selection.holdings)];
    // The library filters narrow the holdings shown (holdingsPassing) by these.
    if (filters?.sourceIds?.length) holding.push('sourceId');
    if (filters?.libraryKinds?.length) holding.push('library.kind');
    if (filters?.provinces?.length) holding.push('library.province');
    includes.push(...new Set(holding.map((field) => `holdings.${field}`)));
  }
  return [...new Set(includes)];
}

/*
 * Fields a page did not fetch get empty values, so the mappers run unchanged; GraphQL never
 * shows them, since only the selected fields (all fetched) are resolved.
 */
const EMPTY_LIBRARY = { name: '', kind: '', province: null };

const EMPTY_DISPLAY: DisplayDocument = {
  id: '',
  sourceId: '',
  oaiIdentifier: '',
  format: '',
  library: EMPTY_LIBRARY,
  title: '',
  otherTitles: [],
  creators: [],
  contributors: [],
  subjects: [],
  languages: [],
  type: '',
  series: [],
  isbn: [],
  issn: [],
  doi: [],
  identifiers: [],
  classification: { ddc: [], udc: [], lcc: [] },
  links: { fullText: [] },
  holdings: [],
  rights: [],
  datestamp: '',
  setSpecs: [],
  work: { id: '', rule: '', facts: [] },
  indexedAt: '',
};

export function displayFetched(fetched: Partial<DisplayDocument> | undefined): DisplayDocument {
  return { ...EMPTY_DISPLAY, ...fetched };
}

export function holdingFetched(fetched: Partial<WorkHolding>): WorkHolding {
  return {
    sourceId: '',
    recordId: '',
    oaiIdentifier: '',
    ...fetched,
    library: { ...EMPTY_LIBRARY, ...fetched.library },
  };
}
