import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hop-luu/config';
import { MailService } from '@hop-luu/mail';
import type { Source } from '@hop-luu/sources';
import type { AlertIncident } from './alert-incident.entity';
import { AlertEvent, AlertFacts, alertMail, webhookPayload } from './alert-message';
import { IncidentsService } from './incidents.service';
import { RecipientsService } from './recipients.service';
import { RetryPolicy, withRetries } from './retry';
import { postWebhook, webhookAddressPolicy } from './webhook-sender';
import { WebhooksService } from './webhooks.service';

/**
 * Sends one incident's message (opening or end) by e-mail to each recipient and to each
 * webhook. Every delivery is retried a bounded number of times, then logged as lost; nothing
 * here throws, so a dead SMTP server or receiver never reaches a run or the process.
 */
@Injectable()
export class AlertNotifierService {
  private readonly logger = new Logger(AlertNotifierService.name);
  private readonly retry: RetryPolicy;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly recipients: RecipientsService,
    private readonly webhooks: WebhooksService,
    private readonly incidents: IncidentsService,
  ) {
    this.retry = {
      attempts: config.alerts.deliveryAttempts,
      baseDelayMs: config.alerts.retryBaseDelayMs,
    };
  }

  async notify(
    incident: AlertIncident,
    event: AlertEvent,
    source: Source,
    run?: AlertFacts['run'],
  ): Promise<void> {
    const facts: AlertFacts = {
      incident,
      event,
      source,
      run,
      consoleUrl: this.config.mail.consolePublicUrl,
    };
    this.logger.log(`[${source.id}] ${incident.kind} ${event}: ${incident.summary}`);
    try {
      const [addresses, hooks] = await Promise.all([
        this.recipients.immediateFor(source),
        this.webhooks.forSource(source.ownerId),
      ]);
      const mail = alertMail(facts);
      const payload = webhookPayload(facts);
      await Promise.all([
        ...addresses.map((to) =>
          this.deliver(`e-mail to ${to}`, () => this.mail.send({ to, ...mail })),
        ),
        ...hooks.map((hook) =>
          this.deliver(`webhook ${hook.id}`, () =>
            postWebhook(
              { url: hook.url, secret: hook.secret, payload },
              webhookAddressPolicy(this.config.harvester.allowPrivateAddresses),
              this.config.alerts.webhookTimeoutMs,
            ),
          ),
        ),
      ]);
      await this.incidents.markNotified(incident.id, event);
    } catch (error) {
      this.logger.error(
        `[${source.id}] could not send the ${incident.kind} ${event} alert: ${(error as Error).message}`,
      );
    }
  }

  private async deliver(what: string, attempt: () => Promise<unknown>): Promise<void> {
    try {
      await withRetries(this.retry, attempt);
    } catch (error) {
      this.logger.error(
        `alert ${what} lost after ${this.retry.attempts} attempts: ${(error as Error).message}`,
      );
    }
  }
}
