/**
 * Stateless resumption tokens: the list arguments and offset are encoded in
 * the token, so any provider process (or a restarted one) can continue a
 * list, like a real repository would.
 */
export interface TokenState {
  verb: string;
  prefix?: string;
  from?: string;
  until?: string;
  set?: string;
  offset: number;
  /** Expiry, ms since epoch. */
  exp: number;
  /** Count of spurious empty pages served so far. */
  spurious?: number;
  /** Distinguishes endless-list laps so tokens never repeat. */
  lap?: number;
}

export function encodeToken(state: TokenState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeToken(token: string): TokenState | undefined {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as TokenState;
    return typeof state.offset === 'number' && typeof state.verb === 'string' ? state : undefined;
  } catch {
    return undefined;
  }
}
