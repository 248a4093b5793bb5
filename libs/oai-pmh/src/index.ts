export { OaiPmhClient } from './client';
export { OaiErrorCode, OaiPmhError, isOaiPmhError, PROTOCOL_ERROR_CODES } from './errors';
export type { OaiPmhErrorDetails } from './errors';
export {
  DAY_GRANULARITY,
  SECONDS_GRANULARITY,
  datestampProblem,
  formatDatestamp,
  granularityOf,
  isGranularity,
  nextFrom,
  parseDatestamp,
  truncateToGranularity,
} from './granularity';
export type { Granularity } from './granularity';
export { HostThrottle } from './host-throttle';
export type { HostLease, HostThrottleOptions, ThrottleFeedback } from './host-throttle';
export { parseRetryAfter } from './http/retry-after';
export { OaiPage } from './list/page';
export {
  addressRefused,
  createGuardedLookup,
  isPrivateAddress,
  publicAddressesOnly,
} from './net/address-policy';
export type { AddressPolicy } from './net/address-policy';
export type { OaiLogger, OaiPmhClientOptions, RetryOptions } from './options';
export type {
  ListArgs,
  ListRequest,
  OaiHeader,
  OaiIdentify,
  OaiItem,
  OaiMetadataFormat,
  OaiRecord,
  OaiSet,
  OaiWarning,
  PageEnd,
  PageStats,
  ResumeArgs,
  ResumptionToken,
} from './types';
