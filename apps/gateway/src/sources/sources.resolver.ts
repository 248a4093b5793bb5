import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  registerEnumType,
} from '@nestjs/graphql';
import { AccessError, AccessErrorCode, Actor, canManage } from '@hop-luu/access';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { HarvestRun, HarvestRunsService, RunMode } from '@hop-luu/harvest-runs';
import { CatalogueIndex, CatalogueStats, WorksIndex } from '@hop-luu/search-index';
import {
  LibraryKind,
  Source,
  SourceFilter,
  SourceRegistrationService,
  SourcesService,
} from '@hop-luu/sources';
import { CatalogueChangesService } from '../catalogue/catalogue-changes.service';
import { WorksPublisher } from '../works/works-publisher';
import { GatewayContext } from '../graphql/request-context';
import { HarvestRunType } from '../runs/run.types';
import { requireSignedIn } from '../access/signed-in';
import { healthOfSource, healthRules } from './source-health';
import {
  RegisterSourceInput,
  SourceDeletionSummary,
  SourceFilterInput,
  SourceHealth,
  SourceType,
  UpdateSourceInput,
} from './source.types';

export enum HarvestMode {
  FULL = 'full',
  INCREMENTAL = 'incremental',
}
registerEnumType(HarvestMode, {
  name: 'HarvestMode',
  description: 'full: the whole list again; incremental: from the high-water mark.',
});

