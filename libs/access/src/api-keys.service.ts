import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Actor } from './actor';
import { ApiKey } from './api-key.entity';
import { Partner, Role } from './partner.entity';

const KEY_FORMAT = /^hl_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface CreatedKey {
  readonly partner: Partner;
  /** The whole key; shown once and never stored. */
  readonly key: string;
}

/** Partners and their API keys: creation (CLI) and authentication (gateway). */
@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(
    @InjectRepository(Partner) private readonly partners: Repository<Partner>,
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
  ) {}

  /** Creates the partner if it is new (by name), then a fresh key for it. */
  async createKey(partnerName: string, role: Role, label?: string): Promise<CreatedKey> {
    const partner =
      (await this.partners.findOneBy({ name: partnerName })) ??
      (await this.partners.save(this.partners.create({ name: partnerName, role })));
    const prefix = randomBytes(8).toString('hex').slice(0, 10);
    const secret = randomBytes(32).toString('base64url');
    await this.keys.save(
      this.keys.create({
        partnerId: partner.id,
        prefix,
        secretHash: sha256(secret),
        label: label ?? null,
      }),
    );
    this.logger.log(`created an API key ${prefix} for ${partner.role} "${partner.name}"`);
    return { partner, key: `hl_${prefix}_${secret}` };
  }

  /** The actor a key stands for; undefined for a malformed, unknown or revoked key. */
  async authenticate(key: string): Promise<Actor | undefined> {
    const match = KEY_FORMAT.exec(key);
    if (!match) return undefined;
    const stored = await this.keys.findOneBy({ prefix: match[1], revokedAt: IsNull() });
    if (!stored) return undefined;
    const given = Buffer.from(sha256(match[2]), 'hex');
    if (!timingSafeEqual(given, Buffer.from(stored.secretHash, 'hex'))) return undefined;
    const partner = await this.partners.findOneByOrFail({ id: stored.partnerId });
    return { kind: partner.role, partnerId: partner.id, name: partner.name };
  }
}
