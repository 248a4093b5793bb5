import { Client, cacheExchange, fetchExchange } from 'urql';
import { csrfHeaders } from './csrf';

/**
 * The one public GraphQL API, with the session cookie and its CSRF token. A new client (and
 * so an empty cache) per signed-in person: nobody sees the previous person's answers.
 */
export function makeGraphqlClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    // POST always: the CSRF check applies to POSTs, and search strings stay out of URLs and logs.
    preferGetMethod: false,
    fetchOptions: () => ({ credentials: 'same-origin', headers: csrfHeaders() }),
  });
}
