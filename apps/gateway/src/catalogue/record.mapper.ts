import type { CatalogueDocument } from '@hop-luu/search-index';
import { CatalogueRecord, ClusterEvidence, Highlight, Holding } from './record.types';

const HIGHLIGHT_FIELDS: Record<string, string> = {
  'search.title': 'title',
  'search.titleFolded': 'title',
  'search.creators': 'creators',
  'search.creatorsFolded': 'creators',
  'search.subjects': 'subjects',
  'search.subjectsFolded': 'subjects',
  'search.description': 'description',
  'search.descriptionFolded': 'description',
};

export function holdingOf(doc: CatalogueDocument): Holding {
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

export function evidenceOf(doc: CatalogueDocument): ClusterEvidence {
  const parts = doc.cluster.parts;
  return {
    key: doc.cluster.key,
    basis: doc.cluster.basis,
    isbn: parts.isbn ?? null,
    issn: parts.issn ?? null,
    title: parts.title ?? null,
    creator: parts.creator ?? null,
    year: parts.year ?? null,
    edition: parts.edition ?? null,
  };
}

/** One highlight per display field: exact-form fragments win over folded ones. */
function highlightsOf(raw: Record<string, string[]> | undefined): Highlight[] {
  const byField = new Map<string, string[]>();
  for (const [esField, fragments] of Object.entries(raw ?? {})) {
    const field = HIGHLIGHT_FIELDS[esField];
    if (field && (!byField.has(field) || !esField.endsWith('Folded')))
      byField.set(field, fragments);
  }
  return [...byField].map(([field, fragments]) => ({ field, fragments }));
}

export function toRecord(
  doc: CatalogueDocument,
  highlight?: Record<string, string[]>,
): CatalogueRecord {
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
    cluster: evidenceOf(doc),
    highlights: highlightsOf(highlight),
  };
}
