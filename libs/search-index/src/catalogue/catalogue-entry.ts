import { datestampProblem } from '@hop-luu/oai-pmh';
import {
  DEFAULT_XML_LIMITS,
  normalizeRecord,
  NormalizeInput,
  NormalizedRecord,
  XmlLimits,
} from '@hop-luu/records';
import { LibraryInfo, toUnmatchedDocument, UnmatchedDocument } from './catalogue-document';

export type CatalogueEntryResult =
  | {
      ok: true;
      /** Everything but its work, which works matching gives it (`withWork`). */
      document: UnmatchedDocument;
      /** The normalised record, for what works matching needs of it. */
      record: NormalizedRecord;
    }
  | { ok: false; code: string; message: string };

/**
 * One harvested (not deleted) record as the catalogue will hold it: normalised by libs/records,
 * with the OAI header's datestamp judged like its fields, then made a catalogue document. The
 * harvester indexes exactly this, and the endpoint check previews exactly this.
 */
export function catalogueEntryFor(
  input: NormalizeInput,
  library: LibraryInfo,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): CatalogueEntryResult {
  const result = normalizeRecord(input, limits);
  if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
  // The OAI header is the harvester's to judge; the record carries the warning like its fields'.
  const datestamp = datestampProblem(input.datestamp);
  if (datestamp) result.record.warnings.push(`datestamp: ${datestamp}`);
  return { ok: true, document: toUnmatchedDocument(result.record, library), record: result.record };
}
