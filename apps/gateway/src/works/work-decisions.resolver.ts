import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '@hop-luu/access';
import { PeopleService, requireStaff } from '@hop-luu/people';
import {
  DecisionCursor,
  DecisionMaker,
  DecisionOutcome,
  MAX_DECISIONS_PAGE,
  MERGE_LIMITS,
  WorkDecisionsService,
  WorkError,
  WorkErrorCode,
  WorksReaderService,
} from '@hop-luu/works';
import { CursorCodec } from '../catalogue/cursor';
import { GatewayContext } from '../graphql/request-context';
import { WorksPublisher } from './works-publisher';
import {
  decisionView,
  untrustedView,
  UntrustedIdentifierType,
  WorkDecisionPage,
  WorkDecisionType,
} from './works.types';

/**
 * Curators' decisions over GraphQL (staff only): each is stored with who, when and why,
 * applied at once to the works in PostgreSQL, then to both indexes.
 */
@Resolver(() => WorkDecisionType)
export class WorkDecisionsResolver {
  constructor(
    private readonly decisions: WorkDecisionsService,
    private readonly reader: WorksReaderService,
    private readonly publisher: WorksPublisher,
    private readonly people: PeopleService,
    private readonly cursors: CursorCodec,
  ) {}

  @Mutation(() => WorkDecisionType, {
    description:
      'Splits a record out of its work (staff only): it stands alone from now on, after every harvest, reindex and re-cluster, until undone.',
  })
  async splitRecordFromWork(
    @Args('recordId', { type: () => ID, description: 'The record (CatalogueRecord.id).' })
    recordId: string,
    @Args('reason', { description: 'Why; shown beside the decision.' }) reason: string,
    @Context() { actor }: GatewayContext,
  ): Promise<WorkDecisionType> {
    requireStaff(actor, 'Splitting a work');
    return this.applied(await this.decisions.split(recordId, reason, await this.maker(actor)));
  }

  @Mutation(() => WorkDecisionType, {
    description: `Merges ${MERGE_LIMITS.min} to ${MERGE_LIMITS.max} works into one (staff only), until undone.`,
  })
  async mergeWorks(
    @Args('workIds', { type: () => [ID], description: 'The works (Work.id / Cluster.id).' })
    workIds: string[],
    @Args('reason', { description: 'Why; shown beside the decision.' }) reason: string,
    @Context() { actor }: GatewayContext,
  ): Promise<WorkDecisionType> {
    requireStaff(actor, 'Merging works');
    return this.applied(await this.decisions.merge(workIds, reason, await this.maker(actor)));
  }

  @Mutation(() => WorkDecisionType, {
    description:
      'Undoes a split or merge (staff only): its records are matched again as if it had never been made.',
  })
  async undoWorkDecision(
    @Args('id', { type: () => ID, description: 'The decision.' }) id: string,
    @Context() { actor }: GatewayContext,
  ): Promise<WorkDecisionType> {
    requireStaff(actor, 'Undoing a decision');
    return this.applied(await this.decisions.undo(id, await this.maker(actor)));
  }

  @Query(() => WorkDecisionPage, {
    description: 'Curators’ decisions, newest first, undone ones included (staff only).',
  })
  async workDecisions(
    @Context() { actor }: GatewayContext,
    @Args('first', {
      type: () => Int,
      defaultValue: 50,
      description: `How many, at most ${MAX_DECISIONS_PAGE}.`,
    })
    first: number,
    @Args('after', { nullable: true, description: 'endCursor of the previous page.' })
    after?: string,
    @Args('workId', {
      type: () => ID,
      nullable: true,
      description: 'Only decisions naming a record of this work now.',
    })
    workId?: string,
    @Args('recordId', {
      type: () => ID,
      nullable: true,
      description: 'Only decisions naming this record.',
    })
    recordId?: string,
  ): Promise<WorkDecisionPage> {
    requireStaff(actor, 'Listing decisions');
    const page = await this.decisions.list(
      { workId: workId ?? undefined, recordId: recordId ?? undefined },
      first,
      after ? this.cursorOf(after) : undefined,
    );
    return {
      decisions: page.decisions.map(decisionView),
      pageInfo: {
        endCursor: page.next
          ? this.cursors.seal({ d: page.next.decidedAt, i: page.next.id })
          : null,
        hasNextPage: page.next !== undefined,
      },
    };
  }

  @Query(() => [UntrustedIdentifierType], {
    description:
      'Identifiers found on records with clearly different titles (publishers reuse ISBNs), most recently seen first (staff only).',
  })
  async untrustedIdentifiers(
    @Context() { actor }: GatewayContext,
    @Args('first', { type: () => Int, defaultValue: 50, description: 'How many, at most 200.' })
    first: number,
  ): Promise<UntrustedIdentifierType[]> {
    requireStaff(actor, 'Listing untrusted identifiers');
    return (await this.reader.untrustedIdentifiers(first)).map(untrustedView);
  }

  /** The decision once both indexes show it. */
  private async applied(outcome: DecisionOutcome): Promise<WorkDecisionType> {
    await this.publisher.publish(outcome.changes);
    return decisionView(outcome.decision);
  }

  /** Who decides: the signed-in person by name, or the staff key's partner. */
  private async maker(actor: Actor): Promise<DecisionMaker> {
    if (actor.kind === 'anonymous') throw new Error('requireStaff let an anonymous caller through');
    if (!actor.personId) return { personId: null, name: actor.name };
    const person = await this.people.get(actor.personId);
    return { personId: person.id, name: person.displayName };
  }

  private cursorOf(after: string): DecisionCursor {
    const payload = this.cursors.open(after) as { d?: unknown; i?: unknown };
    if (typeof payload.d !== 'string' || typeof payload.i !== 'string')
      throw new WorkError(
        WorkErrorCode.DecisionInvalid,
        'The `after` cursor is not one workDecisions gave out; pass its endCursor unchanged.',
      );
    return { decidedAt: payload.d, id: payload.i };
  }
}
