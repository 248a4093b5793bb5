import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/** Longest a first connect may take before it fails (a down server must fail fast, not hang). */
const CONNECT_TIMEOUT_MS = 5000;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 10_000;

/**
 * Connects one client, or throws. It always has an `error` handler (an unhandled one would
 * end the process): during the connect a failure is the rejection, then `onError` takes over.
 * `onError` runs only after the caller has the client (events come after the awaits resume).
 */
async function openClient(
  databaseUrl: string,
  name: string,
  onError: (error: Error) => void,
): Promise<Client> {
  const client = new Client({
    connectionString: databaseUrl,
    application_name: `hop-luu ${name}`,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  const duringConnect = () => undefined;
  client.on('error', duringConnect);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  } finally {
    client.off('error', duringConnect);
    client.on('error', onError);
  }
  return client;
}

/** Raised into a lock session's `lost` signal when its connection drops: what it held is gone. */
export class SessionLostError extends Error {
  readonly code = 'LOCK_LOST';
  constructor(
    readonly session: string,
    reason: string,
  ) {
    super(`${session}: the PostgreSQL connection holding the lock was lost (${reason})`);
  }
}

/**
 * A dedicated PostgreSQL connection for session-level advisory locks, which live exactly as
 * long as one connection does. It never reconnects: a new connection would not hold the
 * lock, so owners must learn of the loss instead. `lost` aborts, once, with a
 * SessionLostError when the connection drops; closing it on purpose never does.
 */
export class LockSession {
  private readonly controller = new AbortController();
  private closed = false;

  private constructor(
    readonly name: string,
    private client: Client | undefined,
  ) {}

  /** Connects, or throws: a failed connect leaves nothing behind. */
  static async open(databaseUrl: string, name: string): Promise<LockSession> {
    const client = await openClient(databaseUrl, name, (error) => session.lose(error.message));
    const session = new LockSession(name, client);
    client.on('end', () => session.lose('connection closed'));
    return session;
  }

  /** Aborted (reason: SessionLostError) when the connection drops while the session is open. */
  get lost(): AbortSignal {
    return this.controller.signal;
  }

  async query<T extends Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
  ): Promise<T[]> {
    if (!this.client || this.lost.aborted) throw this.lost.reason ?? this.notOpen();
    return (await this.client.query<T>(sql, params)).rows;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private lose(reason: string): void {
    if (this.closed || this.lost.aborted) return;
    this.client = undefined;
    this.controller.abort(new SessionLostError(this.name, reason));
  }

  private notOpen(): Error {
    return new Error(`${this.name}: session closed`);
  }
}

/**
 * A dedicated PostgreSQL connection for LISTEN (a pooled connection would drop the
 * subscription). After a drop it reconnects in one loop per session, with a backoff from
 * 1 s to 10 s, listens again and calls `onReconnect` (notifications sent meanwhile are lost,
 * so owners catch up there). A failed first connect throws and starts nothing; a closed
 * session never reconnects.
 */
export class PgSession {
  private readonly logger = new Logger(PgSession.name);
  private client?: Client;
  private closed = false;
  private reconnecting = false;
  private readonly handlers = new Map<string, (payload: string) => void>();

  constructor(
    private readonly databaseUrl: string,
    private readonly name: string,
    private readonly onReconnect: () => void = () => undefined,
  ) {}

  async connect(): Promise<void> {
    const client = await openClient(this.databaseUrl, this.name, (error) =>
      this.dropped(client, error.message),
    );
    client.on('notification', (message) =>
      this.handlers.get(message.channel)?.(message.payload ?? ''),
    );
    client.on('end', () => this.dropped(client, 'connection closed'));
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
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
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Only the current client's drop counts, and only one loop runs at a time. */
  private dropped(client: Client, reason: string): void {
    if (this.closed || client !== this.client || this.reconnecting) return;
    this.client = undefined;
    this.logger.warn(`${this.name}: connection lost (${reason}); reconnecting`);
    void this.reconnect(client);
  }

  private async reconnect(old: Client | undefined): Promise<void> {
    this.reconnecting = true;
    await old?.end().catch(() => undefined);
    try {
      for (let delay = FIRST_RETRY_MS; !this.closed; delay = Math.min(delay * 2, MAX_RETRY_MS)) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (this.closed) return;
        if (await this.tryConnect()) {
          this.logger.log(`${this.name}: connected again`);
          this.onReconnect();
          return;
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }

  private async tryConnect(): Promise<boolean> {
    try {
      await this.connect();
      return true;
    } catch {
      await this.client?.end().catch(() => undefined);
      this.client = undefined;
      return false;
    }
  }
}
