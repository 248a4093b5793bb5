import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { canManage } from '@hop-luu/access';
import { QualityReport, QualityReportsService } from '@hop-luu/quality';
import type { Source } from '@hop-luu/sources';
import { GatewayContext } from '../graphql/request-context';
import { SourceType } from '../sources/source.types';
import { QualityReportType } from './quality.types';

/** Source.qualityReport: the stored report, read in one query for every source of an answer. */
@Resolver(() => SourceType)
export class QualityResolver {
  /** One loader per GraphQL request, without a field in the shared context. */
  private readonly loaders = new WeakMap<
    GatewayContext,
    DataLoader<string, QualityReport | null>
  >();

  constructor(private readonly reports: QualityReportsService) {}

  @ResolveField(() => QualityReportType, {
    nullable: true,
    description:
      'Data-quality report, brought up to date after each run (its owner and staff only; null for others, and before the first run ends). As CSV: GET /console/api/sources/{id}/quality.csv.',
  })
  async qualityReport(
    @Parent() source: Source,
    @Context() ctx: GatewayContext,
  ): Promise<QualityReportType | null> {
    if (!canManage(ctx.actor, source.ownerId)) return null;
    const report = await this.loaderFor(ctx).load(source.id);
    return report ? toGraphql(report) : null;
  }

  private loaderFor(ctx: GatewayContext): DataLoader<string, QualityReport | null> {
    let loader = this.loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const found = await this.reports.findMany([...ids]);
        return ids.map((id) => found.get(id)?.report ?? null);
      });
      this.loaders.set(ctx, loader);
    }
    return loader;
  }
}

function toGraphql(report: QualityReport): QualityReportType {
  return {
    ...report,
    computedAt: new Date(report.computedAt),
    shares: [...report.shares],
    encodingRepairs: report.encodingRepairs.map((repair) => ({
      ...repair,
      examples: [...repair.examples],
    })),
    failures: report.failures.map((failure) => ({
      ...failure,
      identifiers: [...failure.identifiers],
    })),
  };
}
