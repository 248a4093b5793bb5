import { AccessError, AccessErrorCode, Actor } from '@hop-luu/access';

/**
 * Refuses anonymous callers with UNAUTHENTICATED; `action` names what they tried
 * ("Registering a source"), so the message fits the operation.
 */
export function requireSignedIn(
  actor: Actor,
  action: string,
): asserts actor is Exclude<Actor, { kind: 'anonymous' }> {
  if (actor.kind === 'anonymous') {
    throw new AccessError(
      AccessErrorCode.Unauthenticated,
      `${action} is for partner libraries and staff; sign in to the console, or send your API key in the X-API-Key header.`,
    );
  }
}
