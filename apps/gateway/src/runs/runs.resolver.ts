import {
  Args,
  Context,
  Field,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessError, AccessErrorCode, Actor, canManage } from '@hop-luu/access';
import { requireSignedIn } from '../access/signed-in';
import { HarvestRun, HarvestRunsService, RUN_STATUSES, RunStatus } from '@hop-luu/harvest-runs';
import { isSourceId, shown, Source, SourcesService } from '@hop-luu/sources';
import { estimatedSecondsLeft, recordsPerSecond } from './run-figures';
import { sourceNamesOf } from './source-names';
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

  @Field(() => [String], {
    nullable: true,
    description:
      'Only runs in any of these statuses, e.g. ["queued", "running"] for the live list.',
  })
  statuses?: string[];
}

function checkStatuses(statuses: readonly string[]): RunStatus[] {
  const unknown = statuses.find((status) => !RUN_STATUSES.includes(status as RunStatus));
  if (unknown !== undefined || statuses.length > RUN_STATUSES.length)
    throw new CatalogueError(
      CatalogueErrorCode.BadQuery,
      `statuses must list some of ${RUN_STATUSES.join(', ')}${unknown === undefined ? '' : `; ${shown(unknown)} is not one`}.`,
    );
  return statuses as RunStatus[];
}

/** Harvest runs: partners see the runs of their own sources, staff see all. */
@Resolver(() => HarvestRunType)
export class RunsResolver {
  constructor(
    private readonly runs: HarvestRunsService,
    private readonly sources: SourcesService,
    private readonly cursors: CursorCodec,
    @InjectRepository(Source) private readonly sourceRows: Repository<Source>,
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
        statuses: filter?.statuses ? checkStatuses(filter.statuses) : undefined,
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
    this.checkRunId(id);
    const run = await this.runs.get(id);
    if (!run) return null;
    await this.requireManaged(actor, run);
    return run;
  }

  @Mutation(() => HarvestRunType, {
    nullable: true,
    description:
      'Cancels a queued or running run of a source you manage (a running one stops after its current page); a run already ended is returned as it is; null for an unknown id.',
  })
  async cancelHarvestRun(
    @Args('id', { type: () => ID }) id: string,
    @Context() { actor }: GatewayContext,
  ): Promise<HarvestRun | null> {
    requireSignedIn(actor, 'Cancelling a harvest run');
    this.checkRunId(id);
    const run = await this.runs.get(id);
    if (!run) return null;
    await this.requireManaged(actor, run);
    return this.runs.cancel(id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Library name of the source harvested; null once the source is deleted.',
  })
  sourceName(@Parent() run: HarvestRun, @Context() ctx: GatewayContext): Promise<string | null> {
    return sourceNamesOf(ctx.req, this.sourceRows).load(run.sourceId);
  }

  @ResolveField(() => Float, {
    nullable: true,
    description:
      'Records received per second since the run started (until it ended); null before it starts.',
  })
  recordsPerSecond(@Parent() run: HarvestRun): number | null {
    return recordsPerSecond(run, new Date());
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'Seconds until a running run reaches the completeListSize its source declared, at its pace so far; null unless running with a known size (and not harvesting sets one by one).',
  })
  estimatedSecondsLeft(@Parent() run: HarvestRun): number | null {
    return estimatedSecondsLeft(run, new Date());
  }

  private checkRunId(id: string): void {
    if (!isRunId(id))
      throw new CatalogueError(
        CatalogueErrorCode.BadQuery,
        `id ${shown(id)} is not a harvest run id; run ids are UUIDs, as harvestRuns lists them.`,
      );
  }

  private async requireManaged(actor: Actor, run: HarvestRun): Promise<void> {
    const source = await this.sources.find(run.sourceId);
    if (!canManage(actor, source?.ownerId ?? null)) {
      throw new AccessError(
        AccessErrorCode.Forbidden,
        `Run ${run.id} belongs to a source you do not manage.`,
      );
    }
  }
}
