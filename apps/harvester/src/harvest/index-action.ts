import { datestampProblem } from '@hop-luu/oai-pmh';
import { AppConfig } from '@hop-luu/config';
import { DEFAULT_XML_LIMITS, normalizeRecord, XmlLimits } from '@hop-luu/records';
import { BulkAction, LibraryInfo, toCatalogueDocument } from '@hop-luu/search-index';
import { RawRecordRow } from '../raw-records/raw-records.service';

export type IndexActionResult =
  { ok: true; action: BulkAction } | { ok: false; code: string; message: string };

/**
 * The limits the OAI client enforced while harvesting, applied again when normalising, so a
 * record the harvest accepted is never refused later (and a stored one re-indexed alike).
 */
export function xmlLimitsOf(config: AppConfig): XmlLimits {
  return { maxChars: config.harvester.maxRecordChars, maxDepth: config.harvester.maxXmlDepth };
}

/** What the catalogue index should do with one raw record: delete it, or index its normalised form. */
export function indexActionFor(
  raw: RawRecordRow,
  library: LibraryInfo,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): IndexActionResult {
  if (raw.deleted) return { ok: true, action: { kind: 'delete', id: raw.id } };
  const result = normalizeRecord(
    {
      sourceId: raw.sourceId,
      oaiIdentifier: raw.oaiIdentifier,
      datestamp: raw.datestamp,
      deleted: false,
      setSpecs: raw.setSpecs,
      metadataPrefix: raw.metadataPrefix,
      metadataXml: raw.metadataXml ?? undefined,
    },
    limits,
  );
  if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
  // The OAI header is the harvester's to judge; the record carries the warning like its fields'.
  const datestamp = datestampProblem(raw.datestamp);
  if (datestamp) result.record.warnings.push(`datestamp: ${datestamp}`);
  return {
    ok: true,
    action: { kind: 'index', id: raw.id, document: toCatalogueDocument(result.record, library) },
  };
}