/** Sources: anyone may list them; partners manage their own, staff manage all. */
@Resolver(() => SourceType)
export class SourcesResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sourcesService: SourcesService,
    private readonly registration: SourceRegistrationService,
    private readonly runs: HarvestRunsService,
    private readonly catalogue: CatalogueIndex,
    private readonly catalogueChanges: CatalogueChangesService,
    private readonly catalogueStats: CatalogueStats,
    private readonly works: WorksIndex,
    private readonly worksPublisher: WorksPublisher,
  ) {}

  @Query(() => [SourceType], {
    description:
      'Registered sources. A partner (API key or signed-in person) gets only its own; staff and anonymous callers get every source.',
  })
  async sources(
    @Context() ctx: GatewayContext,
    @Args('filter', { nullable: true }) filter?: SourceFilterInput,
  ): Promise<Source[]> {
    const where: SourceFilter = {
      enabled: filter?.enabled,
      libraryKind: filter?.libraryKind as LibraryKind | undefined,
      province: filter?.province,
    };
    const { actor } = ctx;
    if (filter?.mine) requireSignedIn(actor, 'Listing your own sources');
    // A partner works on its own sources; staff may ask for theirs with `mine`.
    const own = actor.kind === 'partner' || (actor.kind === 'staff' && filter?.mine);
    const listed = await this.sourcesService.list(
      own ? { ...where, ownerId: actor.partnerId } : where,
    );
    const wanted = filter?.health;
    if (!wanted) return listed;
    const rules = healthRules(this.config);
    const healths = await Promise.all(
      listed.map((source) => healthOfSource(source, ctx.sourceStats, rules)),
    );
    return listed.filter((_, i) => healths[i] === wanted);
  }

  @Query(() => SourceType, {
    nullable: true,
    description:
      "One source by id; null when there is none, and for a partner asking for another partner's source.",
  })
  async source(
    @Args('id') id: string,
    @Context() { actor }: GatewayContext,
  ): Promise<Source | null> {
    const source = await this.sourcesService.find(id);
    if (!source || (actor.kind === 'partner' && !canManage(actor, source.ownerId))) return null;
    return source;
  }

  @Query(() => SourceDeletionSummary, {
    description:
      'What deleting a source you manage would take away: its records, runs, and the works only it holds.',
  })
  async sourceDeletionSummary(
    @Args('id') id: string,
    @Context() { actor }: GatewayContext,
  ): Promise<SourceDeletionSummary> {
    await this.managed(actor, id, 'Reading what a deletion takes away');
    const [counts, runs, works] = await Promise.all([
      this.catalogue.countsBySource([id]),
      this.runs.countOf(id),
      this.catalogueStats.worksOnlyIn(id),
    ]);
    return { sourceId: id, records: counts.get(id) ?? 0, runs, works };
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'Records of this source in the catalogue now; null, with a SEARCH_UNAVAILABLE error, while the search index cannot be asked.',
  })
  recordCount(@Parent() source: Source, @Context() ctx: GatewayContext): Promise<number> {
    return ctx.sourceStats.recordCount.load(source.id);
  }

  @ResolveField(() => HarvestRunType, {
    nullable: true,
    description: 'Latest run (its owner and staff only; null for others).',
  })
  async lastRun(
    @Parent() source: Source,
    @Context() ctx: GatewayContext,
  ): Promise<HarvestRun | null> {
    if (!canManage(ctx.actor, source.ownerId)) return null;
    return ctx.sourceStats.lastRun.load(source.id);
  }

  @ResolveField(() => SourceHealth, {
    description:
      'How harvesting is going: from the latest run that ended on its own, the time since the last completed one and the schedule.',
  })
  health(@Parent() source: Source, @Context() ctx: GatewayContext): Promise<SourceHealth> {
    return healthOfSource(source, ctx.sourceStats, healthRules(this.config));
  }

  @ResolveField(() => Date, {
    nullable: true,
    description:
      'When the latest run that reached the end of its list (succeeded or partial) ended; null if none has.',
  })
  async lastSuccessAt(
    @Parent() source: Source,
    @Context() ctx: GatewayContext,
  ): Promise<Date | null> {
    return (await ctx.sourceStats.lastCompletedRun.load(source.id))?.finishedAt ?? null;
  }

  @Mutation(() => SourceType, {
    description: 'Registers a source after checking its endpoint live. Partners and staff.',
  })
  registerSource(
    @Args('input') input: RegisterSourceInput,
    @Context() { actor }: GatewayContext,
  ): Promise<Source> {
    requireSignedIn(actor, 'Registering a source');
    return this.registration.register({
      ...input,
      libraryKind: input.libraryKind as LibraryKind,
      ownerId: actor.partnerId,
    });
  }

  @Mutation(() => SourceType, { description: 'Changes a source you manage.' })
  async updateSource(
    @Args('id') id: string,
    @Args('input') input: UpdateSourceInput,
    @Context() { actor }: GatewayContext,
  ): Promise<Source> {
    await this.managed(actor, id, 'Changing a source');
    const schedule = input.schedule === undefined ? undefined : input.schedule || null;
    return this.sourcesService.update(id, {
      ...input,
      libraryKind: input.libraryKind as LibraryKind | undefined,
      schedule,
    });
  }

  @Mutation(() => SourceType, {
    description: 'Switches harvesting of a source you manage on or off.',
  })
  async setSourceEnabled(
    @Args('id') id: string,
    @Args('enabled') enabled: boolean,
    @Context() { actor }: GatewayContext,
  ): Promise<Source> {
    await this.managed(actor, id, 'Switching a source on or off');
    return this.sourcesService.setEnabled(id, enabled);
  }

  @Mutation(() => Boolean, {
    description: 'Deletes a source you manage; its records leave the catalogue.',
  })
  async deleteSource(
    @Args('id') id: string,
    @Context() { actor }: GatewayContext,
  ): Promise<boolean> {
    await this.managed(actor, id, 'Deleting a source');
    await this.sourcesService.delete(id);
    await this.catalogue.deleteBySource(id, this.works);
    // Its records leave the works store too, so other libraries' works are matched without them.
    await this.worksPublisher.removeSource(id);
    await this.catalogueChanges.announce(`source ${id} deleted`);
    return true;
  }

  @Mutation(() => HarvestRunType, {
    description: 'Queues a harvest of a source you manage; a harvester picks it up.',
  })
  async triggerHarvest(
    @Args('sourceId') sourceId: string,
    @Args('mode', { type: () => HarvestMode, defaultValue: HarvestMode.INCREMENTAL })
    mode: HarvestMode,
    @Context() { actor }: GatewayContext,
  ): Promise<HarvestRun> {
    const source = await this.managed(actor, sourceId, 'Triggering a harvest');
    if (!source.enabled) {
      throw new AccessError(
        AccessErrorCode.Forbidden,
        `Source ${sourceId} is disabled; enable it with setSourceEnabled first.`,
      );
    }
    return this.runs.enqueue({
      sourceId,
      mode: mode as RunMode,
      trigger: 'manual',
      requestedBy: actor.kind === 'anonymous' ? null : actor.partnerId,
    });
  }

  private async managed(actor: Actor, id: string, action: string): Promise<Source> {
    requireSignedIn(actor, action);
    const source = await this.sourcesService.get(id);
    if (!canManage(actor, source.ownerId)) {
      throw new AccessError(
        AccessErrorCode.Forbidden,
        `Source ${id} belongs to another partner; only its owner or staff may change it.`,
      );
    }
    return source;
  }
}
