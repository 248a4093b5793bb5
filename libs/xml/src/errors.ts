/** Why a document could not be read. Stable strings: callers store and count them. */
export enum XmlErrorCode {
  /** Not well-formed: mismatched tags, unbound prefixes, bare '&', text outside the root… */
  MalformedXml = 'MALFORMED_XML',
  /** A DOCTYPE declaration (refused: no DTD or entity expansion, ever). */
  DoctypeForbidden = 'DOCTYPE_FORBIDDEN',
  /** Longer than `XmlLimits.maxChars`. */
  TooLarge = 'TOO_LARGE',
  /** Elements nested deeper than `XmlLimits.maxDepth`. */
  XmlTooDeep = 'XML_TOO_DEEP',
}

/** The one error the reader throws; `code` says which rule the document broke. */
export class XmlError extends Error {
  override readonly name = 'XmlError';

  constructor(
    readonly code: XmlErrorCode,
    message: string,
  ) {
    super(message);
  }
}
