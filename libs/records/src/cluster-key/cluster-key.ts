import type { Agent, ClusterKey, ResourceType } from '../normalized-record';
import { normalizeEdition } from './edition';
import { familyName } from './family-name';
import { titleKey } from './title-key';

/** What a cluster key is built from. */
export interface ClusterSource {
  isbn: readonly string[];
  issn: readonly string[];
  title: string;
  titleNonfiling: number;
  creators: readonly Agent[];
  year?: number;
  edition?: string;
  languages: readonly string[];
  type: ResourceType;
}

/**
 * Key that groups the same work (same edition) held by different libraries:
 * the first valid ISBN-13, else the first ISSN, else folded title + first creator's family
 * name + year + normalised edition. See README "Cluster key" for the reasoning.
 *
 * An article's ISSN/ISBN names the journal or proceedings it appeared in, not the article,
 * so articles always use the title rule; the ISSN rule is for serial records only.
 */
export function buildClusterKey(src: ClusterSource): ClusterKey {
  const isbn = src.type === 'article' ? undefined : src.isbn[0];
  if (isbn) return { key: `isbn:${isbn}`, basis: 'isbn', parts: { isbn } };
  const issn = src.type === 'journal' ? src.issn[0] : undefined;
  if (issn) return { key: `issn:${issn}`, basis: 'issn', parts: { issn } };
  const parts = {
    title: titleKey(src.title, src.titleNonfiling, src.languages),
    creator: src.creators[0] ? familyName(src.creators[0].name) : '',
    year: src.year === undefined ? '' : String(src.year),
    edition: normalizeEdition(src.edition),
  };
  return {
    key: `title:${parts.title}|${parts.creator}|${parts.year}|${parts.edition}`,
    basis: 'title',
    parts,
  };
}
