import { foldText, isbn10From13, normalizeIsbn, searchForm } from '@hop-luu/records';

/** A search box's text split into free words and field:value parts. */
export interface ParsedQuery {
  readonly free: string;
  readonly fielded: { readonly field: QueryField; readonly value: string }[];
}

export const QUERY_FIELDS = ['title', 'author', 'subject', 'publisher', 'isbn', 'issn'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

// field:"a phrase" or field:word, with an optional leading - or +.
const FIELDED = new RegExp(`(^|\\s)([+-]?)(${QUERY_FIELDS.join('|')}):("[^"]*"|\\S+)`, 'gi');

export function parseQuery(text: string): ParsedQuery {
  const fielded: ParsedQuery['fielded'][number][] = [];
  const free = text
    .normalize('NFC')
    .replace(FIELDED, (_all, lead: string, sign: string, field: string, value: string) => {
      fielded.push({ field: field.toLowerCase() as QueryField, value: sign + value });
      return lead;
    });
  return { free: free.trim(), fielded };
}

/** The query in the indexed forms: exact (canonical tone marks, lower case) and folded (no diacritics, đ→d). */
export function queryForms(text: string): { exact: string; folded: string } {
  const exact = searchForm(text.normalize('NFC'));
  return { exact, folded: foldText(exact) };
}

/** Both forms of an ISBN typed in either form, for an exact identifier match; undefined if it is not one. */
export function isbnForms(text: string): string[] | undefined {
  const trimmed = text.replace(/^"|"$/g, '').trim();
  if (!/^[\dXx-]{10,17}$/.test(trimmed)) return undefined;
  const isbn = normalizeIsbn(trimmed);
  if (!isbn.ok) return undefined;
  const ten = isbn10From13(isbn.isbn13);
  return ten ? [isbn.isbn13, ten.toLowerCase()] : [isbn.isbn13];
}
