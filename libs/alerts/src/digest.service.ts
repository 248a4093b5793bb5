import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@hop-luu/config';
import { MailService } from '@hop-luu/mail';
import { Source, SourcesService } from '@hop-luu/sources';
import { AlertFacts, digestMail } from './alert-message';
import { IncidentsService } from './incidents.service';
import { DigestReader, RecipientsService } from './recipients.service';
import { withRetries } from './retry';

const DAY_MS = 86_400_000;

/** Today's date and hour in Vietnam: the digest goes out once a local day, from the digest hour. */
export function vietnamDayAndHour(now: Date): { day: string; hour: number } {
  const local = new Date(now.getTime() + 7 * 3_600_000); // Asia/Ho_Chi_Minh is UTC+7, no DST
  return { day: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
}

/**
 * The daily digest for people who chose it (people.alert_digest): once a day, from
 * ALERT_DIGEST_HOUR, each gets the incidents of their sources opened or ended in the last 24 h
 * (nothing when there were none). alert_digest_days makes "once" hold across restarts and replicas.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly incidents: IncidentsService,
    private readonly recipients: RecipientsService,
    private readonly sources: SourcesService,
    private readonly mail: MailService,
  ) {}

  /** Sends today's digest if it is due and not sent yet; returns how many people got one. */
  async sendIfDue(now = new Date()): Promise<number> {
    const { day, hour } = vietnamDayAndHour(now);
    if (hour < this.config.alerts.digestHour) return 0;
    const claimed = await this.db.query<{ day: string }[]>(
      `INSERT INTO alert_digest_days (day) VALUES ($1) ON CONFLICT DO NOTHING RETURNING day`,
      [day],
    );
    if (claimed.length === 0) return 0;
    const [readers, changed, sources] = await Promise.all([
      this.recipients.digestReaders(),
      this.incidents.changedSince(new Date(now.getTime() - DAY_MS)),
      this.sources.list(),
    ]);
    const byId = new Map(sources.map((source) => [source.id, source]));
    const facts: AlertFacts[] = changed.flatMap((incident) => {
      const source = byId.get(incident.sourceId);
      if (!source) return [];
      const event = incident.resolvedAt ? ('resolved' as const) : ('opened' as const);
      return [{ incident, event, source, consoleUrl: this.config.mail.consolePublicUrl }];
    });
    let sent = 0;
    for (const reader of readers) {
      const lines = facts.filter((f) => readsAbout(reader, f.source)).map((f) => ({ facts: f }));
      if (lines.length === 0) continue;
      if (await this.deliver(reader.email, digestMail(lines, day))) sent++;
    }
    return sent;
  }

  private async deliver(to: string, mail: { subject: string; text: string }): Promise<boolean> {
    const policy = {
      attempts: this.config.alerts.deliveryAttempts,
      baseDelayMs: this.config.alerts.retryBaseDelayMs,
    };
    try {
      await withRetries(policy, () => this.mail.send({ to, ...mail }));
      return true;
    } catch (error) {
      this.logger.error(`alert digest to ${to} lost: ${(error as Error).message}`);
      return false;
    }
  }
}

function readsAbout(reader: DigestReader, source: Pick<Source, 'ownerId'>): boolean {
  return reader.role === 'staff' || source.ownerId === reader.partnerId;
}
