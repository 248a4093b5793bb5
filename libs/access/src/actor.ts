import type { Role } from './partner.entity';

/**
 * Who is asking: anyone (no key), a partner library, or staff; by API key, or a person signed
 * in to the console (`personId` set), who acts for their partner exactly as its keys do.
 */
export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: Role;
      readonly partnerId: string;
      readonly name: string;
      readonly personId?: string;
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function isStaff(actor: Actor): boolean {
  return actor.kind === 'staff';
}

/** Staff manage every source; a partner only the sources it owns. */
export function canManage(actor: Actor, ownerId: string | null): boolean {
  if (actor.kind === 'staff') return true;
  return actor.kind === 'partner' && ownerId === actor.partnerId;
}
