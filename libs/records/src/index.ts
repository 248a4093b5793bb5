/**
 * @hop-luu/records: one catalogue record from Dublin Core, MARC 21 and MODS, with
 * Vietnamese text rules. Entry point: `normalizeRecord`.
 */
export * from './normalized-record';
export { RecordError, RecordErrorCode } from './errors';
export { normalizeRecord, normalizeRecords } from './normalize';
export { DEFAULT_XML_LIMITS, type XmlLimits } from '@hop-luu/xml';
export { isMappedFormat } from './detect-format';
export { searchForm } from './search-forms';
export {
  canonicalizeTones,
  foldText,
  repairLegacyEncoding,
  isVietnameseSyllable,
} from './vietnamese';
export { VIETNAMESE_ONLY } from './vietnamese/letters';
export type { LegacyEncoding, LegacyRepair } from './vietnamese';
export { repairText, repairDoubleUtf8, type RepairedText, type TextFix } from './text-repair';
export {
  isbn10From13,
  normalizeIsbn,
  normalizeIssn,
  extractDoi,
  extractHandle,
  classifyIdentifier,
} from './identifiers';
export { trimIsbd, cleanText, readYear } from './text';
export { toIso639_3 } from './vocabulary/languages';
export { mapResourceType } from './vocabulary/resource-types';
export * from './record-id';
