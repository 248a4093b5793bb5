import { Args, Context, ID, InputType, Field, Int, Query, Resolver } from '@nestjs/graphql';
import { AccessError, AccessErrorCode, canManage } from '@hop-luu/access';
import { requireSignedIn } from '../access/signed-in';
import { HarvestRun, HarvestRunsService, RUN_STATUSES, RunStatus } from '@hop-luu/harvest-runs';
import { isSourceId, shown, SourcesService } from '@hop-luu/sources';
import { CursorCodec } from '../catalogue/cursor';
import { decodeRunCursor, encodeRunCursor, isRunId } from './run-cursor';
import { CatalogueError, CatalogueErrorCode } from '../catalogue/catalogue.errors';
import { GatewayContext } from '../graphql/request-context';
import { HarvestRunPage, HarvestRunType } from './run.types';

@InputType({ description: 'Which runs to list.' })
export class RunFilterInput {
  @Field({ nullable: true, description: 'Only this source.' })
  sourceId?: string;

  @Field({ nullable: true, description: `Only this status: ${RUN_STATUSES.join(', ')}.` })
  status?: string;
}

/** Harvest runs: partners see the runs of their own sources, staff see all. */
@Resolver(() => HarvestRunType)
export class RunsResolver {
  constructor(
    private readonly runs: HarvestRunsService,
    private readonly sources: SourcesService,
    private readonly cursors: CursorCodec,
  ) {}

  @Query(() => HarvestRunPage, {
    description: 'Harvest runs, newest first (partners: their own sources only).',
  })
  async harvestRuns(
    @Context() { actor }: GatewayContext,
    @Args('filter', { nullable: true }) filter?: RunFilterInput,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'Page size, at most 100.' })
    first = 20,
    @Args('after', { nullable: true, description: 'endCursor of the previous page.' })
    after?: string,
  ): Promise<HarvestRunPage> {
    requireSignedIn(actor, 'Listing harvest runs');
    if (first < 1 || first > 100)
      throw new CatalogueError(CatalogueErrorCode.PageTooLarge, 'first must be between 1 and 100.');
    if (filter?.sourceId !== undefined && !isSourceId(filter.sourceId))
      throw new CatalogueError(
        CatalogueErrorCode.BadQuery,
        `filter.sourceId ${shown(filter.sourceId)} is not a source id (2–64 lowercase letters, digits or dashes).`,
      );
    if (filter?.status && !RUN_STATUSES.includes(filter.status as RunStatus)) {
      throw new CatalogueError(
        CatalogueErrorCode.BadQuery,
        `status must be one of ${RUN_STATUSES.join(', ')}.`,
      );
    }
    const own =
      actor.kind === 'staff'
        ? undefined
        : (await this.sources.list({ ownerId: actor.partnerId })).map((s) => s.id);
    const page = await this.runs.list(
      {
        sourceId: filter?.sourceId,
        status: filter?.status as RunStatus | undefined,
        sourceIds: own,
      },
      first + 1,
      after ? decodeRunCursor(this.cursors, after) : undefined,
    );
    const runs = page.slice(0, first);
    const last = runs.at(-1);
    return {
      runs,
      endCursor: page.length > first && last ? encodeRunCursor(this.cursors, last) : null,
    };
  }

  @Query(() => HarvestRunType, {
    nullable: true,
    description: 'One run with its errors (partners: their own sources only).',
  })
  async harvestRun(
    @Args('id', { type: () => ID }) id: string,
    @Context() { actor }: GatewayContext,
  ): Promise<HarvestRun | null> {
    requireSignedIn(actor, 'Reading a harvest run');
    if (!isRunId(id))
      throw new CatalogueError(
        CatalogueErrorCode.BadQuery,
        `id ${shown(id)} is not a harvest run id; run ids are UUIDs, as harvestRuns lists them.`,
      );
    const run = await this.runs.get(id);
    if (!run) return null;
    const source = await this.sources.get(run.sourceId);
    if (!canManage(actor, source.ownerId)) {
      throw new AccessError(
        AccessErrorCode.Forbidden,
        `Run ${id} belongs to a source you do not manage.`,
      );
    }
    return run;
  }
}
