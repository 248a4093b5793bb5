import { Inject } from '@nestjs/common';
import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessError, AccessErrorCode, Actor, canManage } from '@hop-luu/access';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { HarvestStatsService } from '@hop-luu/harvest-runs';
import { CatalogueStats, CatalogueTotals, ProvinceRecords } from '@hop-luu/search-index';
import { isSourceId, LibraryKind, shown, SourcesService } from '@hop-luu/sources';
import { requireSignedIn } from '../access/signed-in';
import { CatalogueError, CatalogueErrorCode } from '../catalogue/catalogue.errors';
import { GatewayContext } from '../graphql/request-context';
import { healthOfSource, healthRules } from '../sources/source-health';
import { SourceHealth } from '../sources/source.types';
import { HarvestStats, Overview, OverviewFilterInput, ProvinceRecordsType } from './overview.types';

const MAX_DAYS = 366;
/** What needs a person, most urgent first. */
const ATTENTION: readonly SourceHealth[] = [SourceHealth.FAILING, SourceHealth.STALE];

/** The console's overview and charts; staff see every source, a partner its own. */
@Resolver(() => Overview)
export class OverviewResolver {
  /** One catalogue request per overview answer, however many of its fields ask. */
  private readonly totals = new WeakMap<Overview, Promise<CatalogueTotals>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: SourcesService,
    private readonly stats: HarvestStatsService,
    private readonly catalogue: CatalogueStats,
  ) {}

  @Query(() => Overview, {
    description:
      'Sources, libraries, records, works, runs today, sources per health and the ones that need a person (signed-in partners and staff).',
  })
  async overview(
    @Context() ctx: GatewayContext,
    @Args('filter', { nullable: true }) filter?: OverviewFilterInput,
  ): Promise<Overview> {
    const { actor } = ctx;
    requireSignedIn(actor, 'The overview');
    const selected = await this.sources.list({
      libraryKind: filter?.libraryKind as LibraryKind | undefined,
      province: filter?.province,
      ownerId: actor.kind === 'staff' ? undefined : actor.partnerId,
    });
    const rules = healthRules(this.config);
    const healths = await Promise.all(
      selected.map((source) => healthOfSource(source, ctx.sourceStats, rules)),
    );
    const everything = actor.kind === 'staff' && !filter?.libraryKind && !filter?.province;
    const scope = everything ? null : selected.map((source) => source.id);
    return {
      sources: selected.length,
      libraries: new Set(selected.map((source) => source.libraryName)).size,
      runsToday: await this.stats.runsToday(scope),
      healthCounts: Object.values(SourceHealth).map((health) => ({
        health,
        count: healths.filter((found) => found === health).length,
      })),
      needsAttention: ATTENTION.flatMap((health) =>
        selected.filter((_, i) => healths[i] === health),
      ),
      scope,
    };
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'Records of those sources in the catalogue now; null, with SEARCH_UNAVAILABLE, while the index cannot be asked.',
  })
  async records(@Parent() overview: Overview): Promise<number> {
    return (await this.totalsOf(overview)).records;
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'Works (groups of records of the same edition) those records form, exact (counted in the works index); null while the index cannot be asked.',
  })
  async works(@Parent() overview: Overview): Promise<number> {
    return (await this.totalsOf(overview)).works;
  }

  @Query(() => HarvestStats, {
    description:
      'Figures for charts over the last `days` days (1–366): records per day, run durations, failures by code, records per province. Staff: every source; a partner: its own; `sourceId`: that source only.',
  })
  async harvestStats(
    @Context() { actor }: GatewayContext,
    @Args('days', { type: () => Int, defaultValue: 30 }) days: number,
    @Args('sourceId', { nullable: true }) sourceId?: string,
  ): Promise<HarvestStats> {
    requireSignedIn(actor, 'Harvest statistics');
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
      throw new CatalogueError(
        CatalogueErrorCode.BadQuery,
        `days must be between 1 and ${MAX_DAYS}.`,
      );
    const scope = await this.scopeOf(actor, sourceId);
    const [recordsPerDay, runDurations, failuresByCode] = await Promise.all([
      this.stats.recordsPerDay(scope, days),
      this.stats.runDurations(scope, days),
      this.stats.failuresByCode(scope, days),
    ]);
    return { recordsPerDay, runDurations, failuresByCode, scope };
  }

  private totalsOf(overview: Overview): Promise<CatalogueTotals> {
    let totals = this.totals.get(overview);
    if (!totals) {
      totals = this.catalogue.totals(overview.scope ?? undefined);
      this.totals.set(overview, totals);
    }
    return totals;
  }

  /** The sources a caller's statistics cover: one it manages, its own, or (staff) all. */
  private async scopeOf(
    actor: Exclude<Actor, { kind: 'anonymous' }>,
    sourceId: string | undefined,
  ): Promise<string[] | null> {
    if (sourceId !== undefined) {
      if (!isSourceId(sourceId))
        throw new CatalogueError(
          CatalogueErrorCode.BadQuery,
          `sourceId ${shown(sourceId)} is not a source id (2–64 lowercase letters, digits or dashes).`,
        );
      const source = await this.sources.get(sourceId);
      if (!canManage(actor, source.ownerId))
        throw new AccessError(
          AccessErrorCode.Forbidden,
          `Source ${sourceId} belongs to another partner; only its owner or staff may see its statistics.`,
        );
      return [sourceId];
    }
    if (actor.kind === 'staff') return null;
    return (await this.sources.list({ ownerId: actor.partnerId })).map((source) => source.id);
  }
}

/** Records per province comes from the catalogue, so it can fail alone (SEARCH_UNAVAILABLE). */
@Resolver(() => HarvestStats)
export class HarvestStatsResolver {
  constructor(private readonly catalogue: CatalogueStats) {}

  @ResolveField(() => [ProvinceRecordsType], {
    nullable: true,
    description:
      'Records in the catalogue now per province of their sources, most first (sources without a province are left out); null while the index cannot be asked.',
  })
  recordsPerProvince(@Parent() stats: HarvestStats): Promise<ProvinceRecords[]> {
    return this.catalogue.recordsByProvince(stats.scope ?? undefined);
  }
}
