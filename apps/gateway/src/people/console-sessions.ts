import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import connectPgSimple from 'connect-pg-simple';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { csrfSync } from 'csrf-sync';
import { Pool } from 'pg';
import { Actor } from '@hop-luu/access';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { PeopleService } from '@hop-luu/people';
import { csrfRejected } from './console.errors';

declare module 'express-session' {
  interface SessionData {
    /** Set at sign-in; the only thing a session says about its person. */
    personId?: string;
  }
}

export const SESSION_COOKIE = 'hopluu.sid';
/** connect-pg-simple's table, made by migration 1764090000000 (never by the library). */
const SESSION_TABLE = 'console_sessions';
/** Only these paths read sessions: static console files never cost a session lookup. */
const SESSION_PATHS = ['/console/auth/', '/console/api/', '/graphql'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Console sign-ins: express-session with its sessions in PostgreSQL (connect-pg-simple, its own
 * small pool), an HttpOnly SameSite=Lax cookie, and a synchroniser CSRF token kept in the
 * session (csrf-sync) that every state-changing request made with the cookie must send back as
 * `x-csrf-token`. A session holds only the person's id: who they are and whether they are still
 * enabled is read on each request, so disabling a person takes effect at once.
 */
@Injectable()
export class ConsoleSessions implements OnModuleDestroy {
  private readonly logger = new Logger(ConsoleSessions.name);
  private readonly pool: Pool;
  private readonly store: connectPgSimple.PGStore;
  private readonly sessions: RequestHandler;
  private readonly csrf = csrfSync({
    getTokenFromRequest: (req) => header(req, 'x-csrf-token'),
  });

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly people: PeopleService,
  ) {
    if (config.nodeEnv === 'production' && config.console.sessionSecretIsDevelopmentKey) {
      throw new Error(
        'CONSOLE_SESSION_SECRET is not set: in production the gateway refuses to start with the development key, which would let anyone forge a console sign-in. Set a random secret of at least 32 characters, the same on every replica.',
      );
    }
    this.pool = new Pool({ connectionString: config.databaseUrl, max: 4 });
    this.pool.on('error', (error) => this.logger.warn(`session pool: ${error.message}`));
    const PgStore = connectPgSimple(session);
    this.store = new PgStore({
      pool: this.pool,
      tableName: SESSION_TABLE,
      createTableIfMissing: false,
      errorLog: (...args: unknown[]) => this.logger.warn(`session store: ${args.join(' ')}`),
    });
    this.sessions = session({
      name: SESSION_COOKIE,
      secret: config.console.sessionSecret,
      store: this.store,
      resave: false,
      saveUninitialized: false,
      proxy: config.gateway.trustedProxies.length > 0,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.console.cookieSecure,
        maxAge: config.console.sessionMs,
        path: '/',
      },
    });
  }

  /** The express-session middleware, on the paths that use sessions only. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const path = req.url.split('?')[0];
    if (!SESSION_PATHS.some((prefix) => path === prefix || path.startsWith(prefix))) return next();
    this.sessions(req, res, next);
  };

  /** The CSRF token of this session, made on first use (it creates the session). */
  csrfToken(req: Request): string {
    return this.csrf.generateToken(req);
  }

  /** Throws CSRF_REJECTED unless a state-changing request sends its session's token. */
  requireCsrf(req: IncomingMessage): void {
    if (SAFE_METHODS.has(req.method ?? 'GET')) return;
    if (!this.csrf.isRequestValid(req as Request)) throw csrfRejected();
  }

  /**
   * Whom the request's session stands for, or undefined (no session, nobody signed in, or a
   * person since disabled). A state-changing request must carry the CSRF token.
   */
  async actorOf(req: IncomingMessage): Promise<Actor | undefined> {
    const personId = (req as Partial<Request>).session?.personId;
    if (!personId) return undefined;
    this.requireCsrf(req);
    return this.people.actorFor(personId);
  }

  /** Starts a new session for `personId` (a fresh id against fixation); returns its CSRF token. */
  async signIn(req: Request, personId: string): Promise<string> {
    await new Promise<void>((resolve, reject) =>
      req.session.regenerate((error: unknown) => (error ? reject(error) : resolve())),
    );
    req.session.personId = personId;
    const token = this.csrf.generateToken(req, true);
    await new Promise<void>((resolve, reject) =>
      req.session.save((error: unknown) => (error ? reject(error) : resolve())),
    );
    return token;
  }

  /** Ends this request's session: its row leaves PostgreSQL and the cookie is cleared. */
  async signOut(req: Request, res: Response): Promise<void> {
    if (req.session) {
      await new Promise<void>((resolve, reject) =>
        req.session.destroy((error: unknown) => (error ? reject(error) : resolve())),
      );
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  /** Ends every session of a person (disabled, or their password was reset). */
  async endAllOf(personId: string): Promise<number> {
    const ended = await this.pool.query(
      `DELETE FROM ${SESSION_TABLE} WHERE sess->>'personId' = $1`,
      [personId],
    );
    return ended.rowCount ?? 0;
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
    await this.pool.end();
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}
