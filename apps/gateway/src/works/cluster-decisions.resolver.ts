import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { requireStaff } from '@hop-luu/people';
import { WorkDecisionsService } from '@hop-luu/works';
import { Cluster } from '../catalogue/search.types';
import { GatewayContext } from '../graphql/request-context';
import { decisionView, WorkDecisionType } from './works.types';

/** Curators' decisions about a work, beside its members (the rest of Cluster is the catalogue's). */
@Resolver(() => Cluster)
export class ClusterDecisionsResolver {
  constructor(private readonly service: WorkDecisionsService) {}

  @ResolveField(() => [WorkDecisionType], {
    description:
      'Curators’ splits and merges naming a record of this work, newest first, undone ones included (staff only; at most 50).',
  })
  async decisions(
    @Parent() cluster: Cluster,
    @Context() { actor }: GatewayContext,
  ): Promise<WorkDecisionType[]> {
    requireStaff(actor, 'Reading curators’ decisions');
    const page = await this.service.list({ workId: cluster.id }, 50);
    return page.decisions.map(decisionView);
  }
}
