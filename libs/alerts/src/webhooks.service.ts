import { lookup } from 'node:dns/promises';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@hop-luu/config';
import { AlertError, AlertErrorCode } from './alert.errors';
import { AlertWebhook } from './alert-webhook.entity';
import { webhookAddressPolicy } from './webhook-sender';

const MAX_URL_LENGTH = 2000;

/** A webhook as its owner sees it once: with the secret that signs its deliveries. */
export interface CreatedWebhook {
  readonly webhook: AlertWebhook;
  readonly secret: string;
}

/** Webhooks: registration (address checked like an OAI base URL), listing, removal. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectRepository(AlertWebhook) private readonly webhooks: Repository<AlertWebhook>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `partnerId` null: a staff-wide webhook, told of every source. */
  async create(url: string, partnerId: string | null): Promise<CreatedWebhook> {
    await this.checkUrl(url);
    const secret = randomBytes(32).toString('base64url');
    const saved = await this.webhooks.save(this.webhooks.create({ url, secret, partnerId }));
    const webhook = await this.webhooks.findOneByOrFail({ id: saved.id });
    return { webhook, secret };
  }

  /** Every webhook (staff: `partnerId` undefined) or a partner's own. Never with secrets. */
  list(partnerId?: string): Promise<AlertWebhook[]> {
    return this.webhooks.find({
      where: partnerId === undefined ? {} : { partnerId },
      order: { createdAt: 'ASC' },
    });
  }

  /** Deletes one; a partner may delete only its own (another's is "not found"). */
  async delete(id: string, partnerId?: string): Promise<void> {
    const found = await this.webhooks.findOneBy({ id });
    if (!found || (partnerId !== undefined && found.partnerId !== partnerId))
      throw new AlertError(AlertErrorCode.WebhookNotFound, `No webhook ${id}.`);
    await this.webhooks.delete({ id });
  }

  /** Enabled webhooks told of a source's incidents: staff-wide ones and its owner's, with secrets. */
  forSource(ownerId: string | null): Promise<AlertWebhook[]> {
    const query = this.webhooks
      .createQueryBuilder('webhook')
      .addSelect('webhook.secret')
      .where('webhook.enabled')
      .andWhere('(webhook.partner_id IS NULL OR webhook.partner_id = :ownerId)', { ownerId });
    return query.getMany();
  }

  private async checkUrl(url: string): Promise<void> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw this.invalid(`${JSON.stringify(url.slice(0, 100))} is not a URL.`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw this.invalid('A webhook URL starts with https:// (or http://).');
    if (url.length > MAX_URL_LENGTH)
      throw this.invalid(`A webhook URL has at most ${MAX_URL_LENGTH} characters.`);
    if (parsed.username || parsed.password)
      throw this.invalid('Put no user name or password in the URL: deliveries are signed instead.');
    await this.checkAddress(parsed.hostname.replace(/^\[|\]$/g, ''));
  }

  private async checkAddress(host: string): Promise<void> {
    const policy = webhookAddressPolicy(this.config.harvester.allowPrivateAddresses);
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      throw this.invalid(`The host ${host} does not resolve; check the address.`);
    }
    const refused = addresses.find((address) => !policy(address));
    if (refused)
      throw new AlertError(
        AlertErrorCode.WebhookAddressNotAllowed,
        `${host} resolves to ${refused}: loopback, private, link-local and similar addresses are not allowed for webhooks.`,
      );
  }

  private invalid(message: string): AlertError {
    return new AlertError(AlertErrorCode.WebhookInvalid, message);
  }
}
