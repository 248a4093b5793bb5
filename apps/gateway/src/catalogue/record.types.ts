import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A library that holds a copy, with where to find it.' })
export class Holding {
  @Field({ description: 'Source (partner catalogue) the record came from.' })
  sourceId: string;

  @Field({ description: 'Name of the library, as registered.' })
  libraryName: string;

  @Field({ description: 'national, university, provincial, special or other.' })
  libraryKind: string;

  @Field(() => String, { nullable: true, description: 'Province or city of the library.' })
  province: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Call number at that library (MARC 852/952 or the record).',
  })
  callNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Shelving location, when the record says.' })
  location: string | null;

  @Field({ description: 'OAI identifier of the record at its source.' })
  oaiIdentifier: string;

  @Field(() => String, {
    nullable: true,
    description: 'Link to the record or its full text at the source, when given.',
  })
  link: string | null;
}

/** Why a record is in its work: stated once for `CatalogueRecord.work` and `Cluster.members`. */
@ObjectType({ isAbstract: true })
export abstract class MembershipFacts {
  @Field({
    description:
      'The rule that put the record in its work: shared-identifier, title-author, first-record, curator-merge or curator-split.',
  })
  rule: string;

  @Field(() => [String], {
    description:
      'The facts the rule rested on, in plain words, e.g. "ISBN 9786041234567", "title similarity 0.94", "same year 2012".',
  })
  facts: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The member record it matched; null for the first record of a work.',
  })
  joinedWith: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The curator's decision (a merge or a split) that put it here, if one did.",
  })
  decisionId: string | null;
}

@ObjectType('RecordWork', {
  description:
    'The work a record belongs to, and why it joined: the rule, the facts it rested on and the member it matched.',
})
export class RecordWork extends MembershipFacts {
  @Field(() => ID, { description: 'The work id; pass it to `cluster(id)` for every member.' })
  id: string;
}

/** The deprecated key parts: always null, kept so queries that still ask for them stay valid. */
const NO_KEY_PART = {
  nullable: true,
  deprecationReason: 'Always null: works are matched by rules now, not by one key.',
} as const;

@ObjectType({
  description:
    'Deprecated (use `work`): the work id and the rule that joined the record. Records are no longer grouped by one key, so the key parts are always null.',
})
export class ClusterEvidence {
  @Field({
    description: 'The work id (as `work.id`), e.g. "w3f2a9c0d1b4e5f60".',
    deprecationReason: 'Use `work.id`.',
  })
  key: string;

  @Field({
    description:
      'The rule that joined the record (as `work.rule`): first-record, shared-identifier, title-author, curator-merge or curator-split.',
    deprecationReason: 'Use `work.rule`.',
  })
  basis: string;

  @Field(() => String, { ...NO_KEY_PART, description: 'Formerly the ISBN-13 of an ISBN key.' })
  isbn: string | null;

  @Field(() => String, { ...NO_KEY_PART, description: 'Formerly the ISSN of an ISSN key.' })
  issn: string | null;

  @Field(() => String, { ...NO_KEY_PART, description: 'Formerly the folded title of a title key.' })
  title: string | null;

  @Field(() => String, {
    ...NO_KEY_PART,
    description: "Formerly the first creator's family name in a title key.",
  })
  creator: string | null;

  @Field(() => String, { ...NO_KEY_PART, description: 'Formerly the year in a title key.' })
  year: string | null;

  @Field(() => String, { ...NO_KEY_PART, description: 'Formerly the edition in a title key.' })
  edition: string | null;
}

@ObjectType({
  description:
    'Highlighted fragments of one field as the library wrote it, HTML-escaped, matches wrapped in <em>.',
})
export class Highlight {
  @Field({ description: 'title, creators, subjects or description.' })
  field: string;

  @Field(() => [String], {
    description:
      'The matching values (title, creators, subjects) or passages (description), HTML-escaped, with the matching words in <em>…</em>.',
  })
  fragments: string[];
}

@ObjectType('CatalogueRecord', {
  description: 'One catalogue record, normalised from Dublin Core, MARC 21 or MODS.',
})
export class CatalogueRecordType {
  @Field(() => ID, { description: 'Source id and OAI identifier: "<sourceId>:<oaiIdentifier>".' })
  id: string;

  @Field({ description: 'Title proper, as the source spells it (ISBD punctuation trimmed).' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Remainder of title / subtitle.' })
  subtitle: string | null;

  @Field(() => [String], { description: 'Creators (authors), display form.' })
  creators: string[];

  @Field(() => [String], { description: 'Contributors (editors, translators, …), display form.' })
  contributors: string[];

  @Field(() => [String], { description: 'Subject headings.' })
  subjects: string[];

  @Field(() => String, { nullable: true, description: 'Abstract or summary.' })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Publisher.' })
  publisher: string | null;

  @Field(() => String, { nullable: true, description: 'Place of publication.' })
  place: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of publication.' })
  year: number | null;

  @Field(() => String, { nullable: true, description: 'Edition statement as given.' })
  edition: string | null;

  @Field(() => [String], { description: 'Languages, ISO 639-3 (e.g. vie, eng).' })
  languages: string[];

  @Field({
    description: 'book, article, thesis, journal, map, audio, video, image, dataset or other.',
  })
  type: string;

  @Field(() => [String], { description: 'ISBN-13s (ISBN-10s converted).' })
  isbn: string[];

  @Field(() => [String], { description: 'ISSNs.' })
  issn: string[];

  @Field(() => [String], { description: 'DOIs.' })
  doi: string[];

  @Field({ description: 'Metadata format it came in: oai_dc, marc21 or mods.' })
  format: string;

  @Field({ description: 'Datestamp at the source (when it last changed there).' })
  datestamp: string;

  @Field(() => Holding, { description: 'The library this record comes from.' })
  heldBy: Holding;

  @Field(() => RecordWork, { description: 'The work this record belongs to, and why it joined.' })
  work: RecordWork;

  @Field(() => ClusterEvidence, {
    description: 'The work this record belongs to (its id as `key`, its rule as `basis`).',
    deprecationReason: 'Use `work`: works are matched by rules now, not by one key.',
  })
  cluster: ClusterEvidence;

  @Field(() => [Highlight], { description: 'Matching fragments, in search results only.' })
  highlights: Highlight[];
}
