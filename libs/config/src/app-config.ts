export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** The validated settings, read once at start-up (see config/settings.ts for meanings). */
export interface AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly logLevel: LogLevel;
  readonly databaseUrl: string;
  readonly bindAddress: string;
  readonly elasticsearch: {
    readonly url: string;
    readonly indexPrefix: string;
  };
  readonly gateway: {
    readonly port: number;
    readonly rateLimitBurst: number;
    readonly rateLimitPerSecond: number;
    /** Failed authentications per address: a burst, then this many a minute. */
    readonly authFailureBurst: number;
    readonly authFailuresPerMinute: number;
    /** Proxies trusted to name the caller in X-Forwarded-For (proxy-addr syntax). */
    readonly trustedProxies: readonly string[];
    readonly maxQueryDepth: number;
    readonly maxQueryComplexity: number;
    readonly maxTopLevelFields: number;
    /** HMAC key of page cursors. */
    readonly cursorSecret: string;
    /** True when no GATEWAY_CURSOR_SECRET was set and the key above is this process's own. */
    readonly cursorSecretGenerated: boolean;
    readonly searchCacheSeconds: number;
    /** Seconds per OAI-PMH request above which a run is slow (health DEGRADED). */
    readonly slowRequestSeconds: number;
    /** checkEndpoint calls per caller a minute (and its burst). */
    readonly endpointChecksPerMinute: number;
    readonly searchCacheEntries: number;
  };
  /** People's sign-in to the console (served by the gateway). */
  readonly console: {
    /** Signs the session cookie. */
    readonly sessionSecret: string;
    /** True when CONSOLE_SESSION_SECRET is unset: the gateway then refuses to start in production. */
    readonly sessionSecretIsDevelopmentKey: boolean;
    readonly sessionMs: number;
    readonly cookieSecure: boolean;
    /** Wrong passwords in a row that lock an account, and for how long. */
    readonly signInMaxFailures: number;
    readonly lockoutMs: number;
    readonly setupLinkMs: number;
    readonly resetLinkMs: number;
  };
  readonly harvester: {
    readonly port: number;
    readonly contactEmail: string;
    readonly allowPrivateAddresses: boolean;
    readonly requestTimeoutMs: number;
    readonly maxResponseBytes: number;
    /** One record's XML, in characters of decoded text. */
    readonly maxRecordChars: number;
    /** Deepest element nesting in a response and in one record. */
    readonly maxXmlDepth: number;
    readonly politenessDelayMs: number;
    readonly retry: {
      readonly maxAttempts: number;
      readonly baseDelayMs: number;
      readonly retryAfterCapMs: number;
    };
    readonly concurrency: number;
    /** Elasticsearch requests of harvests and reindexing. */
    readonly search: {
      readonly timeoutMs: number;
      readonly maxRetries: number;
    };
    /** Waiting out a PostgreSQL or Elasticsearch outage. */
    readonly outage: {
      readonly closeRetryMs: number;
      readonly checkMaxMs: number;
    };
    readonly schedulerEnabled: boolean;
  };
  readonly mail: {
    /** Undefined when e-mail is off. Holds credentials: never log it. */
    readonly smtpUrl: string | undefined;
    readonly from: string;
    /** Base of links in e-mails and webhooks, without a trailing slash. */
    readonly consolePublicUrl: string;
  };
  readonly alerts: {
    /** Addresses that get every alert at once, besides staff accounts. */
    readonly staffEmails: readonly string[];
    readonly checkIntervalMs: number;
    /** Hour (Asia/Ho_Chi_Minh) from which the daily digest goes out. */
    readonly digestHour: number;
    readonly deliveryAttempts: number;
    readonly retryBaseDelayMs: number;
    readonly webhookTimeoutMs: number;
  };
}
