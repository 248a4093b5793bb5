import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@hop-luu/domain-error';
import { AccountLockedError } from '@hop-luu/people';
import { DOMAIN_ERRORS, DomainCode } from '../graphql/api-errors';

/**
 * The sign-in endpoints' refusals as JSON `{ code, message }` with the status of the API's one
 * error table (ACCOUNT_LOCKED adds `retryAfterSeconds` and a Retry-After header).
 */
@Catch(DomainError)
export class AuthErrorsFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const api = DOMAIN_ERRORS[error.code as DomainCode] ?? { code: error.code, status: 500 };
    const body: Record<string, unknown> = { code: api.code, message: error.message };
    if (error instanceof AccountLockedError) {
      body.retryAfterSeconds = error.retryAfterSeconds;
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    res.status(api.status).json(body);
  }
}
