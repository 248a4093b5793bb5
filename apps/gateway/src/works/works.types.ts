import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { UntrustedIdentifier, WorkDecision } from '@hop-luu/works';
import { PageInfo } from '../catalogue/search.types';

export enum WorkDecisionKind {
  SPLIT = 'SPLIT',
  MERGE = 'MERGE',
}

registerEnumType(WorkDecisionKind, {
  name: 'WorkDecisionKind',
  description: 'What a curator decided about a work.',
  valuesMap: {
    SPLIT: { description: 'The record (recordIds[0]) stands alone, whatever matching says.' },
    MERGE: { description: 'The works holding recordIds are one work.' },
  },
});

@ObjectType('WorkDecision', {
  description:
    'A curator’s split or merge: applied at once, and again after every harvest, reindex and re-cluster until undone.',
})
export class WorkDecisionType {
  @Field(() => ID, { description: 'Decision id (pass it to undoWorkDecision).' })
  id: string;

  @Field(() => WorkDecisionKind, { description: 'Split or merge.' })
  kind: WorkDecisionKind;

  @Field(() => [ID], {
    description:
      'SPLIT: the record split out. MERGE: one record of each work merged (its smallest record id then).',
  })
  recordIds: string[];

  @Field({ description: 'Why, as the curator wrote it.' })
  reason: string;

  @Field({ description: 'Who decided (the signed-in person’s name, or the staff key’s partner).' })
  decidedBy: string;

  @Field(() => Date, { description: 'When.' })
  decidedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was undone; null while it applies.' })
  undoneAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who undid it.' })
  undoneBy: string | null;
}

@ObjectType({ description: 'A page of curators’ decisions, newest first.' })
export class WorkDecisionPage {
  @Field(() => [WorkDecisionType], { description: 'The decisions of this page.' })
  decisions: WorkDecisionType[];

  @Field(() => PageInfo, { description: 'Pagination.' })
  pageInfo: PageInfo;
}

@ObjectType('UntrustedIdentifier', {
  description:
    'An identifier (usually an ISBN a publisher reused) found on records whose titles clearly disagree: it does not join them.',
})
export class UntrustedIdentifierType {
  @Field({ description: "Prefixed identifier, e.g. 'isbn:9786041234567'." })
  identifier: string;

  @Field(() => [String], { description: 'The disagreeing titles, as catalogued.' })
  titles: string[];

  @Field(() => [ID], { description: 'Records carrying it (at most 100).' })
  recordIds: string[];

  @Field(() => Int, { description: 'How many records are listed.' })
  recordCount: number;

  @Field(() => Date, { description: 'When it was first found disagreeing.' })
  firstSeen: Date;

  @Field(() => Date, { description: 'When it was last found disagreeing.' })
  lastSeen: Date;
}

export function decisionView(decision: WorkDecision): WorkDecisionType {
  return {
    id: decision.id,
    kind: decision.kind === 'split' ? WorkDecisionKind.SPLIT : WorkDecisionKind.MERGE,
    recordIds: decision.recordIds,
    reason: decision.reason,
    decidedBy: decision.decidedByName,
    decidedAt: decision.decidedAt,
    undoneAt: decision.undoneAt,
    undoneBy: decision.undoneByName,
  };
}

export function untrustedView(found: UntrustedIdentifier): UntrustedIdentifierType {
  return { ...found, recordCount: found.recordIds.length };
}
