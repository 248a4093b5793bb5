import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ENCODING_KINDS, QUALITY_FIELDS } from '@hop-luu/quality';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const QualityFieldEnum = enumOf(QUALITY_FIELDS);
registerEnumType(QualityFieldEnum, {
  name: 'QualityField',
  description:
    'A field whose presence the quality report measures. ISBN_ISSN: a valid ISBN or ISSN; YEAR: a readable year of publication.',
});

export const EncodingKindEnum = enumOf(ENCODING_KINDS);
registerEnumType(EncodingKindEnum, {
  name: 'EncodingKind',
  description:
    'An encoding problem a value arrived with. TCVN3, VNI: legacy Vietnamese encodings, converted; DOUBLE_UTF8: UTF-8 read as Windows-1252 and encoded again, repaired; DECOMPOSED: Unicode with separate combining marks, composed (NFC; looks the same, compares differently); INVALID_BYTES: bytes that were not UTF-8, shown as U+FFFD: the characters are lost, only the source can fix them.',
});

@ObjectType('FieldShare', { description: 'How many of the source’s records have one field.' })
export class FieldShareType {
  @Field(() => QualityFieldEnum, { description: 'The field measured.' })
  field: string;

  @Field(() => Int, { description: 'Records with the field.' })
  count: number;

  @Field(() => Float, { description: 'count / records, from 0 to 1.' })
  share: number;
}

@ObjectType('EncodingExample', {
  description: 'One value with the problem, as sent and as catalogued.',
})
export class EncodingExampleType {
  @Field({ description: 'OAI identifier of the record.' })
  identifier: string;

  @Field({ description: "Where it was found, e.g. '245' or 'dc:title'." })
  field: string;

  @Field({ description: 'As the source sent it (at most 200 characters).' })
  before: string;

  @Field({ description: 'As the union catalogue holds it (at most 200 characters).' })
  after: string;
}

@ObjectType('EncodingRepair', {
  description: 'Records of the source with one kind of encoding problem.',
})
export class EncodingRepairType {
  @Field(() => EncodingKindEnum, { description: 'The kind of encoding problem.' })
  kind: string;

  @Field(() => Int, { description: 'Records with at least one value of this kind.' })
  count: number;

  @Field(() => [EncodingExampleType], { description: 'Up to three examples.' })
  examples: EncodingExampleType[];
}

@ObjectType('QualityFailure', {
  description:
    'Records that are not in the catalogue because they failed, by error code. Normalisation failures (MALFORMED_XML, UNKNOWN_FORMAT…) are all counted, from the stored records, until the source sends a version that works; records the harvester could not read at all (UNREADABLE_RECORD, RECORD_TOO_LARGE…) or the index refused (INDEX_REJECTED) are counted from the last run’s error sample (its first 100 errors).',
})
export class QualityFailureType {
  @Field({ description: 'Error code, as in harvest run errors.' })
  code: string;

  @Field(() => Int, { description: 'Records that failed with this code.' })
  count: number;

  @Field(() => [String], { description: 'OAI identifiers of the first 20, in order.' })
  identifiers: string[];
}

@ObjectType('QualityReport', {
  description:
    'Data quality of a source’s records in the union catalogue, computed after each of its runs.',
})
export class QualityReportType {
  @Field(() => Date, { description: 'When the report was computed.' })
  computedAt: Date;

  @Field(() => String, { nullable: true, description: 'The run after which it was computed.' })
  runId: string | null;

  @Field(() => Int, { description: 'Records of the source in the catalogue.' })
  records: number;

  @Field(() => [FieldShareType], { description: 'One entry per QualityField, always all six.' })
  shares: FieldShareType[];

  @Field(() => [EncodingRepairType], { description: 'The encoding problems found (none: empty).' })
  encodingRepairs: EncodingRepairType[];

  @Field(() => [QualityFailureType], { description: 'Failed records by code, largest first.' })
  failures: QualityFailureType[];

  @Field(() => Int, {
    description:
      'Records that repeat a work already catalogued from this source (records minus the works they belong to).',
  })
  duplicatesInSource: number;

  @Field(() => Int, { description: 'Records whose work another library also holds.' })
  sharedWorkRecords: number;

  @Field(() => Float, { description: 'sharedWorkRecords / records, from 0 to 1.' })
  sharedWorksShare: number;
}
