import type { OaiErrorCode } from './errors';
import type { Granularity } from './granularity';

export interface OaiHeader {
  identifier: string;
  /** The datestamp exactly as the repository wrote it. */
  datestamp: string;
  /** Parsed UTC datestamp; undefined when the repository sent an invalid one. */
  date?: Date;
  setSpecs: string[];
  deleted: boolean;
}

export interface OaiRecord {
  header: OaiHeader;
  /**
   * Raw XML of the metadata element's child, exactly as sent, with the
   * namespace declarations it inherits added to its root so it parses alone.
   * Undefined for deleted records.
   */
  metadataXml?: string;
  aboutXml: string[];
}

/** A list entry: either a usable value or a reported failure for one entry. */
export type OaiItem<T> =
  | { kind: 'record'; record: T }
  | {
      kind: 'failure';
      identifier?: string;
      reason: string;
      rawXml?: string;
      /** Set when a limit refused the entry (RECORD_TOO_LARGE, XML_TOO_DEEP); unset for unreadable XML. */
      code?: OaiErrorCode;
    };

export interface OaiSet {
  setSpec: string;
  setName: string;
  descriptionXml: string[];
}

export interface OaiMetadataFormat {
  metadataPrefix: string;
  schema: string;
  metadataNamespace: string;
}

export interface OaiIdentify {
  repositoryName: string;
  baseURL: string;
  protocolVersion: string;
  adminEmails: string[];
  earliestDatestamp: string;
  deletedRecord: 'no' | 'persistent' | 'transient' | string;
  granularity: Granularity;
  compression: string[];
  descriptionXml: string[];
  responseDate: Date;
}

export interface ResumptionToken {
  /** Empty string on the last page of a list. */
  value: string;
  cursor?: number;
  completeListSize?: number;
  expirationDate?: Date;
}

export interface PageStats {
  /** Decompressed bytes received for this page, including abandoned attempts. */
  bytes: number;
  requests: number;
  retries: number;
  illegalCharsRemoved: number;
  invalidBytesReplaced: number;
  failures: number;
  items: number;
}

/** Something odd the client accepted; `code` is stable, `message` names the source and what to do. */
export interface OaiWarning {
  code: 'ROOT_NAMESPACE';
  message: string;
}

export interface PageEnd {
  responseDate?: Date;
  /** Undefined when the page carried no resumptionToken element. */
  resumptionToken?: ResumptionToken;
  /** True when this page ends the list (no token or an empty one). */
  lastPage: boolean;
  /** Set by noRecordsMatch: the list is empty. */
  noRecordsMatch: boolean;
  stats: PageStats;
  /** Warnings about the response, each given once per client (on the first page it appears on). */
  warnings: OaiWarning[];
}

export interface ListArgs {
  metadataPrefix: string;
  from?: Date;
  until?: Date;
  set?: string;
  /** Overrides the client's granularity for from/until. */
  granularity?: Granularity;
}

export interface ResumeArgs {
  resumptionToken: string;
}

export type ListRequest = ListArgs | ResumeArgs;
