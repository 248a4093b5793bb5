import {
  DEFAULT_XML_LIMITS,
  parseXml,
  XmlError,
  type XmlElement,
  type XmlLimits,
} from '@hop-luu/xml';
import type {
  NormalizedRecord,
  NormalizeInput,
  NormalizeResult,
  RecordFormat,
} from './normalized-record';
import { detectFormat } from './detect-format';
import { RecordDraft } from './draft/record-draft';
import { deletedRecord, finishRecord } from './draft/finish-record';
import { mapDublinCore } from './dublin-core/map-dublin-core';
import { RecordError, RecordErrorCode } from './errors';
import { mapMarc21 } from './marc21/map-marc21';
import { mapMods } from './mods/map-mods';

const MAPPERS: Readonly<
  Record<Exclude<RecordFormat, 'none'>, (root: XmlElement, draft: RecordDraft) => void>
> = {
  oai_dc: mapDublinCore,
  marc21: mapMarc21,
  mods: mapMods,
};

/**
 * Normalises one harvested OAI-PMH record into a `NormalizedRecord`. Never throws: every
 * failure is `{ ok: false, error: { code, message } }`, the message naming the record and
 * what to do, so one bad record never stops a batch.
 */
export function normalizeRecord(
  input: NormalizeInput,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): NormalizeResult {
  try {
    return { ok: true, record: normalizeOrThrow(input, limits) };
  } catch (err) {
    const code = errorCodeOf(err);
    const cause = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code, message: explain(code, input, cause) } };
  }
}

/** Normalises a batch; results are in input order, failures included. */
export function normalizeRecords(
  inputs: readonly NormalizeInput[],
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): NormalizeResult[] {
  return inputs.map((input) => normalizeRecord(input, limits));
}

function normalizeOrThrow(input: NormalizeInput, limits: XmlLimits): NormalizedRecord {
  checkHeader(input);
  if (input.deleted) return deletedRecord(input);
  if (input.metadataXml === undefined || input.metadataXml.trim() === '') {
    throw new RecordError(
      RecordErrorCode.MissingMetadata,
      'record is not deleted but has no metadata',
    );
  }
  const root = parseXml(input.metadataXml, limits);
  const { format, conflict } = detectFormat(input.metadataPrefix, root);
  if (!format) {
    throw new RecordError(
      RecordErrorCode.UnknownFormat,
      `metadataPrefix '${input.metadataPrefix}' with root <${root.name}> in namespace '${root.ns}'`,
    );
  }
  const draft = new RecordDraft();
  if (conflict) draft.warn('format', conflict);
  MAPPERS[format](root, draft);
  return finishRecord(draft, input, format);
}

/** The reader's codes are the same strings as ours; anything else is a bug. */
const FROM_XML: Readonly<Record<XmlError['code'], RecordErrorCode>> = {
  MALFORMED_XML: RecordErrorCode.MalformedXml,
  DOCTYPE_FORBIDDEN: RecordErrorCode.DoctypeForbidden,
  TOO_LARGE: RecordErrorCode.TooLarge,
  XML_TOO_DEEP: RecordErrorCode.XmlTooDeep,
};

function errorCodeOf(err: unknown): RecordErrorCode {
  if (err instanceof RecordError) return err.code;
  if (err instanceof XmlError) return FROM_XML[err.code];
  return RecordErrorCode.Internal;
}

function checkHeader(input: NormalizeInput): void {
  for (const key of ['sourceId', 'oaiIdentifier', 'datestamp'] as const) {
    if (typeof input[key] !== 'string' || input[key].trim() === '') {
      throw new RecordError(RecordErrorCode.InvalidInput, `${key} is missing`);
    }
  }
}

const ADVICE: Readonly<Record<RecordErrorCode, string>> = {
  [RecordErrorCode.InvalidInput]:
    'fix the harvester: every record needs sourceId, oaiIdentifier and datestamp',
  [RecordErrorCode.MissingMetadata]:
    're-harvest the record with GetRecord, or report the source if it stays empty',
  [RecordErrorCode.TooLarge]:
    'report the source: one bibliographic record should be a few kilobytes',
  [RecordErrorCode.XmlTooDeep]:
    'report the source: no bibliographic record nests elements that deep; the record is skipped',
  [RecordErrorCode.MalformedXml]:
    'report the source with the record identifier; the record is skipped',
  [RecordErrorCode.DoctypeForbidden]:
    'report the source: DOCTYPE declarations are refused for safety',
  [RecordErrorCode.UnknownFormat]: 'harvest with metadataPrefix oai_dc, marc21 (MARCXML) or mods',
  [RecordErrorCode.Internal]: 'this is a bug in @hop-luu/records; please report it with the record',
};

function explain(code: RecordErrorCode, input: NormalizeInput, cause: string): string {
  const who = `${String(input.sourceId)}:${String(input.oaiIdentifier)}`;
  return `Record ${who} (${input.metadataPrefix}): ${cause}. What to do: ${ADVICE[code]}.`;
}
