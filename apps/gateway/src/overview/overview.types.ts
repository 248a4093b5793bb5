import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { Source } from '@hop-luu/sources';
import { SourceHealth } from '../sources/source.types';
import { SourceType } from '../sources/source.types';

@InputType({ description: 'Which sources an overview covers.' })
export class OverviewFilterInput {
  @Field({ nullable: true, description: 'Only this library kind.' })
  libraryKind?: string;

  @Field({ nullable: true, description: 'Only this province or city (as registered).' })
  province?: string;
}

@ObjectType({ description: 'How many sources are in one health.' })
export class HealthCount {
  @Field(() => SourceHealth, { description: 'A health.' })
  health: SourceHealth;

  @Field(() => Int, { description: 'Sources in that health.' })
  count: number;
}

@ObjectType({
  description:
    'Harvesting at a glance: staff see every source, a partner its own; filters narrow both.',
})
export class Overview {
  @Field(() => Int, { description: 'Sources covered.' })
  sources: number;

  @Field(() => Int, { description: 'Libraries covered (distinct library names of those sources).' })
  libraries: number;

  @Field(() => Int, {
    description: 'Runs of those sources queued since midnight, Asia/Ho_Chi_Minh.',
  })
  runsToday: number;

  @Field(() => [HealthCount], {
    description: 'Sources per health; every health is listed, 0 included.',
  })
  healthCounts: HealthCount[];

  @Field(() => [SourceType], {
    description: 'Sources that need a person: FAILING first, then STALE.',
  })
  needsAttention: Source[];

  /** Not exposed: the sources the catalogue figures are counted over (null: all of them). */
  scope: string[] | null;
}

@ObjectType({ description: 'Records received by runs that ended on one day.' })
export class DayRecordsType {
  @Field({ description: 'YYYY-MM-DD in Asia/Ho_Chi_Minh.' })
  day: string;

  @Field(() => Float, {
    description: 'Records received (recordsSeen) by runs that ended that day.',
  })
  records: number;
}

@ObjectType({ description: 'How long one run took.' })
export class RunDurationType {
  @Field(() => ID, { description: 'Run id (see harvestRun).' })
  runId: string;

  @Field({ description: 'Source harvested.' })
  sourceId: string;

  @Field({ description: 'When the run ended.' })
  finishedAt: Date;

  @Field(() => Float, { description: 'From start to end, in seconds.' })
  seconds: number;

  @Field({ description: 'succeeded, partial, failed or cancelled.' })
  status: string;
}

@ObjectType({ description: 'How many failed runs ended with one error code.' })
export class CodeCountType {
  @Field({ description: 'errorCode of the runs (UNKNOWN when none was recorded).' })
  code: string;

  @Field(() => Int, { description: 'Failed runs with that code.' })
  count: number;
}

@ObjectType({ description: 'Records in the catalogue from the sources of one province.' })
export class ProvinceRecordsType {
  @Field({ description: 'Province or city, as the sources were registered.' })
  province: string;

  @Field(() => Int, { description: 'Records in the catalogue now.' })
  records: number;

  @Field(() => Int, { description: 'Sources those records come from.' })
  sources: number;
}

@ObjectType({
  description:
    'Figures for the console charts over the last `days` days (staff: every source; a partner: its own).',
})
export class HarvestStats {
  @Field(() => [DayRecordsType], { description: 'One entry per day of the window, oldest first.' })
  recordsPerDay: DayRecordsType[];

  @Field(() => [RunDurationType], {
    description: 'Runs that ended in the window (the newest 500), oldest first.',
  })
  runDurations: RunDurationType[];

  @Field(() => [CodeCountType], { description: 'Failed runs of the window by error code.' })
  failuresByCode: CodeCountType[];

  /** Not exposed: the sources recordsPerProvince is counted over (null: all of them). */
  scope: string[] | null;
}
