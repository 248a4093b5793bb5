import type { NormalizedRecord } from '@hop-luu/records';
import type { CatalogueDocument, LibraryInfo } from '../catalogue/catalogue-document';
import { holdingKeysOf } from './holding-keys';
import { facetSetKey } from '../query/facet-sets';

/** One member record of a work as a library holds it: who, where on the shelf, and a link. */
export interface WorkHolding {
  sourceId: string;
  recordId: string;
  oaiIdentifier: string;
  library: LibraryInfo;
  callNumber?: string;
  location?: string;
  link?: string;
}

/** A record as the API shows it: the catalogue document without its search-only copies. */
export type DisplayDocument = Omit<
  CatalogueDocument,
  'search' | 'suggest' | 'titleSort' | 'warnings' | 'quality'
>;

type SearchForms = NormalizedRecord['search'];

/** Every search form of every member, each distinct value once. */
export type WorkSearchForms = { [K in keyof SearchForms]: string[] };

/** What the works index stores for one work (its mapping: works-mapping.ts). */
export interface WorkDocument {
  id: string;
  /** The member shown for the work (the most complete record, ties to the smallest id). */
  representativeId: string;
  title: string;
  creators: string[];
  /** Every member's year: a year filter finds the work by any of them. */
  years: number[];
  languages: string[];
  types: string[];
  subjects: string[];
  identifiers: string[];
  search: WorkSearchForms;
  titleSort: string;
  /** Where the work is held, one entry per member record. */
  holdings: WorkHolding[];
  /** The holdings' combinations of source, kind and province (holding-keys.ts). */
  holdingCombos: string[];
  /** Each combination with how many holdings have it: 'k=university|p=Huế×2'. */
  holdingTallies: string[];
  /** The holdings' sources, kinds of library and provinces, for facets counting works. */
  sourceIds: string[];
  libraryKinds: string[];
  provinces: string[];
  recordCount: number;
  /** Its languages, types and kinds of library, each set as one value: facets counted cheaply (WORK_FACET_SETS). */
  facetSets: { languages: string; types: string; libraryKinds: string };
  /** The representative as the API shows it (stored, not indexed). */
  representative: DisplayDocument;
  indexedAt: string;
}

/**
 * The member shown for a work: the record with the most measured fields present (title,
 * creator, year, ISBN/ISSN, subject, language), then with a description, then the smallest id,
 * so the choice does not depend on the order members arrive in.
 */
export function representativeOf(members: readonly CatalogueDocument[]): CatalogueDocument {
  const completeness = (doc: CatalogueDocument) =>
    doc.quality.present.length * 2 + (doc.description ? 1 : 0);
  return [...members].sort(
    (a, b) => completeness(b) - completeness(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0];
}

const distinct = <T>(values: Iterable<T>): T[] => [...new Set(values)];

function mergedForms(members: readonly CatalogueDocument[]): WorkSearchForms {
  const keys = Object.keys(members[0].search) as (keyof SearchForms)[];
  return Object.fromEntries(
    keys.map((key) => [
      key,
      distinct(members.flatMap((doc) => doc.search[key])).filter((value) => value !== ''),
    ]),
  ) as WorkSearchForms;
}

function holdingOf(doc: CatalogueDocument): WorkHolding {
  const held = doc.holdings[0];
  return {
    sourceId: doc.sourceId,
    recordId: doc.id,
    oaiIdentifier: doc.oaiIdentifier,
    library: doc.library,
    callNumber: held?.callNumber,
    location: held?.location,
    link: doc.links.fullText[0],
  };
}

/** Holdings by kind of library, then record id (national libraries first, as before). */
function byLibrary(a: WorkHolding, b: WorkHolding): number {
  const kind = a.library.kind.localeCompare(b.library.kind);
  return kind || (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0);
}

function displayOf(doc: CatalogueDocument): DisplayDocument {
  const {
    search: _search,
    suggest: _suggest,
    titleSort: _titleSort,
    warnings: _warnings,
    quality: _quality,
    ...shown
  } = doc;
  return shown;
}

/** The work document of `workId` from its member records (at least one). */
export function toWorkDocument(
  workId: string,
  members: readonly CatalogueDocument[],
  now = new Date(),
): WorkDocument {
  if (members.length === 0) throw new Error(`work ${workId} has no members to build it from`);
  const representative = representativeOf(members);
  const holdings = members.map(holdingOf).sort(byLibrary);
  const languages = distinct(members.flatMap((doc) => doc.languages));
  const types = distinct(members.map((doc) => doc.type));
  const libraryKinds = distinct(holdings.map((held) => held.library.kind));
  const keys = holdingKeysOf(holdings);
  return {
    id: workId,
    representativeId: representative.id,
    title: representative.title,
    creators: representative.creators,
    years: distinct(members.flatMap((doc) => (doc.year === undefined ? [] : [doc.year]))),
    languages,
    types,
    subjects: distinct(members.flatMap((doc) => doc.subjects)),
    identifiers: distinct(members.flatMap((doc) => doc.identifiers)),
    search: mergedForms(members),
    titleSort: representative.titleSort,
    holdings,
    holdingCombos: keys.combos,
    holdingTallies: keys.tallies,
    sourceIds: distinct(holdings.map((held) => held.sourceId)),
    libraryKinds,
    provinces: distinct(
      holdings.flatMap((held) => (held.library.province ? [held.library.province] : [])),
    ),
    recordCount: members.length,
    facetSets: {
      languages: facetSetKey(languages),
      types: facetSetKey(types),
      libraryKinds: facetSetKey(libraryKinds),
    },
    representative: displayOf(representative),
    indexedAt: now.toISOString(),
  };
}
