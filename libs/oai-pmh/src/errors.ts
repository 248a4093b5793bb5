/**
 * One error type for everything that stops a request or a list. Expected
 * outcomes (an empty list, a deleted record, one broken record) are returned
 * as values instead, so a caller only has to catch real failures.
 */
export enum OaiErrorCode {
  // OAI-PMH 2.0 protocol error codes, spelled as the repository sends them.
  BadArgument = 'badArgument',
  BadResumptionToken = 'badResumptionToken',
  BadVerb = 'badVerb',
  CannotDisseminateFormat = 'cannotDisseminateFormat',
  IdDoesNotExist = 'idDoesNotExist',
  NoRecordsMatch = 'noRecordsMatch',
  NoMetadataFormats = 'noMetadataFormats',
  NoSetHierarchy = 'noSetHierarchy',
  // Transport and client-side failures.
  HttpError = 'HTTP_ERROR',
  NetworkError = 'NETWORK_ERROR',
  Timeout = 'TIMEOUT',
  RetryAfterTooLong = 'RETRY_AFTER_TOO_LONG',
  ResponseTooLarge = 'RESPONSE_TOO_LARGE',
  EmptyResponse = 'EMPTY_RESPONSE',
  NotOaiPmh = 'NOT_OAI_PMH',
  MalformedXml = 'MALFORMED_XML',
  TruncatedResponse = 'TRUNCATED_RESPONSE',
  DtdNotAllowed = 'DTD_NOT_ALLOWED',
  TokenLoop = 'TOKEN_LOOP',
  TooManyEmptyPages = 'TOO_MANY_EMPTY_PAGES',
  PageCapReached = 'PAGE_CAP_REACHED',
  ResumeTokenRejected = 'RESUME_TOKEN_REJECTED',
  IncompleteList = 'INCOMPLETE_LIST',
  AddressNotAllowed = 'ADDRESS_NOT_ALLOWED',
  TooManyRedirects = 'TOO_MANY_REDIRECTS',
  InvalidResponse = 'INVALID_RESPONSE',
  /** One list item over `maxRecordChars`: that item fails, the page goes on. */
  RecordTooLarge = 'RECORD_TOO_LARGE',
  /**
   * Elements nested deeper than `maxXmlDepth`: outside the records the page fails with
   * it; inside one record, that record fails with it and the page goes on.
   */
  XmlTooDeep = 'XML_TOO_DEEP',
}

/** Codes a repository may put in `<error code="...">`. */
export const PROTOCOL_ERROR_CODES: ReadonlySet<string> = new Set([
  OaiErrorCode.BadArgument,
  OaiErrorCode.BadResumptionToken,
  OaiErrorCode.BadVerb,
  OaiErrorCode.CannotDisseminateFormat,
  OaiErrorCode.IdDoesNotExist,
  OaiErrorCode.NoRecordsMatch,
  OaiErrorCode.NoMetadataFormats,
  OaiErrorCode.NoSetHierarchy,
]);

export interface OaiPmhErrorDetails {
  /** Whether trying the same request again later may succeed. */
  retryable?: boolean;
  status?: number;
  /** When the repository said it would accept requests again (Retry-After). */
  retryAt?: Date;
  /** Token to resume from after PAGE_CAP_REACHED and other list stops. */
  resumptionToken?: string;
  expectedCount?: number;
  receivedCount?: number;
  cause?: unknown;
}

export class OaiPmhError extends Error {
  override readonly name = 'OaiPmhError';
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAt?: Date;
  readonly resumptionToken?: string;
  readonly expectedCount?: number;
  readonly receivedCount?: number;

  constructor(
    readonly code: OaiErrorCode,
    message: string,
    details: OaiPmhErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.retryable = details.retryable ?? false;
    this.status = details.status;
    this.retryAt = details.retryAt;
    this.resumptionToken = details.resumptionToken;
    this.expectedCount = details.expectedCount;
    this.receivedCount = details.receivedCount;
  }
}

export function isOaiPmhError(error: unknown, code?: OaiErrorCode): error is OaiPmhError {
  return error instanceof OaiPmhError && (code === undefined || error.code === code);
}

/** Maps a repository's `<error>` element to a typed error whose message says what to do. */
export function protocolError(baseUrl: string, code: string, text: string): OaiPmhError {
  const said = text.trim() ? ` ("${text.trim()}")` : '';
  const known = PROTOCOL_ERROR_CODES.has(code);
  const advice =
    PROTOCOL_ADVICE[code] ?? 'check the request arguments against the OAI-PMH 2.0 spec';
  return new OaiPmhError(
    known ? (code as OaiErrorCode) : OaiErrorCode.InvalidResponse,
    `Source ${baseUrl} answered OAI-PMH error ${code}${said}; ${advice}.`,
  );
}

const PROTOCOL_ADVICE: Record<string, string> = {
  badArgument:
    'fix the request arguments (dates in the repository granularity, no extra arguments)',
  badResumptionToken:
    'the token is invalid or expired; restart the list without a token (use from= to limit overlap)',
  badVerb:
    'the repository does not support this verb; check the base URL points to an OAI-PMH endpoint',
  cannotDisseminateFormat:
    'choose a metadataPrefix listed by ListMetadataFormats for this repository or record',
  idDoesNotExist: 'check the identifier (ListIdentifiers shows the valid ones)',
  noRecordsMatch: 'nothing matched the given from/until/set',
  noMetadataFormats: 'the item has no metadata formats',
  noSetHierarchy: 'the repository does not support sets; harvest without set=',
};
