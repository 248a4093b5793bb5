import { DomainError } from '@hop-luu/domain-error';

/** Why a source operation was refused; the gateway maps each code to a GraphQL error code. */
export enum SourceErrorCode {
  NotFound = 'SOURCE_NOT_FOUND',
  AlreadyExists = 'SOURCE_ALREADY_EXISTS',
  Invalid = 'SOURCE_INVALID',
  EndpointUnusable = 'SOURCE_ENDPOINT_UNUSABLE',
  AddressNotAllowed = 'SOURCE_ADDRESS_NOT_ALLOWED',
}

export class SourceError extends DomainError<SourceErrorCode> {}
