import { DomainError } from '@hop-luu/domain-error';

export enum AlertErrorCode {
  WebhookInvalid = 'WEBHOOK_INVALID',
  WebhookAddressNotAllowed = 'WEBHOOK_ADDRESS_NOT_ALLOWED',
  WebhookNotFound = 'WEBHOOK_NOT_FOUND',
}

/** A webhook that cannot be registered or found; the message says why. */
export class AlertError extends DomainError<AlertErrorCode> {}

/** A webhook POST failed (no answer, timeout, or a status other than 2xx). */
export class WebhookDeliveryError extends Error {
  readonly code = 'WEBHOOK_DELIVERY_FAILED';
}
