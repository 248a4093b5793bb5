import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RunError', {
  description: 'One error a run recorded (runs keep a sample of at most 100).',
})
export class RunErrorType {
  @Field(() => String, {
    nullable: true,
    description: 'OAI identifier of the record, when the error concerns one record.',
  })
  identifier?: string;

  @Field({
    description:
      'Error code, e.g. UNREADABLE_RECORD, INDEX_REJECTED, HTTP_ERROR, RESUME_TOKEN_REJECTED.',
  })
  code: string;

  @Field({ description: 'What was wrong and what to do.' })
  message: string;

  @Field({ description: 'When it happened (ISO 8601).' })
  at: string;
}

@ObjectType('HarvestRun', { description: 'One harvest of one source, from queued to finished.' })
export class HarvestRunType {
  @Field(() => ID, { description: 'Run id.' })
  id: string;

  @Field({ description: 'Source harvested.' })
  sourceId: string;

  @Field({ description: 'schedule, manual or resume (continuing an interrupted run).' })
  trigger: string;

  @Field({ description: 'full or incremental (from the high-water mark).' })
  mode: string;

  @Field({
    description: 'queued, running, succeeded, partial (some records failed), failed or cancelled.',
  })
  status: string;

  @Field(() => Date, {
    nullable: true,
    description: 'Selective-harvest lower bound sent to the source.',
  })
  fromDate: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Selective-harvest upper bound sent to the source.',
  })
  untilDate: Date | null;

  @Field({ description: 'When it was queued.' })
  queuedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a harvester started it.' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it ended.' })
  finishedAt: Date | null;

  @Field(() => Int, { description: 'Pages (OAI-PMH responses) stored.' })
  pages: number;

  @Field(() => Int, { description: 'Records received.' })
  recordsSeen: number;

  @Field(() => Int, { description: 'Records written to the index.' })
  recordsIndexed: number;

  @Field(() => Int, { description: 'Records identical to what was stored, so skipped.' })
  recordsUnchanged: number;

  @Field(() => Int, { description: 'Deleted records removed from the index.' })
  recordsDeleted: number;

  @Field(() => Int, {
    description: 'Records that could not be read, mapped or indexed (see errors).',
  })
  recordsFailed: number;

  @Field(() => Int, { description: 'HTTP requests sent.' })
  requests: number;

  @Field(() => Int, { description: 'Requests retried after transient failures.' })
  retries: number;

  @Field(() => Int, {
    description:
      'Invalid UTF-8 byte sequences the source sent, each read as U+FFFD; the affected records carry a warning naming the field.',
  })
  invalidBytesReplaced: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Size of the list the source declared (completeListSize of its resumptionToken); null when it declares none.',
  })
  completeListSize: number | null;

  @Field(() => String, { nullable: true, description: 'Why the run failed, as a code.' })
  errorCode: string | null;

  @Field(() => String, { nullable: true, description: 'Why the run failed, and what to do.' })
  errorMessage: string | null;

  @Field(() => [RunErrorType], {
    description: 'Sample of record and page errors, with OAI identifiers.',
  })
  errors: RunErrorType[];
}

@ObjectType({ description: 'A page of harvest runs, newest first.' })
export class HarvestRunPage {
  @Field(() => [HarvestRunType], { description: 'This page of runs.' })
  runs: HarvestRunType[];

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next page; null on the last page.',
  })
  endCursor: string | null;
}
