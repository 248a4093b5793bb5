import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DomainError } from '@hop-luu/domain-error';
import { RateLimitedError } from '@hop-luu/access';
import { DOMAIN_ERRORS, DomainCode, statusOf } from './api-errors';

/**
 * Sends an answer that has errors and nothing else with the HTTP status of its first error
 * (UNAUTHENTICATED 401, BAD_USER_INPUT 400, SEARCH_UNAVAILABLE 503, …). An answer with some
 * data stays 200: the client got something, and each error is named beside its field.
 */
export function httpStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || hasData(data)) return;
          response.http.status = statusOf(errors[0].extensions?.code);
        },
      };
    },
  };
}

function hasData(data: Record<string, unknown> | null | undefined): boolean {
  return !!data && Object.values(data).some((value) => value !== null && value !== undefined);
}

/**
 * A domain error thrown while the request context is made (who is calling, their rate limit),
 * as Apollo sends it: plugins do not run then, so status and Retry-After ride on the error.
 */
export function contextError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const api = DOMAIN_ERRORS[error.code as DomainCode];
  const headers = new HeaderMap();
  if (error instanceof RateLimitedError)
    headers.set('retry-after', String(error.retryAfterSeconds));
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: api?.code ?? error.code, http: { status: api?.status ?? 500, headers } },
  });
}
