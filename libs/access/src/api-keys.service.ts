import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AccessError, AccessErrorCode } from './access.errors';
import { Actor, canManage } from './actor';
import { ApiKey } from './api-key.entity';
import { newKey, prefixOf, sha256 } from './api-key-secret';
import { Partner, Role } from './partner.entity';

export interface CreatedKey {
  readonly partner: Partner;
  /** The stored row (hash only), with its partner. */
  readonly stored: ApiKey;
  /** The whole key; shown once and never stored. */
  readonly key: string;
}

export interface KeyOptions {
  readonly label?: string;
  /** Must be in the future; none: the key does not expire. */
  readonly expiresAt?: Date;
}

/**
 * Partners' API keys: creation (CLI, or one's own over GraphQL), listing, revocation and rotation (CLI and staff or the
 * owning partner over GraphQL). Secrets are stored only as hashes; a new key is returned once.
 * Authentication reads the row every time (KeyAuthenticationService), so a revocation takes
 * effect on the next request at every gateway replica.
 */
@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(
    @InjectRepository(Partner) private readonly partners: Repository<Partner>,
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    private readonly db: DataSource,
  ) {}

  /** Creates the partner if it is new (by name), then a fresh key for it. */
  async createKey(partnerName: string, role: Role, options: KeyOptions = {}): Promise<CreatedKey> {
    const expiresAt = checkedExpiry(options.expiresAt);
    const partner =
      (await this.partners.findOneBy({ name: partnerName })) ??
      (await this.partners.save(this.partners.create({ name: partnerName, role })));
    return this.created(partner, options.label ?? null, expiresAt);
  }

  /**
   * A fresh key for the caller's own partner (for staff, the staff row they act for): what
   * the console's "create a key" does, so nobody makes keys for another library.
   */
  async createOwnKey(
    actor: Exclude<Actor, { kind: 'anonymous' }>,
    options: KeyOptions = {},
  ): Promise<CreatedKey> {
    const expiresAt = checkedExpiry(options.expiresAt);
    const partner = await this.partners.findOneByOrFail({ id: actor.partnerId });
    return this.created(partner, options.label ?? null, expiresAt);
  }

  private async created(
    partner: Partner,
    label: string | null,
    expiresAt: Date | null,
  ): Promise<CreatedKey> {
    const created = await this.issue(this.keys, partner, label, expiresAt);
    this.logger.log(
      `created API key ${created.stored.prefix} for ${partner.role} "${partner.name}"`,
    );
    return created;
  }

  /** Keys newest first, with their partner; a partner `actor` sees only its own. */
  list(actor?: Actor): Promise<ApiKey[]> {
    const own = actor?.kind === 'partner' ? { partnerId: actor.partnerId } : {};
    return this.keys.find({
      where: own,
      relations: { partner: true },
      order: { createdAt: 'DESC' },
    });
  }

  /** Revokes a key (by prefix) at once; revoking a revoked key changes nothing. */
  async revoke(reference: string, actor?: Actor): Promise<ApiKey> {
    const key = await this.find(reference, actor);
    if (key.revokedAt) return key;
    key.revokedAt = new Date();
    await this.keys.update({ id: key.id }, { revokedAt: key.revokedAt });
    this.logger.log(`revoked API key ${key.prefix} of "${key.partner?.name}"`);
    return key;
  }

  /**
   * Replaces a key by a new one for the same partner, label and expiry (an expiry already
   * past is dropped, unless `expiresAt` gives a new one), revoking the old key in the same
   * transaction. The new key is returned once.
   */
  async rotate(reference: string, actor?: Actor, expiresAt?: Date): Promise<CreatedKey> {
    const old = await this.find(reference, actor);
    const alreadyRevoked = () =>
      new AccessError(
        AccessErrorCode.KeyInvalid,
        `API key ${old.prefix} is revoked; create a new key instead of rotating it.`,
      );
    if (old.revokedAt) throw alreadyRevoked();
    const keeps = old.expiresAt && old.expiresAt > new Date() ? old.expiresAt : null;
    const expiry = expiresAt ? checkedExpiry(expiresAt) : keeps;
    const created = await this.db.transaction(async (tx) => {
      const keys = tx.getRepository(ApiKey);
      // Only the rotation that revokes the key issues a replacement: two at once make one key.
      const revoked = await keys.update(
        { id: old.id, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      if (revoked.affected !== 1) throw alreadyRevoked();
      return this.issue(keys, old.partner!, old.label, expiry);
    });
    this.logger.log(`rotated API key ${old.prefix} to ${created.stored.prefix}`);
    return created;
  }

  private async issue(
    keys: Repository<ApiKey>,
    partner: Partner,
    label: string | null,
    expiresAt: Date | null,
  ): Promise<CreatedKey> {
    const fresh = newKey();
    const stored = await keys.save(
      keys.create({
        partnerId: partner.id,
        prefix: fresh.prefix,
        secretHash: sha256(fresh.secret),
        label,
        expiresAt,
      }),
    );
    stored.partner = partner;
    return { partner, stored, key: fresh.key };
  }

  /** The key a reference names, if `actor` (none: the operator's CLI) may manage it. */
  private async find(reference: string, actor?: Actor): Promise<ApiKey> {
    const prefix = prefixOf(reference);
    const key = prefix
      ? await this.keys.findOne({ where: { prefix }, relations: { partner: true } })
      : null;
    if (!key) {
      throw new AccessError(
        AccessErrorCode.KeyNotFound,
        `No API key "${reference.slice(0, 80)}"; give the key's prefix as the key list shows it (hl_ and 10 letters or digits).`,
      );
    }
    if (actor && !canManage(actor, key.partnerId)) {
      throw new AccessError(
        AccessErrorCode.Forbidden,
        `API key ${key.prefix} belongs to another partner; you can manage only your own keys.`,
      );
    }
    return key;
  }
}

function checkedExpiry(expiresAt: Date | undefined): Date | null {
  if (!expiresAt) return null;
  if (Number.isNaN(expiresAt.getTime()) || expiresAt <= new Date()) {
    throw new AccessError(
      AccessErrorCode.KeyInvalid,
      'The expiry must be a date and time in the future, e.g. 2027-01-31T00:00:00Z.',
    );
  }
  return expiresAt;
}
