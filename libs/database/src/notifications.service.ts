import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { PgSession } from './pg-session';

type OnMessage = (payload: string) => void;

/**
 * PostgreSQL LISTEN/NOTIFY for the whole process over ONE dedicated connection (opened at the
 * first subscription), instead of one per feature. After a lost connection it listens again
 * and calls every `onMissed`: notifications sent while it was down are gone, so subscribers
 * catch up there.
 */
@Injectable()
export class NotificationsService implements OnApplicationShutdown {
  private readonly handlers = new Map<string, Set<OnMessage>>();
  private readonly missed = new Set<() => void>();
  private session?: Promise<PgSession>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async subscribe(channel: string, onMessage: OnMessage, onMissed?: () => void): Promise<void> {
    if (onMissed) this.missed.add(onMissed);
    const session = await this.connected();
    const known = this.handlers.get(channel);
    if (known) return void known.add(onMessage);
    this.handlers.set(channel, new Set([onMessage]));
    await session.listen(channel, (payload) => {
      for (const handler of this.handlers.get(channel) ?? []) handler(payload);
    });
  }

  /** Sent when `manager`'s transaction commits, if one is given; at once otherwise. */
  async notify(channel: string, payload = '', manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async onApplicationShutdown(): Promise<void> {
    const session = await this.session?.catch(() => undefined);
    await session?.close();
  }

  private connected(): Promise<PgSession> {
    this.session ??= this.open().catch((error: Error) => {
      this.session = undefined; // the next subscription tries again
      throw error;
    });
    return this.session;
  }

  private async open(): Promise<PgSession> {
    const session = new PgSession(this.config.databaseUrl, 'notifications', () => {
      for (const catchUp of this.missed) catchUp();
    });
    await session.connect();
    return session;
  }
}
