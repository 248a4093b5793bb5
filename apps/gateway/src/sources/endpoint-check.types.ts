import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CHECK_STEPS } from '@hop-luu/sources';

export enum CheckStepKind {
  ADDRESS = 'ADDRESS',
  IDENTIFY = 'IDENTIFY',
  FORMAT = 'FORMAT',
  PREVIEW = 'PREVIEW',
}
// The enum mirrors libs/sources' steps; this fails to compile if they part ways.
const SAME_STEPS: Record<(typeof CHECK_STEPS)[number], CheckStepKind> = CheckStepKind;
void SAME_STEPS;

registerEnumType(CheckStepKind, {
  name: 'EndpointCheckStep',
  description: 'The steps of a live endpoint check, in the order they run.',
  valuesMap: {
    ADDRESS: { description: "The endpoint's address is allowed (public, well-formed)." },
    IDENTIFY: { description: 'Identify answers: repository name, granularity, deleted records.' },
    FORMAT: { description: 'The chosen metadataPrefix is offered, and one Hợp Lưu maps.' },
    PREVIEW: { description: 'A few real records, normalised as the harvester will.' },
  },
});

@InputType({ description: 'The endpoint to check, as it would be registered.' })
export class CheckEndpointInput {
  @Field({ description: 'OAI-PMH base URL (public address; no query string).' })
  baseUrl: string;

  @Field({ defaultValue: 'oai_dc', description: 'metadataPrefix to harvest.' })
  metadataPrefix: string;

  @Field(() => [String], {
    nullable: true,
    description: 'setSpecs to harvest; the preview reads the first one.',
  })
  sets?: string[];
}

@ObjectType('EndpointCheckStepResult', { description: 'What one step of the check found.' })
export class StepResultType {
  @Field(() => CheckStepKind, { description: 'Which step.' })
  step: CheckStepKind;

  @Field({ description: 'Whether the step found nothing wrong.' })
  ok: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Why not, as a code: SOURCE_INVALID, SOURCE_ADDRESS_NOT_ALLOWED, SOURCE_ENDPOINT_UNUSABLE, an OAI client code (HTTP_ERROR, TIMEOUT, NOT_OAI_PMH…), UNMAPPED_FORMAT, RECORDS_NOT_CATALOGUED; null when ok.',
  })
  code: string | null;

  @Field({ description: 'What was found, in plain words (English).' })
  message: string;

  @Field(() => String, {
    nullable: true,
    description: 'More of what was found (addresses, formats offered…).',
  })
  details: string | null;
}

@ObjectType('EndpointIdentify', { description: 'What Identify said.' })
export class EndpointIdentifyType {
  @Field({ description: 'repositoryName.' })
  repositoryName: string;

  @Field({ description: 'Datestamp granularity: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.' })
  granularity: string;

  @Field({ description: 'deletedRecord policy: no, persistent or transient.' })
  deletedRecord: string;

  @Field({ description: 'earliestDatestamp, as the repository wrote it.' })
  earliestDatestamp: string;

  @Field(() => String, { nullable: true, description: 'First adminEmail.' })
  adminEmail: string | null;
}

@ObjectType('PreviewWarning', { description: 'A problem normalisation found in one record.' })
export class PreviewWarningType {
  @Field({
    description:
      'MISSING_TITLE, ENCODING_TCVN3, ENCODING_VNI, ENCODING_DECOMPOSED, ENCODING_DOUBLE_UTF8 (repaired), ENCODING_INVALID_BYTES (characters lost), FIELD_WARNING, or the code of a record that would not be catalogued (UNKNOWN_FORMAT, UNREADABLE_RECORD, XML_MALFORMED…).',
  })
  code: string;

  @Field({ description: 'What was found, in plain words (English).' })
  message: string;
}

@ObjectType('PreviewRecord', {
  description: 'One real record of the endpoint as the union catalogue will show it.',
})
export class PreviewRecordType {
  @Field({ description: 'OAI identifier.' })
  identifier: string;

  @Field(() => String, {
    nullable: true,
    description: 'Title as catalogued; null when the record would not be catalogued.',
  })
  title: string | null;

  @Field(() => [String], { description: 'Creators as catalogued.' })
  creators: string[];

  @Field(() => Int, { nullable: true, description: 'Year of publication.' })
  year: number | null;

  @Field(() => String, { nullable: true, description: 'Resource type (book, thesis, …).' })
  type: string | null;

  @Field(() => String, { nullable: true, description: 'First language (ISO 639-3).' })
  language: string | null;

  @Field(() => [PreviewWarningType], { description: 'What normalisation raised.' })
  warnings: PreviewWarningType[];
}

@ObjectType('EndpointCheck', {
  description:
    'A live, step-by-step check of an endpoint. It stops at the first step that refuses the endpoint, so later steps are absent.',
})
export class EndpointCheckType {
  @Field(() => [StepResultType], { description: 'The steps run, in order.' })
  steps: StepResultType[];

  @Field(() => EndpointIdentifyType, { nullable: true, description: 'What Identify said.' })
  identify: EndpointIdentifyType | null;

  @Field(() => [String], { description: 'metadataPrefixes the endpoint offers.' })
  formats: string[];

  @Field(() => String, {
    nullable: true,
    description: 'When the chosen format is unmapped: one it offers that we map (oai_dc first).',
  })
  suggestedMetadataPrefix: string | null;

  @Field(() => [PreviewRecordType], { description: 'Up to 5 real records, as catalogued.' })
  preview: PreviewRecordType[];
}
