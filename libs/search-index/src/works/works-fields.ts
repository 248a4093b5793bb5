import type { FieldPath } from '../catalogue/catalogue-fields';
import { INDEX_ONLY_FIELDS } from '../catalogue/catalogue-fields';
import type { WorkDocument } from './work-document';

export type WorkField = FieldPath<WorkDocument> | (typeof INDEX_ONLY_FIELDS)[number];

/** The works-index fields queries, aggregations and sorts name, checked against WorkDocument. */
export const WORK_FIELDS = {
  id: 'id',
  years: 'years',
  languages: 'languages',
  types: 'types',
  subjects: 'subjects',
  titleSort: 'titleSort',
  holdings: 'holdings',
  holdingCombos: 'holdingCombos',
  holdingTallies: 'holdingTallies',
  sourceIds: 'sourceIds',
  libraryKinds: 'libraryKinds',
  provinces: 'provinces',
  recordCount: 'recordCount',
  languageSets: 'facetSets.languages',
  typeSets: 'facetSets.types',
  libraryKindSets: 'facetSets.libraryKinds',
  representative: 'representative',
} as const satisfies Record<string, WorkField>;
