import type { CombinedError } from 'urql';

/** The reasons a page tells apart; anything else is shown with the server's own message. */
export type ErrorKind = 'notAvailable' | 'forbidden' | 'notFound' | 'signedOut' | 'other';

const NOT_IN_SCHEMA =
  /^(Cannot query field|Unknown argument|Unknown type|Field ".*" is not defined|Value ".*" does not exist|Variable ".*" of type|Expected value of type|Unknown enum value)/;

function codes(error: CombinedError): string[] {
  return error.graphQLErrors.map((e) => String(e.extensions?.code ?? ''));
}

/**
 * The console is built against the console contract while other parts of the API land; a
 * field the gateway does not have yet fails validation, and the page says "not available"
 * instead of breaking.
 */
export function errorKind(error: CombinedError | undefined): ErrorKind | null {
  if (!error) return null;
  if (error.graphQLErrors.some((e) => NOT_IN_SCHEMA.test(e.message))) return 'notAvailable';
  const found = codes(error);
  if (found.includes('FORBIDDEN')) return 'forbidden';
  if (found.includes('NOT_FOUND')) return 'notFound';
  if (found.includes('UNAUTHENTICATED')) return 'signedOut';
  return 'other';
}

export function errorText(error: CombinedError): string {
  return error.graphQLErrors[0]?.message ?? error.networkError?.message ?? error.message;
}
