import type { CatalogueDocument, DisplayDocument, WorkHolding } from '@hop-luu/search-index';
import { markPassages, markText, matchedWords } from './display-highlight';
import {
  CatalogueRecordType,
  ClusterEvidence,
  Highlight,
  Holding,
  RecordWork,
} from './record.types';

/** The parts of a record a holding is made of (all that holdings searches fetch). */
export type HoldingSource = Pick<
  CatalogueDocument,
  'sourceId' | 'library' | 'holdings' | 'oaiIdentifier' | 'links'
>;

/** A holding of a work document (the works index keeps them ready). */
export function holdingOfWork(held: WorkHolding): Holding {
  return {
    sourceId: held.sourceId,
    libraryName: held.library.name,
    libraryKind: held.library.kind,
    province: held.library.province ?? null,
    callNumber: held.callNumber ?? null,
    location: held.location ?? null,
    oaiIdentifier: held.oaiIdentifier,
    link: held.link ?? null,
  };
}

export function holdingOf(doc: HoldingSource): Holding {
  const held = doc.holdings[0];
  return {
    sourceId: doc.sourceId,
    libraryName: doc.library.name,
    libraryKind: doc.library.kind,
    province: doc.library.province ?? null,
    callNumber: held?.callNumber ?? null,
    location: held?.location ?? null,
    oaiIdentifier: doc.oaiIdentifier,
    link: doc.links.fullText[0] ?? null,
  };
}

export function workFactsOf(doc: DisplayDocument): RecordWork {
  const { id, rule, facts, joinedWith, decisionId } = doc.work;
  return { id, rule, facts, joinedWith: joinedWith ?? null, decisionId: decisionId ?? null };
}

/** The deprecated `cluster` field, from the same membership: its work id and rule. */
export function evidenceOf(doc: DisplayDocument): ClusterEvidence {
  return {
    key: doc.work.id,
    basis: doc.work.rule,
    isbn: null,
    issn: null,
    title: null,
    creator: null,
    year: null,
    edition: null,
  };
}

/** One highlight per display field, marked in the text as the library wrote it. */
function highlightsOf(doc: DisplayDocument, raw?: Record<string, string[]>): Highlight[] {
  const words = matchedWords(Object.values(raw ?? {}).flat());
  if (words.size === 0) return [];
  const marked = (values: readonly string[]) =>
    values.flatMap((value) => markText(value, words) ?? []);
  const fields: [string, string[]][] = [
    ['title', marked([doc.title])],
    ['creators', marked(doc.creators)],
    ['subjects', marked(doc.subjects)],
    ['description', doc.description ? markPassages(doc.description, words) : []],
  ];
  return fields
    .filter(([, fragments]) => fragments.length > 0)
    .map(([field, fragments]) => ({ field, fragments }));
}

export function toRecord(
  doc: DisplayDocument,
  highlight?: Record<string, string[]>,
): CatalogueRecordType {
  return {
    id: doc.id,
    title: doc.title,
    subtitle: doc.subtitle ?? null,
    creators: doc.creators,
    contributors: doc.contributors,
    subjects: doc.subjects,
    description: doc.description ?? null,
    publisher: doc.publisher ?? null,
    place: doc.place ?? null,
    year: doc.year ?? null,
    edition: doc.edition ?? null,
    languages: doc.languages,
    type: doc.type,
    isbn: doc.isbn,
    issn: doc.issn,
    doi: doc.doi,
    format: doc.format,
    datestamp: doc.datestamp,
    heldBy: holdingOf(doc),
    work: workFactsOf(doc),
    cluster: evidenceOf(doc),
    highlights: highlightsOf(doc, highlight),
  };
}
