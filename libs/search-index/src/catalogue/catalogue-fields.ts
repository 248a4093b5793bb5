import type { CatalogueDocument } from './catalogue-document';

type Leaf = string | number | boolean;

/**
 * Every dotted path into a document type: 'work.id', 'library.province', 'search.title'.
 * Arrays of objects are followed into their elements, as Elasticsearch does.
 */
export type FieldPath<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends Leaf | readonly Leaf[]
    ? K
    : NonNullable<T[K]> extends readonly (infer E)[]
      ? K | `${K}.${FieldPath<E>}`
      : K | `${K}.${FieldPath<NonNullable<T[K]>>}`;
}[keyof T & string];

/** Combined fields that exist only in the index (copy_to targets of search.*), never in a document. */
export const INDEX_ONLY_FIELDS = ['search.all', 'search.allFolded'] as const;

export type CatalogueField = FieldPath<CatalogueDocument> | (typeof INDEX_ONLY_FIELDS)[number];

/**
 * The catalogue fields queries, aggregations and sorts name, checked against
 * CatalogueDocument: renaming a document field breaks the build here, not a search at run time.
 */
export const CATALOGUE_FIELDS = {
  id: 'id',
  sourceId: 'sourceId',
  oaiIdentifier: 'oaiIdentifier',
  libraryName: 'library.name',
  libraryKind: 'library.kind',
  libraryProvince: 'library.province',
  year: 'year',
  languages: 'languages',
  type: 'type',
  subjects: 'subjects',
  isbn: 'isbn',
  issn: 'issn',
  identifiers: 'identifiers',
  workId: 'work.id',
  titleSort: 'titleSort',
  suggest: 'suggest',
  warnings: 'warnings',
  qualityPresent: 'quality.present',
  qualityEncoding: 'quality.encoding',
  qualityExamples: 'quality.examples',
  searchAll: 'search.all',
  searchAllFolded: 'search.allFolded',
} as const satisfies Record<string, CatalogueField>;
