import type { OaiItem, OaiRecord } from '@hop-luu/oai-pmh';
import type { XmlLimits } from '@hop-luu/records';
import { catalogueEntryFor, LibraryInfo, UnmatchedDocument } from '@hop-luu/search-index';

/** A problem the preview found with one record, as a code and plain words. */
export interface PreviewWarning {
  /**
   * MISSING_TITLE; ENCODING_TCVN3, ENCODING_VNI, ENCODING_DECOMPOSED, ENCODING_DOUBLE_UTF8
   * (repaired), ENCODING_INVALID_BYTES (lost); FIELD_WARNING (another normalisation warning);
   * or the code the record failed with (e.g. UNKNOWN_FORMAT, UNREADABLE_RECORD): then it would
   * not be catalogued at all.
   */
  readonly code: string;
  readonly message: string;
}

/** One real record of the endpoint as the union catalogue will show it. */
export interface PreviewRecord {
  readonly identifier: string;
  /** null when the record would not be catalogued (its warning says why). */
  readonly title: string | null;
  readonly creators: string[];
  readonly year: number | null;
  readonly type: string | null;
  readonly language: string | null;
  readonly warnings: PreviewWarning[];
}

const ENCODING_WORDS: Record<string, string> = {
  TCVN3: 'was in the TCVN3 (ABC) encoding and was converted to Unicode',
  VNI: 'was in the VNI encoding and was converted to Unicode',
  DECOMPOSED: 'had decomposed Unicode (separate tone marks) and was composed',
  DOUBLE_UTF8: 'was UTF-8 encoded twice and was repaired',
  INVALID_BYTES:
    'contains bytes that are not valid UTF-8, shown as �; the original characters are lost, so the library should fix the record',
};

const QUOTED_LENGTH = 120;

/** Warning texts libs/records writes for what the quality facts already say (encoding, no title). */
const COVERED = /converted from|double-encoded|U\+FFFD|missing; record has no title/;

/** The preview of one list entry: normalised exactly as the harvester does before indexing. */
export function previewOf(
  item: OaiItem<OaiRecord>,
  context: { sourceId: string; metadataPrefix: string; library: LibraryInfo; limits: XmlLimits },
): PreviewRecord {
  if (item.kind === 'failure') {
    const code = item.code ?? 'UNREADABLE_RECORD';
    return failed(item.identifier ?? '(no identifier)', code, item.reason);
  }
  const { header, metadataXml } = item.record;
  const entry = catalogueEntryFor(
    {
      sourceId: context.sourceId,
      oaiIdentifier: header.identifier,
      datestamp: header.datestamp,
      deleted: false,
      setSpecs: header.setSpecs,
      metadataPrefix: context.metadataPrefix,
      metadataXml,
    },
    context.library,
    context.limits,
  );
  if (!entry.ok) return failed(header.identifier, entry.code, entry.message);
  return shown(entry.document);
}

function shown(document: UnmatchedDocument): PreviewRecord {
  return {
    identifier: document.oaiIdentifier,
    title: document.title,
    creators: document.creators,
    year: document.year ?? null,
    type: document.type,
    language: document.languages[0] ?? null,
    warnings: warningsOf(document),
  };
}

function warningsOf(document: UnmatchedDocument): PreviewWarning[] {
  const warnings: PreviewWarning[] = [];
  if (!document.quality.present.includes('TITLE'))
    warnings.push({
      code: 'MISSING_TITLE',
      message:
        'The record has no title: it is listed untitled and cannot be grouped with the same work by title.',
    });
  for (const example of document.quality.examples)
    warnings.push({
      code: `ENCODING_${example.kind}`,
      message:
        `${example.field} ${ENCODING_WORDS[example.kind]}: "${cut(example.before)}"` +
        (example.after === example.before ? '.' : ` → "${cut(example.after)}".`),
    });
  for (const warning of document.warnings)
    if (!COVERED.test(warning)) warnings.push({ code: 'FIELD_WARNING', message: warning });
  return warnings;
}

/** Values quoted in a warning are cut to their start: enough to recognise them. */
function cut(value: string): string {
  return value.length > QUOTED_LENGTH ? `${value.slice(0, QUOTED_LENGTH)}…` : value;
}

function failed(identifier: string, code: string, message: string): PreviewRecord {
  return {
    identifier,
    title: null,
    creators: [],
    year: null,
    type: null,
    language: null,
    warnings: [{ code, message: `Not catalogued: ${message}` }],
  };
}
