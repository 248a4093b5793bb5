export { isbn10From13, normalizeIsbn, type IsbnResult } from './isbn';
export { normalizeIssn, type IssnResult } from './issn';
export { extractDoi, extractHandle, isUrl } from './doi-handle-url';
export { classifyIdentifier, type IdentifierKind } from './classify-identifier';
export { compactNumber, normalizeLccn, oclcNumber } from './other-ids';
