import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@hop-luu/config';
import { MailDeliveryError } from './mail.errors';

export interface MailMessage {
  /** One address or several; every one sees the others in To, so group only people who may. */
  readonly to: string | readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

/** An expected outcome: sent, or not sent because no SMTP_URL is configured. */
export type MailOutcome =
  | { readonly sent: true; readonly messageId: string }
  | { readonly sent: false; readonly reason: 'MAIL_OFF' };

// A dead or silent SMTP server must fail a send in seconds, not nodemailer's default minutes.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Sends e-mail through the SMTP server of SMTP_URL; one attempt per call (callers retry). */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | undefined;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.from = config.mail.from;
    if (config.mail.smtpUrl === undefined) {
      this.logger.warn(
        'SMTP_URL is not set: e-mail is off, alerts and password links are not sent.',
      );
      return;
    }
    this.transport = createTransport({ url: config.mail.smtpUrl, ...TIMEOUTS });
  }

  /** True when an SMTP server is configured. */
  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /** Throws MailDeliveryError when the server is unreachable or refuses the message. */
  async send(message: MailMessage): Promise<MailOutcome> {
    if (!this.transport) return { sent: false, reason: 'MAIL_OFF' };
    const to = typeof message.to === 'string' ? [message.to] : [...message.to];
    try {
      const info = await this.transport.sendMail({ ...message, to, from: this.from });
      return { sent: true, messageId: String(info.messageId) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new MailDeliveryError(`E-mail "${message.subject}" not delivered: ${reason}`, {
        cause: error,
      });
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
