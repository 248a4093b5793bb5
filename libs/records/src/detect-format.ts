import type { RecordFormat } from './normalized-record';
import { OAI_DC_NS } from './dublin-core/map-dublin-core';
import { MARCXML_NS } from './marc21/marc-record';
import { MODS_NS } from './mods/map-mods';
import type { XmlElement } from '@hop-luu/xml';

type MappedFormat = Exclude<RecordFormat, 'none'>;

const BY_PREFIX: Readonly<Record<string, MappedFormat>> = {
  oai_dc: 'oai_dc',
  dc: 'oai_dc',
  marc21: 'marc21',
  marcxml: 'marc21',
  marc: 'marc21',
  marc21slim: 'marc21',
  mods: 'mods',
};
const BY_NAMESPACE: Readonly<Record<string, MappedFormat>> = {
  [OAI_DC_NS]: 'oai_dc',
  [MARCXML_NS]: 'marc21',
  [MODS_NS]: 'mods',
};

/** Outcome of format detection. */
export interface DetectedFormat {
  format?: MappedFormat;
  /** Set when prefix and namespace disagree (the namespace wins: it describes the XML we have). */
  conflict?: string;
}

/**
 * Chooses the mapper: the root element's namespace when it is one we know, else the
 * metadataPrefix (case-insensitive: 'MARC21', 'marcxml', 'mods', 'oai_dc').
 */
export function detectFormat(metadataPrefix: string, root: XmlElement): DetectedFormat {
  const byPrefix = BY_PREFIX[metadataPrefix.trim().toLowerCase()];
  const byNamespace = BY_NAMESPACE[root.ns] ?? BY_NAMESPACE[root.ns.replace(/\/?$/, '/')];
  if (byNamespace && byPrefix && byNamespace !== byPrefix) {
    return {
      format: byNamespace,
      conflict: `metadataPrefix '${metadataPrefix}' but root namespace is ${root.ns}; read as ${byNamespace}`,
    };
  }
  return { format: byNamespace ?? byPrefix };
}

/**
 * Whether records of a format offered by ListMetadataFormats can be mapped: decided like
 * `detectFormat`, by its namespace when known, else by its prefix.
 */
export function isMappedFormat(metadataPrefix: string, metadataNamespace = ''): boolean {
  const ns = metadataNamespace.trim();
  const byNamespace = BY_NAMESPACE[ns] ?? BY_NAMESPACE[ns.replace(/\/?$/, '/')];
  return (byNamespace ?? BY_PREFIX[metadataPrefix.trim().toLowerCase()]) !== undefined;
}
