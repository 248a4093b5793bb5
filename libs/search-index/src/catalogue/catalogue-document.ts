import {
  encodingKindOf,
  presentFields,
  type EncodingKind,
  type QualityField,
} from '@hop-luu/quality';
import { isbn10From13 } from '@hop-luu/records';
import type { NormalizedRecord } from '@hop-luu/records';

/** The library a record came from, copied onto every document for facets and display. */
export interface LibraryInfo {
  readonly name: string;
  readonly kind: string;
  readonly province: string | null;
}

/** What a source's data-quality report counts of one record (libs/quality), aggregated per source. */
export interface QualityFacts {
  /** Measured fields the record has. */
  present: QualityField[];
  /** Encoding problems its values arrived with. */
  encoding: EncodingKind[];
  /** One value per problem, as sent and as catalogued (stored only, never indexed). */
  examples: { kind: EncodingKind; field: string; before: string; after: string }[];
}

/**
 * The work a record belongs to and why (one membership, issue 16): the rule that joined it,
 * the facts it rested on, and the member it matched. Only `id` is indexed.
 */
export interface WorkFacts {
  id: string;
  rule: string;
  /** Human-readable facts, e.g. ['ISBN 9786041234567', 'same year 2012']. */
  facts: string[];
  /** The record it matched; absent (or null once cleared) for the first record of a work. */
  joinedWith?: string | null;
  /** The curator's decision that put it here (a merge or a split), if one did. */
  decisionId?: string | null;
}

/** What the catalogue index stores for one record (its mapping: catalogue-mapping.ts). */
export interface CatalogueDocument {
  id: string;
  sourceId: string;
  oaiIdentifier: string;
  format: string;
  library: LibraryInfo;
  title: string;
  subtitle?: string;
  otherTitles: string[];
  creators: string[];
  contributors: string[];
  subjects: string[];
  description?: string;
  publisher?: string;
  place?: string;
  year?: number;
  dateAsGiven?: string;
  edition?: string;
  languages: string[];
  type: string;
  physicalDescription?: string;
  series: string[];
  isbn: string[];
  issn: string[];
  doi: string[];
  /** Every identifier in one field (ISBN both forms, ISSN, DOI, handle, URL, call numbers) for exact lookup. */
  identifiers: string[];
  classification: { ddc: string[]; udc: string[]; lcc: string[] };
  links: { fullText: string[]; thumbnail?: string };
  holdings: { institution?: string; callNumber?: string; location?: string }[];
  rights: string[];
  datestamp: string;
  setSpecs: string[];
  work: WorkFacts;
  search: NormalizedRecord['search'];
  /** Folded, lowercased title: a sort key that ignores diacritics and case. */
  titleSort: string;
  suggest: { input: string[] };
  warnings: string[];
  quality: QualityFacts;
  indexedAt: string;
}

/**
 * A record's document before works matching has placed it in a work: what the endpoint
 * preview shows, and what the harvester and reindex complete with `withWork` once
 * libs/works has given the record its membership. No work is made up in between.
 */
export type UnmatchedDocument = Omit<CatalogueDocument, 'work'>;

/** A record's document in the work matching gave it. */
export function toCatalogueDocument(
  record: NormalizedRecord,
  library: LibraryInfo,
  work: WorkFacts,
  now = new Date(),
): CatalogueDocument {
  return withWork(toUnmatchedDocument(record, library, now), work);
}

/**
 * Completes a document with its work. It is the same object, so a document already queued
 * for indexing is moved by placing it again (reindex does, for records matching moved).
 */
export function withWork(document: UnmatchedDocument, work: WorkFacts): CatalogueDocument {
  return Object.assign(document, { work });
}

export function toUnmatchedDocument(
  record: NormalizedRecord,
  library: LibraryInfo,
  now = new Date(),
): UnmatchedDocument {
  const ids = record.identifiers;
  const isbn10s = ids.isbn.map(isbn10From13).filter((v): v is string => v !== undefined);
  return {
    id: record.id,
    sourceId: record.sourceId,
    oaiIdentifier: record.oaiIdentifier,
    format: record.format,
    library,
    title: record.title,
    subtitle: record.subtitle,
    otherTitles: record.otherTitles,
    creators: record.creators.map((agent) => agent.name),
    contributors: record.contributors.map((agent) => agent.name),
    subjects: record.subjects.map((subject) => subject.value),
    description: record.description,
    publisher: record.publisher,
    place: record.place,
    year: record.year,
    dateAsGiven: record.dateAsGiven,
    edition: record.edition,
    languages: record.languages,
    type: record.type,
    physicalDescription: record.physicalDescription,
    series: record.series,
    isbn: ids.isbn,
    issn: ids.issn,
    doi: ids.doi,
    identifiers: [
      ...ids.isbn,
      ...isbn10s,
      ...ids.issn,
      ...ids.doi,
      ...ids.handle,
      ...ids.url,
      ...ids.callNumber,
      ...ids.other, // 'lccn:…', 'oclc:…': the keyword field needs no mapping change
    ],
    classification: record.classification,
    links: record.links,
    holdings: record.holdings,
    rights: record.rights,
    datestamp: record.datestamp,
    setSpecs: record.setSpecs,
    search: record.search,
    titleSort: record.search.titleFolded.toLowerCase().slice(0, 200),
    suggest: {
      input: [...new Set([record.search.title, record.search.titleFolded].filter(Boolean))],
    },
    warnings: record.warnings,
    quality: qualityFactsOf(record),
    indexedAt: now.toISOString(),
  };
}

function qualityFactsOf(record: NormalizedRecord): QualityFacts {
  const examples = record.encodingRepairs.map((repair) => ({
    ...repair,
    kind: encodingKindOf(repair.kind),
  }));
  return {
    present: presentFields(record),
    encoding: examples.map((example) => example.kind),
    examples,
  };
}
