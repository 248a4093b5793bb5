import type { NormalizedRecord, NormalizeInput, RecordFormat } from '../normalized-record';
import { catalogueRecordId } from '../record-id';
import { buildSearchForms } from '../search-forms';
import { pickResourceType } from '../vocabulary/resource-types';
import type { RecordDraft } from './record-draft';

/** The OAI-PMH header part of a record. */
export type RecordHeader = Pick<
  NormalizeInput,
  'sourceId' | 'oaiIdentifier' | 'datestamp' | 'deleted' | 'setSpecs'
>;

/** Turns a filled draft into the final record: resolves the type and builds the search forms. */
export function finishRecord(
  draft: RecordDraft,
  header: RecordHeader,
  format: RecordFormat,
): NormalizedRecord {
  if (!draft.title) draft.warn('title', 'missing; record has no title');
  const title = draft.title ?? '';
  const description = draft.descriptions.length > 0 ? draft.descriptions.join('\n\n') : undefined;
  const type = pickResourceType(draft.typeTerms);
  const record: NormalizedRecord = {
    id: catalogueRecordId(header.sourceId, header.oaiIdentifier),
    sourceId: header.sourceId,
    oaiIdentifier: header.oaiIdentifier,
    format,
    title,
    otherTitles: draft.otherTitles,
    creators: draft.creators,
    contributors: draft.contributors,
    subjects: draft.subjects,
    classification: draft.classification,
    notes: draft.notes,
    languages: draft.languages,
    type,
    series: draft.series,
    identifiers: draft.identifiers,
    links: draft.links,
    rights: draft.rights,
    holdings: draft.holdings,
    datestamp: header.datestamp,
    deleted: header.deleted,
    setSpecs: [...header.setSpecs],
    warnings: draft.warnings,
    encodingRepairs: draft.encodingRepairs,
    search: buildSearchForms({
      title,
      subtitle: draft.subtitle,
      otherTitles: draft.otherTitles,
      series: draft.series,
      creators: draft.creators,
      contributors: draft.contributors,
      subjects: draft.subjects,
      description,
      publisher: draft.publisher,
    }),
  };
  // Optional fields are absent rather than `undefined`, so records serialise and compare
  // cleanly. Set one by one, in this order (the order JSON shows them in).
  if (draft.subtitle !== undefined) record.subtitle = draft.subtitle;
  if (draft.responsibility !== undefined) record.responsibility = draft.responsibility;
  if (description !== undefined) record.description = description;
  if (draft.publisher !== undefined) record.publisher = draft.publisher;
  if (draft.place !== undefined) record.place = draft.place;
  if (draft.year !== undefined) record.year = draft.year;
  if (draft.dateAsGiven !== undefined) record.dateAsGiven = draft.dateAsGiven;
  if (draft.edition !== undefined) record.edition = draft.edition;
  if (draft.physicalDescription !== undefined)
    record.physicalDescription = draft.physicalDescription;
  return record;
}

/** A deleted record: only ids, datestamp and sets (no metadata to read). */
export function deletedRecord(header: RecordHeader): NormalizedRecord {
  const empty = buildSearchForms({
    title: '',
    otherTitles: [],
    series: [],
    creators: [],
    contributors: [],
    subjects: [],
  });
  return {
    id: catalogueRecordId(header.sourceId, header.oaiIdentifier),
    sourceId: header.sourceId,
    oaiIdentifier: header.oaiIdentifier,
    datestamp: header.datestamp,
    setSpecs: [...header.setSpecs],
    deleted: true,
    format: 'none',
    title: '',
    otherTitles: [],
    creators: [],
    contributors: [],
    subjects: [],
    classification: { ddc: [], udc: [], lcc: [] },
    notes: [],
    languages: [],
    type: 'other',
    series: [],
    identifiers: { isbn: [], issn: [], doi: [], handle: [], url: [], callNumber: [], other: [] },
    links: { fullText: [] },
    rights: [],
    holdings: [],
    warnings: [],
    encodingRepairs: [],
    search: empty,
  };
}
