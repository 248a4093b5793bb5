import { extractDoi, extractHandle, isUrl } from './doi-handle-url';

/** Kind of an untyped identifier (dc:identifier, MODS identifier without @type). */
export type IdentifierKind = 'isbn' | 'issn' | 'doi' | 'handle' | 'url' | 'unknown';

const LABELLED_ISBN = /^(?:urn:isbn:|isbn[\s:]*)/i;
const LABELLED_ISSN = /^(?:urn:issn:|e?issn[\s:]*)/i;
const BARE_ISBN = /^(?:97[89]-?)?\d(?:-?\d){8}-?[\dXx]$/;
const BARE_ISSN = /^\d{4}-\d{3}[\dXx]$/;
const DOI_HINT = /^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/|10\.\d{4,9}\/)/i;

/** Decides what an untyped identifier is; the caller validates ISBN/ISSN check digits. */
export function classifyIdentifier(raw: string): { kind: IdentifierKind; value: string } {
  const value = raw.trim();
  if (DOI_HINT.test(value)) {
    const doi = extractDoi(value);
    if (doi) return { kind: 'doi', value: doi };
  }
  const handle = extractHandle(value);
  if (handle) return { kind: 'handle', value: handle };
  if (isUrl(value)) return { kind: 'url', value };
  if (LABELLED_ISBN.test(value)) return { kind: 'isbn', value: value.replace(LABELLED_ISBN, '') };
  if (LABELLED_ISSN.test(value)) return { kind: 'issn', value: value.replace(LABELLED_ISSN, '') };
  if (BARE_ISBN.test(value)) return { kind: 'isbn', value };
  if (BARE_ISSN.test(value)) return { kind: 'issn', value };
  return { kind: 'unknown', value };
}
