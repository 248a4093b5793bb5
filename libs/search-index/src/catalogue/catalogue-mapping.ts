import type {
  IndicesIndexSettings,
  MappingTypeMapping,
} from '@elastic/elasticsearch/lib/api/types';
import { keyword, SEARCH_FORMS_MAPPING, stored, storedText } from '../mapping-parts';

/* The catalogue index: one document per harvested record (catalogue-document.ts). */

/**
 * Raised whenever a change to the mapping needs documents indexed again (a new field, a
 * copy_to); an index built under an older version is rebuilt from the raw records.
 */
export const CATALOGUE_MAPPING_VERSION = 5;

export const CATALOGUE_SETTINGS: IndicesIndexSettings = {
  number_of_shards: 1,
  // A single node cannot place replicas; deployments with more nodes raise this.
  number_of_replicas: 0,
  refresh_interval: '1s',
  analysis: { normalizer: { lowercase: { type: 'custom', filter: ['lowercase'] } } },
};

export const CATALOGUE_MAPPING: MappingTypeMapping = {
  dynamic: 'strict',
  _meta: { mappingVersion: CATALOGUE_MAPPING_VERSION },
  properties: {
    id: keyword,
    sourceId: keyword,
    oaiIdentifier: keyword,
    format: keyword,
    library: {
      properties: { name: keyword, kind: keyword, province: keyword },
    },
    title: storedText,
    subtitle: storedText,
    otherTitles: storedText,
    creators: keyword,
    contributors: keyword,
    subjects: keyword,
    description: storedText,
    publisher: keyword,
    place: stored,
    year: { type: 'integer' },
    dateAsGiven: stored,
    edition: stored,
    languages: keyword,
    type: keyword,
    physicalDescription: stored,
    series: stored,
    isbn: keyword,
    issn: keyword,
    doi: { ...keyword, normalizer: 'lowercase' },
    identifiers: { ...keyword, normalizer: 'lowercase' },
    classification: { properties: { ddc: keyword, udc: keyword, lcc: keyword } },
    links: { properties: { fullText: stored, thumbnail: stored } },
    holdings: { properties: { institution: keyword, callNumber: keyword, location: stored } },
    rights: stored,
    datestamp: keyword,
    setSpecs: keyword,
    // Only the work's id is searched (grouping, cluster(id)); why a record joined is for display.
    work: {
      properties: {
        id: keyword,
        rule: stored,
        facts: stored,
        joinedWith: stored,
        decisionId: stored,
      },
    },
    search: SEARCH_FORMS_MAPPING,
    titleSort: keyword,
    suggest: { type: 'completion', analyzer: 'simple', max_input_length: 100 },
    warnings: stored,
    // Counted per source by the data-quality report (terms aggregations on keywords).
    quality: {
      properties: {
        present: keyword,
        encoding: keyword,
        examples: { type: 'object', enabled: false },
      },
    },
    indexedAt: { type: 'date' },
  },
};
