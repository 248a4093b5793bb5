import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum AlertIncidentKind {
  RUN_FAILED = 'RUN_FAILED',
  RUN_PARTIAL = 'RUN_PARTIAL',
  STALE = 'STALE',
  QUALITY_DROP = 'QUALITY_DROP',
}

registerEnumType(AlertIncidentKind, {
  name: 'AlertIncidentKind',
  description: 'What went wrong with a source.',
  valuesMap: {
    RUN_FAILED: { description: 'A run failed (it did not reach the end of its list).' },
    RUN_PARTIAL: { description: 'A run ended partial: some records could not be processed.' },
    STALE: { description: 'No successful harvest within twice the schedule’s interval.' },
    QUALITY_DROP: { description: 'The source’s data-quality report dropped sharply.' },
  },
});

@InputType({ description: 'Which incidents to list.' })
export class AlertIncidentFilterInput {
  @Field({ nullable: true, description: 'Only this source.' })
  sourceId?: string;

  @Field({ nullable: true, description: 'true: open ones only; false: ended ones only.' })
  open?: boolean;
}

@ObjectType('AlertIncident', {
  description:
    'Something wrong with one source, from when it was noticed until it ended: one message when it opens, one when it ends.',
})
export class AlertIncidentType {
  @Field(() => ID, { description: 'Incident id.' })
  id: string;

  @Field({ description: 'The source it concerns.' })
  sourceId: string;

  @Field(() => AlertIncidentKind, { description: 'What went wrong.' })
  kind: AlertIncidentKind;

  @Field(() => Date, { description: 'When it began.' })
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: 'Null while the incident is open.' })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The run that opened it (run incidents).' })
  firstRunId: string | null;

  @Field(() => String, { nullable: true, description: 'The latest run that kept it open.' })
  lastRunId: string | null;

  @Field(() => String, { nullable: true, description: 'The run that ended it.' })
  resolvedByRunId: string | null;

  @Field(() => String, { nullable: true, description: 'Error code of the opening run.' })
  errorCode: string | null;

  @Field({ description: 'One line on what happened (English).' })
  summary: string;

  @Field(() => Date, { nullable: true, description: 'When the opening message was sent.' })
  notifiedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the recovery message was sent.' })
  recoveryNotifiedAt: Date | null;

  @Field({ description: 'The console page that explains it (the run, else the source).' })
  link: string;
}

@ObjectType('AlertWebhook', {
  description: 'An address incidents are POSTed to as signed JSON (x-hopluu-signature).',
})
export class AlertWebhookType {
  @Field(() => ID, { description: 'Webhook id.' })
  id: string;

  @Field({ description: 'Where incidents are POSTed.' })
  url: string;

  @Field({ description: 'Whether it is sent to.' })
  enabled: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The partner whose sources it hears of; null: staff-wide (every source).',
  })
  partnerId: string | null;

  @Field(() => Date, { description: 'When it was added.' })
  createdAt: Date;
}

@ObjectType('CreatedAlertWebhook', { description: 'A new webhook with its signing secret.' })
export class CreatedAlertWebhookType {
  @Field(() => AlertWebhookType, { description: 'The webhook added.' })
  webhook: AlertWebhookType;

  @Field({
    description:
      'Key of the HMAC-SHA256 signature (header x-hopluu-signature: sha256=<hex of the body>); shown only now.',
  })
  secret: string;
}
