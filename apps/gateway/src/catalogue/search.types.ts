import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CatalogueRecordType, ClusterEvidence, Holding, MembershipFacts } from './record.types';

@ObjectType({
  description: 'One value of a facet and how many results (records, or works in `search`) have it.',
})
export class FacetBucket {
  @Field({ description: 'The value, e.g. "vie" or "university" or "2019".' })
  value: string;

  @Field(() => Int, {
    description:
      'Results with this value: records in `searchRecords`; works in `search` (for sources, kinds and provinces: the works a library of that value holds).',
  })
  count: number;
}

@ObjectType({ description: 'Counts of the results by field, with the current filters applied.' })
export class Facets {
  @Field(() => [FacetBucket], { description: 'By source (partner catalogue id).' })
  sources: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By library kind.' })
  libraryKinds: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By province of the holding library.' })
  provinces: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By year of publication (the 50 most frequent).' })
  years: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By language (ISO 639-3).' })
  languages: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By type.' })
  types: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By subject heading (the 20 most frequent).' })
  subjects: FacetBucket[];
}

@ObjectType({ description: 'Where the next page starts.' })
export class PageInfo {
  @Field(() => String, {
    nullable: true,
    description: 'Opaque cursor: pass it as `after` for the next page.',
  })
  endCursor: string | null;

  @Field({ description: 'Whether another page follows.' })
  hasNextPage: boolean;
}

@ObjectType({ description: 'A page of matching records, each from one library.' })
export class RecordSearchResult {
  @Field(() => Int, { description: 'Exact number of matching records.' })
  totalCount: number;

  @Field(() => [CatalogueRecordType], { description: 'This page of records.' })
  records: CatalogueRecordType[];

  @Field(() => Facets, { description: 'Facet counts over all matching records.' })
  facets: Facets;

  @Field(() => PageInfo, { description: 'Pagination.' })
  pageInfo: PageInfo;
}

@ObjectType({
  description:
    'A work: the records of every library that holds it, grouped by works matching (shared identifiers, or title and authors).',
})
export class Work {
  @Field({
    description: 'Work id; pass it to `cluster(id)` for every member record and the evidence.',
  })
  id: string;

  @Field(() => CatalogueRecordType, {
    description:
      'The member shown for the work: its most complete record (ties to the smallest record id); highlights mark the words found in it.',
  })
  representative: CatalogueRecordType;

  @Field(() => Int, {
    description: 'How many records (holdings) of the work pass the filters, in every library.',
  })
  holdingsCount: number;

  @Field(() => [Holding], {
    description:
      'The libraries holding it (up to 20 records), with call numbers and links; filters apply.',
  })
  holdings: Holding[];
}

@ObjectType({
  description:
    'A page of works (the union view): one entry per work, however many libraries hold it.',
})
export class WorkSearchResult {
  @Field(() => Int, {
    description:
      'Exact number of matching works, at any size (each work is one document of the works index).',
  })
  totalCount: number;

  @Field({
    description: 'Always true: totalCount is exact.',
    deprecationReason: 'totalCount is always exact now.',
  })
  totalCountIsExact: boolean;

  @Field(() => Int, {
    description:
      'Exact number of records (holdings) behind the matching works, of the libraries the filters allow.',
  })
  recordCount: number;

  @Field(() => [Work], { description: 'This page of works.' })
  works: Work[];

  @Field(() => Facets, {
    description:
      'Facet counts over all matching works: each counts works (a work held by two university libraries counts once for university).',
  })
  facets: Facets;

  @Field(() => PageInfo, {
    description: 'Pagination, to any depth (cursors over search_after).',
  })
  pageInfo: PageInfo;
}

@ObjectType({
  description:
    'One record of a work and why it is there: the rule that joined it, the facts, the member it matched.',
})
export class WorkMembership extends MembershipFacts {
  @Field(() => CatalogueRecordType, { description: 'The member record.' })
  record: CatalogueRecordType;
}

@ObjectType({
  description: 'Every record of one work, with the evidence for each membership.',
})
export class Cluster {
  @Field({ description: 'The work id.' })
  id: string;

  @Field(() => ClusterEvidence, {
    description: "The first member's work and rule.",
    deprecationReason: 'Use `members`: the evidence is per membership now.',
  })
  evidence: ClusterEvidence;

  @Field(() => [CatalogueRecordType], {
    description: 'Member records, one per holding library record.',
  })
  records: CatalogueRecordType[];

  @Field(() => [WorkMembership], {
    description:
      'Every member with its evidence (by kind of library, then record id), the same records as `records`.',
  })
  members: WorkMembership[];
}

@ObjectType({ description: 'A title completion.' })
export class Suggestion {
  @Field({ description: 'The title as catalogued.' })
  title: string;

  @Field({ description: 'A record with that title.' })
  recordId: string;
}
