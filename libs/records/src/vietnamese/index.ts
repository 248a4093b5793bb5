export { canonicalizeTones } from './tone-placement';
export { foldText } from './fold';
export { repairLegacyEncoding, type LegacyEncoding, type LegacyRepair } from './legacy/repair';
export { isVietnameseSyllable } from './syllable';
