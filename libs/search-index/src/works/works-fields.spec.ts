import { INDEX_ONLY_FIELDS } from '../catalogue/catalogue-fields';
import { WorkField } from './works-fields';
import { WORKS_MAPPING } from './works-mapping';
import { leavesOf } from '../testing/mapping-leaves';

/**
 * Every leaf of WorkDocument, checked by the compiler both ways (as catalogue-fields.spec.ts
 * does for records): a path that is not a document field does not compile, and `Unlisted`
 * stops compiling when a document field is missing. The test holds the mapping to the list.
 */
const DOCUMENT_LEAVES = [
  'id',
  'representativeId',
  'title',
  'creators',
  'years',
  'languages',
  'types',
  'subjects',
  'identifiers',
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
  'holdings.sourceId',
  'holdings.recordId',
  'holdings.oaiIdentifier',
  'holdings.library.name',
  'holdings.library.kind',
  'holdings.library.province',
  'holdings.callNumber',
  'holdings.location',
  'holdings.link',
  'holdingCombos',
  'holdingTallies',
  'sourceIds',
  'libraryKinds',
  'provinces',
  'recordCount',
  'facetSets.languages',
  'facetSets.types',
  'facetSets.libraryKinds',
  // Stored, not indexed (enabled: false): one mapping leaf for the whole record.
  'representative',
  'indexedAt',
] as const satisfies readonly WorkField[];

type Branch = 'search' | 'holdings' | 'holdings.library' | 'facetSets' | `representative.${string}`;
type Unlisted = Exclude<
  WorkField,
  (typeof DOCUMENT_LEAVES)[number] | (typeof INDEX_ONLY_FIELDS)[number] | Branch
>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;

describe('works mapping and WorkDocument', () => {
  it('map exactly the same fields', () => {
    expect(everyFieldListed).toBe(true);
    const mapped = leavesOf(WORKS_MAPPING.properties!).filter(
      (path) => !(INDEX_ONLY_FIELDS as readonly string[]).includes(path),
    );
    expect(mapped.sort()).toEqual([...DOCUMENT_LEAVES].sort());
  });
});
