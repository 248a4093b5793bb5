import { DEFAULT_XML_LIMITS, XmlLimits } from '@hop-luu/records';
import { BulkAction, catalogueEntryFor, LibraryInfo } from '@hop-luu/search-index';
import { RawRecordRow } from '../raw-records/raw-records.service';

export type IndexActionResult =
  { ok: true; action: BulkAction } | { ok: false; code: string; message: string };

// Where the harvest's XML limits are made, beside the OAI client built with them.
export { xmlLimitsOf } from '@hop-luu/sources';

/** What the catalogue index should do with one raw record: delete it, or index its normalised form. */
export function indexActionFor(
  raw: RawRecordRow,
  library: LibraryInfo,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): IndexActionResult {
  if (raw.deleted) return { ok: true, action: { kind: 'delete', id: raw.id } };
  // The row is the normalise input itself: the OAI header, the prefix and the XML as sent.
  const entry = catalogueEntryFor(raw, library, limits);
  if (!entry.ok) return entry;
  return { ok: true, action: { kind: 'index', id: raw.id, document: entry.document } };
}
