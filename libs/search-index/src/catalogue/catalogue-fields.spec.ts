import { CatalogueField, INDEX_ONLY_FIELDS } from './catalogue-fields';
import { CATALOGUE_MAPPING } from './catalogue-mapping';
import { leavesOf } from '../testing/mapping-leaves';

/**
 * Every leaf of CatalogueDocument, checked by the compiler both ways: a path that is not a
 * document field does not compile, and `Unlisted` below stops compiling when a document field
 * is missing from the list. The test then holds the mapping to the same list.
 */
const DOCUMENT_LEAVES = [
  'id',
  'sourceId',
  'oaiIdentifier',
  'format',
  'library.name',
  'library.kind',
  'library.province',
  'title',
  'subtitle',
  'otherTitles',
  'creators',
  'contributors',
  'subjects',
  'description',
  'publisher',
  'place',
  'year',
  'dateAsGiven',
  'edition',
  'languages',
  'type',
  'physicalDescription',
  'series',
  'isbn',
  'issn',
  'doi',
  'identifiers',
  'classification.ddc',
  'classification.udc',
  'classification.lcc',
  'links.fullText',
  'links.thumbnail',
  'holdings.institution',
  'holdings.callNumber',
  'holdings.location',
  'rights',
  'datestamp',
  'setSpecs',
  'work.id',
  'work.rule',
  'work.facts',
  'work.joinedWith',
  'work.decisionId',
  'search.title',
  'search.titleFolded',
  'search.otherTitles',
  'search.otherTitlesFolded',
  'search.creators',
  'search.creatorsFolded',
  'search.subjects',
  'search.subjectsFolded',
  'search.description',
  'search.descriptionFolded',
  'search.publisher',
  'search.publisherFolded',
  'titleSort',
  // A completion field: one mapping leaf for the document's { input } object.
  'suggest',
  'warnings',
  'quality.present',
  'quality.encoding',
  // Stored, not indexed (enabled: false): one mapping leaf for the whole list of objects.
  'quality.examples',
  'indexedAt',
] as const satisfies readonly CatalogueField[];

/** Paths that are objects in the document, so they are not leaves themselves. */
type Branch =
  | 'library'
  | 'classification'
  | 'links'
  | 'holdings'
  | 'work'
  | 'quality'
  | `quality.examples.${string}`;
type Unlisted = Exclude<
  CatalogueField,
  | (typeof DOCUMENT_LEAVES)[number]
  | (typeof INDEX_ONLY_FIELDS)[number]
  | Branch
  | 'search'
  | 'suggest.input'
>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;

describe('catalogue mapping and CatalogueDocument', () => {
  it('map exactly the same fields', () => {
    expect(everyFieldListed).toBe(true);
    const mapped = leavesOf(CATALOGUE_MAPPING.properties!).filter(
      (path) => !(INDEX_ONLY_FIELDS as readonly string[]).includes(path),
    );
    expect(mapped.sort()).toEqual([...DOCUMENT_LEAVES].sort());
  });
});
