import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CatalogueRecordType, ClusterEvidence, Holding } from './record.types';

@ObjectType({ description: 'One value of a facet and how many records have it.' })
export class FacetBucket {
  @Field({ description: 'The value, e.g. "vie" or "university" or "2019".' })
  value: string;

  @Field(() => Int, { description: 'Records with this value among the results.' })
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
  description: 'A work: the records of every library that holds it, grouped by cluster key.',
})
export class Work {
  @Field({
    description: 'Cluster key; pass it to `cluster(id)` for every member record and the evidence.',
  })
  id: string;

  @Field(() => CatalogueRecordType, {
    description: 'The best-matching record of the work, for display.',
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
      'Number of matching works, counted with a cardinality aggregation over cluster keys: ' +
      'exact up to about 40,000 works and approximate (within ~1%) above. See totalCountIsExact.',
  })
  totalCount: number;

  @Field({
    description:
      'True when totalCount is below the cardinality precision threshold (40,000), where the count is exact in practice.',
  })
  totalCountIsExact: boolean;

  @Field(() => Int, {
    description: 'Exact number of matching records (holdings) behind those works.',
  })
  recordCount: number;

  @Field(() => [Work], { description: 'This page of works.' })
  works: Work[];

  @Field(() => Facets, { description: 'Facet counts over all matching records.' })
  facets: Facets;

  @Field(() => PageInfo, {
    description:
      'Pagination (works pages reach at most 10,000 works deep; narrow the search beyond).',
  })
  pageInfo: PageInfo;
}

@ObjectType({
  description: 'Every record grouped under one cluster key, with the evidence that grouped them.',
})
export class Cluster {
  @Field({ description: 'The cluster key.' })
  id: string;

  @Field(() => ClusterEvidence, {
    description: 'What the key was built from (same for every member).',
  })
  evidence: ClusterEvidence;

  @Field(() => [CatalogueRecordType], {
    description: 'Member records, one per holding library record.',
  })
  records: CatalogueRecordType[];
}

@ObjectType({ description: 'A title completion.' })
export class Suggestion {
  @Field({ description: 'The title as catalogued.' })
  title: string;

  @Field({ description: 'A record with that title.' })
  recordId: string;
}
