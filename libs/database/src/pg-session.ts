import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/**
 * A dedicated PostgreSQL connection for LISTEN and session-level advisory locks (both live
 * as long as one connection does, so a pooled connection will not do). Reconnects after a
 * drop; `onReconnect` lets owners re-take what the old session held.
 */
export class PgSession {
  private readonly logger = new Logger(PgSession.name);
  private client?: Client;
  private closed = false;
  private readonly handlers = new Map<string, (payload: string) => void>();

  constructor(
    private readonly databaseUrl: string,
    private readonly name: string,
    private readonly onReconnect: () => void = () => undefined,
  ) {}

  async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: `hop-luu ${this.name}`,
    });
    client.on('notification', (message) =>
      this.handlers.get(message.channel)?.(message.payload ?? ''),
    );
    client.on('error', (error) =>
      this.logger.warn(`${this.name}: connection lost (${error.message}); reconnecting`),
    );
    client.on('end', () => void this.reconnectLater());
    await client.connect();
    this.client = client;
    for (const channel of this.handlers.keys()) await client.query(`LISTEN "${channel}"`);
  }

  async listen(channel: string, handler: (payload: string) => void): Promise<void> {
    this.handlers.set(channel, handler);
    await this.client?.query(`LISTEN "${channel}"`);
  }

  async query<T extends Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
  ): Promise<T[]> {
    if (!this.client) throw new Error(`${this.name}: not connected to PostgreSQL`);
    return (await this.client.query<T>(sql, params)).rows;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }

  private async reconnectLater(): Promise<void> {
    this.client = undefined;
    while (!this.closed) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      if (this.closed) return;
      try {
        await this.connect();
        this.onReconnect();
        return;
      } catch {
        // keep trying until closed; the warning was logged when the connection dropped
      }
    }
  }
}
