import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SourceHealth {
  OK = 'OK',
  DEGRADED = 'DEGRADED',
  FAILING = 'FAILING',
  STALE = 'STALE',
  NEVER_HARVESTED = 'NEVER_HARVESTED',
  DISABLED = 'DISABLED',
}

registerEnumType(SourceHealth, {
  name: 'SourceHealth',
  description:
    'How harvesting a source is going, from its latest run that ended on its own (cancelled runs do not count), most urgent first: DISABLED, FAILING, STALE, NEVER_HARVESTED, DEGRADED, OK.',
  valuesMap: {
    OK: { description: 'The latest run succeeded, at a normal pace.' },
    DEGRADED: {
      description:
        'The latest run completed, but some records failed (partial), or it was slow (its requests took longer than GATEWAY_SLOW_REQUEST_SECONDS each on average).',
    },
    FAILING: { description: 'The latest run failed; see its errors.' },
    STALE: {
      description:
        "Scheduled, but no run completed within twice its schedule's longest interval (counted from registration when none ever did).",
    },
    NEVER_HARVESTED: { description: 'No run has finished yet.' },
    DISABLED: { description: 'Harvesting is switched off for this source.' },
  },
});

@ObjectType('RegistrationWarning', {
  description: 'Something the live endpoint check found worth knowing; the source was registered.',
})
export class RegistrationWarningType {
  @Field({
    description:
      'UNMAPPED_FORMAT: the chosen metadataPrefix is not one we map, so every record would fail (UNKNOWN_FORMAT).',
  })
  code: string;

  @Field({ description: 'What was found and what to do.' })
  message: string;

  @Field(() => String, {
    nullable: true,
    description:
      'A metadataPrefix the source offers that we map (oai_dc first); register the source with it instead (deleteSource, then registerSource).',
  })
  suggestedMetadataPrefix: string | null;
}

@ObjectType('Source', { description: "A partner library's registered OAI-PMH endpoint." })
export class SourceType {
  @Field({ description: 'Stable slug, part of every record id.' })
  id: string;

  @Field({ description: 'Library name.' })
  libraryName: string;

  @Field({ description: 'national, university, provincial, special or other.' })
  libraryKind: string;

  @Field(() => String, { nullable: true, description: 'Province or city.' })
  province: string | null;

  @Field({ description: 'OAI-PMH base URL.' })
  baseUrl: string;

  @Field({ description: 'metadataPrefix harvested (oai_dc, marc21, mods, …).' })
  metadataPrefix: string;

  @Field(() => [String], { description: 'setSpecs harvested; empty means the whole repository.' })
  sets: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Cron schedule of incremental harvests (UTC); null: manual only.',
  })
  schedule: string | null;

  @Field({ description: 'Whether it is harvested.' })
  enabled: boolean;

  @Field(() => String, { nullable: true, description: 'repositoryName from Identify.' })
  repositoryName: string | null;

  @Field(() => String, { nullable: true, description: 'Datestamp granularity from Identify.' })
  granularity: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'deletedRecord policy from Identify: no, persistent or transient.',
  })
  deletedRecord: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'earliestDatestamp from Identify, as the repository wrote it.',
  })
  earliestDatestamp: string | null;

  @Field(() => String, { nullable: true, description: 'First adminEmail from Identify.' })
  adminEmail: string | null;

  @Field(() => Date, { description: 'When the source was registered.' })
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      '`from` of the next incremental harvest (server clock of the last complete run, less one granule).',
  })
  highWaterMark: Date | null;

  @Field(() => [RegistrationWarningType], {
    nullable: true,
    description:
      'Only in the answer of registerSource: warnings of the live check (e.g. UNMAPPED_FORMAT); null elsewhere.',
  })
  registrationWarnings?: RegistrationWarningType[];

  /** Not exposed: used to authorise. */
  ownerId: string | null;
}

@InputType({
  description:
    'A new source. The endpoint is checked live: Identify, then ListMetadataFormats must offer the prefix.',
})
export class RegisterSourceInput {
  @Field({ description: 'Slug of 2–64 lowercase letters, digits or dashes, e.g. "hcmus-dspace".' })
  id: string;

  @Field({ description: 'Library name.' })
  libraryName: string;

  @Field({ description: 'national, university, provincial, special or other.' })
  libraryKind: string;

  @Field({ nullable: true, description: 'Province or city.' })
  province?: string;

  @Field({ description: 'OAI-PMH base URL (public address; no query string).' })
  baseUrl: string;

  @Field({ defaultValue: 'oai_dc', description: 'metadataPrefix to harvest.' })
  metadataPrefix: string;

  @Field(() => [String], {
    nullable: true,
    description: 'setSpecs to harvest; none means everything.',
  })
  sets?: string[];

  @Field({ nullable: true, description: 'Cron schedule (UTC), e.g. "0 2 * * *".' })
  schedule?: string;
}

@InputType({ description: 'Changes to a source; omitted fields stay as they are.' })
export class UpdateSourceInput {
  @Field({ nullable: true, description: 'Library name.' })
  libraryName?: string;

  @Field({ nullable: true, description: 'Library kind.' })
  libraryKind?: string;

  @Field({ nullable: true, description: 'Province or city.' })
  province?: string;

  @Field({ nullable: true, description: 'Cron schedule (UTC); empty string for manual only.' })
  schedule?: string;

  @Field(() => [String], { nullable: true, description: 'setSpecs to harvest.' })
  sets?: string[];
}

@InputType({ description: 'Which sources to list.' })
export class SourceFilterInput {
  @Field({ nullable: true, description: 'Only this library kind.' })
  libraryKind?: string;

  @Field({ nullable: true, description: 'Only enabled (true) or disabled (false) sources.' })
  enabled?: boolean;

  @Field({ nullable: true, description: 'Only the sources of the calling partner.' })
  mine?: boolean;

  @Field({ nullable: true, description: 'Only this province or city (as registered).' })
  province?: string;

  @Field(() => SourceHealth, { nullable: true, description: 'Only sources in this health.' })
  health?: SourceHealth;
}

@ObjectType({ description: 'What deleting a source takes away, for its confirmation.' })
export class SourceDeletionSummary {
  @Field({ description: 'The source asked about.' })
  sourceId: string;

  @Field(() => Int, { description: 'Records of the source that leave the catalogue.' })
  records: number;

  @Field(() => Int, { description: 'Harvest runs of the source that are deleted with it.' })
  runs: number;

  @Field(() => Int, {
    description:
      'Works that leave the catalogue: those whose every record comes from this source (works other libraries also hold stay).',
  })
  works: number;
}
