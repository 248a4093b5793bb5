import { Args, Context, ID, Info, Int, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  checkClusterId,
  checkRecordIds,
  checkSearchArgs,
  checkSuggestPrefix,
} from './argument-limits';
import { searchNeeds } from './requested-fields';
import { GatewayContext } from '../graphql/request-context';
import { CatalogueError, CatalogueErrorCode } from './catalogue.errors';
import { CatalogueRecordType } from './record.types';
import { RecordsService } from './records.service';
import { SearchArgs } from './search.inputs';
import { Cluster, RecordSearchResult, Suggestion, WorkSearchResult } from './search.types';
import { MAX_PAGE_SIZE, SearchService } from './search.service';

const MAX_IDS = 100;

/** Public catalogue queries: anyone may search. */
@Resolver()
export class CatalogueResolver {
  constructor(
    private readonly search: SearchService,
    private readonly recordsService: RecordsService,
  ) {}

  @Query(() => RecordSearchResult, {
    description:
      'Search every library; one entry per record. Relevance over title, creators, subjects, description and identifiers.',
    complexity: ({ args, childComplexity }) =>
      childComplexity * Math.min(args.first ?? 20, MAX_PAGE_SIZE),
  })
  searchRecords(
    @Args() args: SearchArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: GatewayContext,
  ): Promise<RecordSearchResult> {
    checkSearchArgs(args);
    return this.search.searchRecords(args, searchNeeds(info, 'records'), ctx.abandoned);
  }

  @Query(() => WorkSearchResult, {
    name: 'search',
    description:
      'The union view: search every library, one entry per work, each listing the libraries that hold it; exact counts, facets counting works, pages to any depth.',
    complexity: ({ args, childComplexity }) =>
      childComplexity * Math.min(args.first ?? 20, MAX_PAGE_SIZE),
  })
  searchWorks(
    @Args() args: SearchArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: GatewayContext,
  ): Promise<WorkSearchResult> {
    checkSearchArgs(args);
    return this.search.searchWorks(args, searchNeeds(info, 'works'), ctx.abandoned);
  }

  @Query(() => CatalogueRecordType, {
    nullable: true,
    description: 'One record by id ("<sourceId>:<oaiIdentifier>"); null if unknown.',
  })
  record(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GatewayContext,
  ): Promise<CatalogueRecordType | null> {
    checkRecordIds([id]);
    return ctx.records.load(id);
  }

  @Query(() => [CatalogueRecordType], {
    nullable: 'items',
    description: `Several records by id (at most ${MAX_IDS}), in the order asked; null for unknown ids.`,
  })
  records(
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Context() ctx: GatewayContext,
  ): Promise<(CatalogueRecordType | null)[]> {
    if (ids.length > MAX_IDS)
      throw new CatalogueError(
        CatalogueErrorCode.PageTooLarge,
        `Ask for at most ${MAX_IDS} ids at a time.`,
      );
    checkRecordIds(ids);
    return Promise.all(ids.map((id) => ctx.records.load(id)));
  }

  @Query(() => Cluster, {
    nullable: true,
    description:
      "Every record of one work (a work id from `search` or a record's `work.id`), with the evidence for each membership; null if unknown.",
  })
  cluster(@Args('id') id: string): Promise<Cluster | null> {
    checkClusterId(id);
    return this.recordsService.cluster(id);
  }

  @Query(() => [Suggestion], {
    description: 'Title completions for what has been typed so far, with or without diacritics.',
  })
  suggest(
    @Args('prefix', { description: 'The beginning of a title.' }) prefix: string,
    @Args('size', {
      type: () => Int,
      defaultValue: 10,
      description: 'How many suggestions, at most 20.',
    })
    size: number,
  ): Promise<Suggestion[]> {
    checkSuggestPrefix(prefix);
    return this.recordsService.suggest(prefix, Math.min(Math.max(size, 1), 20));
  }
}
