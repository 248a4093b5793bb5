import { DomainError } from '@hop-luu/domain-error';

/** Why a record could not be normalised. Stable strings: the harvester stores and counts them. */
export enum RecordErrorCode {
  /** sourceId / oaiIdentifier / datestamp missing or empty. */
  InvalidInput = 'INVALID_INPUT',
  /** Record is not deleted but carries no metadata XML. */
  MissingMetadata = 'MISSING_METADATA',
  /** Metadata XML larger than the reader accepts. */
  TooLarge = 'TOO_LARGE',
  /** Metadata XML nests elements deeper than the limit (a hostile or broken record). */
  XmlTooDeep = 'XML_TOO_DEEP',
  /** Metadata XML is not well-formed. */
  MalformedXml = 'MALFORMED_XML',
  /** Metadata XML declares a DOCTYPE (refused: no DTD or entity expansion, ever). */
  DoctypeForbidden = 'DOCTYPE_FORBIDDEN',
  /** Neither metadataPrefix nor the root namespace names a format we map. */
  UnknownFormat = 'UNKNOWN_FORMAT',
  /** A bug in this library; the message carries the cause. */
  Internal = 'INTERNAL',
}

/** Typed failure thrown inside the library and turned into `{ ok: false }` at the entry point. */
export class RecordError extends DomainError<RecordErrorCode> {}
