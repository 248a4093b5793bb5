import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';
import { CATALOGUE_SETTINGS } from '../catalogue/catalogue-mapping';
import { keyword, SEARCH_FORMS_MAPPING, stored, storedText } from '../mapping-parts';

/*
 * The works index: one document per work (work-document.ts). Its text is searched exactly as
 * the catalogue's (the same search.* forms and combined fields, merged from every member), so
 * the one query builder (query/) serves both; what differs is filtered and counted per work.
 */

/** Raised whenever a change to this mapping needs the work documents built again. */
export const WORKS_MAPPING_VERSION = 3;

export const WORKS_SETTINGS = CATALOGUE_SETTINGS;

const facetSet = { type: 'keyword', index: false, eager_global_ordinals: true } as const;

export const WORKS_MAPPING: MappingTypeMapping = {
  dynamic: 'strict',
  _meta: { mappingVersion: WORKS_MAPPING_VERSION },
  properties: {
    id: keyword,
    representativeId: stored,
    title: storedText,
    creators: stored,
    years: { type: 'integer' },
    languages: keyword,
    types: keyword,
    subjects: keyword,
    identifiers: { ...keyword, normalizer: 'lowercase' },
    search: SEARCH_FORMS_MAPPING,
    titleSort: keyword,
    // Shown, not searched: library filters use holdingCombos (holding-keys.ts), not nested documents.
    holdings: {
      properties: {
        sourceId: keyword,
        recordId: stored,
        oaiIdentifier: stored,
        library: { properties: { name: stored, kind: keyword, province: keyword } },
        callNumber: stored,
        location: stored,
        link: stored,
      },
    },
    // The holdings' combinations of source, kind and province, and how many of each (holding-keys.ts).
    holdingCombos: keyword,
    holdingTallies: { type: 'keyword', index: false },
    // Flat copies of the holdings' values: facets over them count works, not holdings.
    sourceIds: keyword,
    libraryKinds: keyword,
    provinces: keyword,
    recordCount: { type: 'integer' },
    // Aggregated only (doc values, not searched); ordinals made at refresh, not by a search.
    facetSets: {
      properties: { languages: facetSet, types: facetSet, libraryKinds: facetSet },
    },
    representative: { type: 'object', enabled: false },
    indexedAt: { type: 'date' },
  },
};
