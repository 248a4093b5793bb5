import type { OaiMetadataFormat } from '@hop-luu/oai-pmh';
import { isMappedFormat } from '@hop-luu/records';
import type { Source } from './source.entity';

/** Something the live check found worth knowing; the source is registered all the same. */
export interface RegistrationWarning {
  /** UNMAPPED_FORMAT: the chosen prefix is not one libs/records maps, so every record would fail. */
  readonly code: 'UNMAPPED_FORMAT';
  readonly message: string;
  /** A prefix the source offers that we map (oai_dc first); null when it offers none. */
  readonly suggestedMetadataPrefix: string | null;
}

/** A newly registered source, with the warnings of its live check. */
export type RegisteredSource = Source & { readonly registrationWarnings: RegistrationWarning[] };

/** OAI-PMH requires every repository to serve oai_dc, so it is the first suggestion. */
const PREFERRED = 'oai_dc';

/**
 * Warns when the chosen format is one we cannot map (arXiv, oai_doaj, xoai, nsdl_dc…), so a
 * partner learns it at registration rather than from a harvest where every record failed
 * with UNKNOWN_FORMAT; suggests the source's oai_dc, or another format it offers that we map.
 */
export function formatWarnings(
  baseUrl: string,
  chosen: OaiMetadataFormat,
  offered: readonly OaiMetadataFormat[],
): RegistrationWarning[] {
  if (isMappedFormat(chosen.metadataPrefix, chosen.metadataNamespace)) return [];
  const mapped = offered
    .filter((format) => isMappedFormat(format.metadataPrefix, format.metadataNamespace))
    .map((format) => format.metadataPrefix)
    .sort((a, b) => Number(b === PREFERRED) - Number(a === PREFERRED));
  const suggested = mapped[0] ?? null;
  const namespace = chosen.metadataNamespace ? ` (${chosen.metadataNamespace})` : '';
  const advice = suggested
    ? `register with metadataPrefix "${suggested}" instead` +
      (suggested === PREFERRED ? ' (every OAI-PMH repository serves it)' : '') +
      (mapped.length > 1 ? `; it also offers ${mapped.slice(1).join(', ')}` : '')
    : 'it offers no format we map (oai_dc, MARC 21, MODS), although OAI-PMH requires oai_dc; ask the repository to serve oai_dc';
  return [
    {
      code: 'UNMAPPED_FORMAT',
      message:
        `${baseUrl} serves "${chosen.metadataPrefix}"${namespace}, a format Hợp Lưu cannot map: ` +
        `every record would fail with UNKNOWN_FORMAT; ${advice}.`,
      suggestedMetadataPrefix: suggested,
    },
  ];
}
