/**
 * The session's CSRF token (from GET /console/auth/me). Every POST that carries the session
 * cookie — sign-in endpoints and /graphql alike — sends it as x-csrf-token.
 */
let token = '';

export function setCsrfToken(next: string): void {
  token = next;
}

export function csrfHeaders(): Record<string, string> {
  return token ? { 'x-csrf-token': token } : {};
}
