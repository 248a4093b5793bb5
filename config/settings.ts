/**
 * Every setting of Hợp Lưu: its environment variable, its default and what it means.
 * This is the single list; libs/config validates it at start-up and the README's
 * configuration table is checked against it by a test.
 */
export interface SettingDefinition {
  /** Environment variable that overrides the default. */
  readonly env: string;
  /** Default used when the variable is unset; `undefined` means "none". */
  readonly default: string | undefined;
  /** What the value means, and what form it takes. */
  readonly description: string;
}

export const SETTINGS = {
  nodeEnv: {
    env: 'NODE_ENV',
    default: 'development',
    description: 'development, test or production',
  },
  logLevel: {
    env: 'LOG_LEVEL',
    default: 'info',
    description: 'pino level: fatal, error, warn, info, debug or trace',
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    default: 'postgres://postgres:postgres@127.0.0.1:54329/hopluu',
    description:
      'PostgreSQL connection URL; when unset, `npm run demo` and the tests start a local PostgreSQL on this default',
  },
  elasticsearchUrl: {
    env: 'ELASTICSEARCH_URL',
    default: 'http://127.0.0.1:9249',
    description:
      'Elasticsearch 9 URL; when unset, `npm run demo` and the tests start a local node on this default',
  },
  elasticsearchIndexPrefix: {
    env: 'ELASTICSEARCH_INDEX_PREFIX',
    default: 'hopluu',
    description:
      'prefix of every index and alias the project creates (lets deployments share a cluster)',
  },
  bindAddress: {
    env: 'BIND_ADDRESS',
    default: '127.0.0.1',
    description: 'address both apps listen on; 0.0.0.0 in containers',
  },
  gatewayPort: {
    env: 'GATEWAY_PORT',
    default: '3000',
    description: 'HTTP port of the GraphQL gateway (0 picks a free port)',
  },
  gatewayRateLimitBurst: {
    env: 'GATEWAY_RATE_LIMIT_BURST',
    default: '60',
    description: 'GraphQL requests one API key (or one address, without a key) may make at once',
  },
  gatewayRateLimitPerSecond: {
    env: 'GATEWAY_RATE_LIMIT_PER_SECOND',
    default: '20',
    description: 'sustained GraphQL requests per second per API key (or per address)',
  },
  gatewayAuthFailureBurst: {
    env: 'GATEWAY_AUTH_FAILURE_BURST',
    default: '10',
    description:
      'requests with a wrong API key one address may make before it is refused (429) without the key being looked up',
  },
  gatewayAuthFailuresPerMinute: {
    env: 'GATEWAY_AUTH_FAILURES_PER_MINUTE',
    default: '6',
    description: 'wrong-key attempts per minute one address regains after its burst',
  },
  gatewayTrustedProxies: {
    env: 'GATEWAY_TRUSTED_PROXIES',
    default: undefined,
    description:
      'reverse proxies whose X-Forwarded-For names the caller (for per-address rate limits), comma-separated addresses or CIDRs, or loopback, linklocal, uniquelocal; unset: none, the connecting address is the caller',
  },
  gatewayMaxQueryDepth: {
    env: 'GATEWAY_MAX_QUERY_DEPTH',
    default: '8',
    description: 'deepest selection nesting a GraphQL query may have',
  },
  gatewayMaxQueryComplexity: {
    env: 'GATEWAY_MAX_QUERY_COMPLEXITY',
    default: '10000',
    description: 'largest estimated cost of one GraphQL query (list fields count their page size)',
  },
  gatewayMaxTopLevelFields: {
    env: 'GATEWAY_MAX_TOP_LEVEL_FIELDS',
    default: '10',
    description:
      'top-level fields (searches, lookups, mutations, aliases included) one GraphQL request may have: each costs at least GATEWAY_MAX_QUERY_COMPLEXITY divided by this',
  },
  gatewayCursorSecret: {
    env: 'GATEWAY_CURSOR_SECRET',
    default: undefined,
    description:
      'key (at least 32 characters) signing page cursors so a tampered one is refused; set the same on every gateway replica in production; unset: a random key per process, and cursors do not outlive a restart',
  },
  gatewaySearchCacheSeconds: {
    env: 'GATEWAY_SEARCH_CACHE_SECONDS',
    default: '10',
    description:
      'how old an answer from memory may be; harvests show up at most this late (0 turns the search and answer caches off)',
  },
  gatewaySearchCacheEntries: {
    env: 'GATEWAY_SEARCH_CACHE_ENTRIES',
    default: '2000',
    description:
      'most search results, and most whole answers, kept in memory at once (least recently used leave first)',
  },
  gatewaySlowRequestSeconds: {
    env: 'GATEWAY_SLOW_REQUEST_SECONDS',
    default: '10',
    description:
      "average seconds per OAI-PMH request above which a source's latest run counts as slow: its health is DEGRADED",
  },
  gatewayEndpointChecksPerMinute: {
    env: 'GATEWAY_ENDPOINT_CHECKS_PER_MINUTE',
    default: '6',
    description:
      'live endpoint checks (checkEndpoint) one partner or staff member may start a minute, after a burst of as many; each sends a few requests to the endpoint',
  },
  consoleSessionSecret: {
    env: 'CONSOLE_SESSION_SECRET',
    default: undefined,
    description:
      'key (at least 32 characters) signing the console session cookie; required when NODE_ENV=production (the gateway refuses to start without it), the same on every gateway replica; unset elsewhere: a fixed development key',
  },
  consoleSessionHours: {
    env: 'CONSOLE_SESSION_HOURS',
    default: '12',
    description:
      'how long a console sign-in lasts, in hours, from the sign-in (sessions are stored in PostgreSQL)',
  },
  consoleCookieSecure: {
    env: 'CONSOLE_COOKIE_SECURE',
    default: 'false',
    description:
      'true marks the session cookie Secure (sent over HTTPS only); set it when the console is served over HTTPS',
  },
  consoleSignInMaxFailures: {
    env: 'CONSOLE_SIGN_IN_MAX_FAILURES',
    default: '5',
    description:
      'wrong passwords in a row after which an account is locked (429 ACCOUNT_LOCKED) for CONSOLE_LOCKOUT_MINUTES',
  },
  consoleLockoutMinutes: {
    env: 'CONSOLE_LOCKOUT_MINUTES',
    default: '15',
    description: 'how long a locked account refuses every sign-in, even with the right password',
  },
  consoleSetupLinkHours: {
    env: 'CONSOLE_SETUP_LINK_HOURS',
    default: '72',
    description: 'how long the password set-up link of an invitation works (single use)',
  },
  consoleResetLinkMinutes: {
    env: 'CONSOLE_RESET_LINK_MINUTES',
    default: '60',
    description: 'how long a password reset link works (single use)',
  },
  harvesterPort: {
    env: 'HARVESTER_PORT',
    default: '3001',
    description: 'HTTP port of the harvester (health and metrics; 0 picks a free port)',
  },
  harvestContactEmail: {
    env: 'HARVEST_CONTACT_EMAIL',
    default: 'catalogue-ops@hopluu.invalid',
    description: 'contact address sent in the harvester User-Agent so partner admins can reach us',
  },
  harvestAllowPrivateAddresses: {
    env: 'HARVEST_ALLOW_PRIVATE_ADDRESSES',
    default: 'false',
    description:
      'true lets sources resolve to loopback/private/link-local addresses (tests and the demo only)',
  },
  harvestRequestTimeoutMs: {
    env: 'HARVEST_REQUEST_TIMEOUT_MS',
    default: '60000',
    description: 'per-request timeout for OAI-PMH requests, in milliseconds',
  },
  harvestMaxResponseMb: {
    env: 'HARVEST_MAX_RESPONSE_MB',
    default: '256',
    description: 'largest OAI-PMH response accepted (decompressed), in MiB',
  },
  harvestMaxRecordMb: {
    env: 'HARVEST_MAX_RECORD_MB',
    default: '16',
    description:
      'largest single record accepted, in MiB of XML text (counted in decoded characters); a larger one fails alone with RECORD_TOO_LARGE, unread, and the run goes on',
  },
  harvestMaxXmlDepth: {
    env: 'HARVEST_MAX_XML_DEPTH',
    default: '256',
    description:
      'deepest element nesting accepted in a response and in one record; deeper fails with XML_TOO_DEEP (the page when outside the records, else only that record)',
  },
  harvestPolitenessDelayMs: {
    env: 'HARVEST_POLITENESS_DELAY_MS',
    default: '500',
    description: 'minimum pause between two requests to one host, in milliseconds',
  },
  harvestRetryMaxAttempts: {
    env: 'HARVEST_RETRY_MAX_ATTEMPTS',
    default: '5',
    description:
      'attempts per OAI-PMH request (first try included) before a transient failure fails the run',
  },
  harvestRetryBaseDelayMs: {
    env: 'HARVEST_RETRY_BASE_DELAY_MS',
    default: '1000',
    description: 'base of the exponential backoff with jitter between retries, in milliseconds',
  },
  harvestRetryAfterCapS: {
    env: 'HARVEST_RETRY_AFTER_CAP_S',
    default: '600',
    description:
      'longest Retry-After honoured; a longer one fails the run with the time to come back',
  },
  harvestConcurrency: {
    env: 'HARVEST_CONCURRENCY',
    default: '4',
    description: 'runs one harvester process executes at once',
  },
  harvestSearchTimeoutMs: {
    env: 'HARVEST_SEARCH_TIMEOUT_MS',
    default: '30000',
    description:
      'longest the harvester waits for one Elasticsearch answer (bulk writes, reindexing), in milliseconds',
  },
  harvestSearchMaxRetries: {
    env: 'HARVEST_SEARCH_MAX_RETRIES',
    default: '2',
    description:
      'further attempts of one Elasticsearch request after a timeout or lost connection, before the run ends SEARCH_UNAVAILABLE',
  },
  harvestOutageWaitS: {
    env: 'HARVEST_OUTAGE_WAIT_S',
    default: '120',
    description:
      "how long a run's closing status write keeps retrying while PostgreSQL is unreachable (a run left open is closed by the next start)",
  },
  harvestOutageCheckMaxS: {
    env: 'HARVEST_OUTAGE_CHECK_MAX_S',
    default: '30',
    description:
      'after a run ended SEARCH_UNAVAILABLE or DATABASE_UNAVAILABLE, the longest pause between checks of that service before queued runs are claimed again (backoff from 1 s)',
  },
  schedulerEnabled: {
    env: 'SCHEDULER_ENABLED',
    default: 'true',
    description:
      'false stops this harvester process from running cron schedules (it still serves queued jobs)',
  },
  smtpUrl: {
    env: 'SMTP_URL',
    default: undefined,
    description:
      'SMTP server that alert and password e-mails go through, such as smtp://user:pass@mail.lib.gov.vn:587 (smtps: for TLS from the start); unset: no e-mail is sent (logged once at start-up)',
  },
  mailFrom: {
    env: 'MAIL_FROM',
    default: 'Hợp Lưu <catalogue-ops@hopluu.invalid>',
    description: 'sender of every e-mail: an address, or a name and an address in angle brackets',
  },
  consolePublicUrl: {
    env: 'CONSOLE_PUBLIC_URL',
    default: 'http://127.0.0.1:3000/console',
    description:
      'address of the console as its readers reach it; links in e-mails and webhooks start with it',
  },
  alertStaffEmails: {
    env: 'ALERT_STAFF_EMAILS',
    default: undefined,
    description:
      'comma-separated addresses that get every alert at once, besides the staff accounts of the console (e.g. a team mailbox); unset: none',
  },
  alertCheckIntervalS: {
    env: 'ALERT_CHECK_INTERVAL_S',
    default: '300',
    description:
      'how often one harvester looks for sources that turned stale (or recovered) and for a daily digest that is due, in seconds',
  },
  alertDigestHour: {
    env: 'ALERT_DIGEST_HOUR',
    default: '7',
    description:
      'hour of the day (Asia/Ho_Chi_Minh, 0-23) from which the daily alert digest is sent to the people who chose it',
  },
  alertDeliveryAttempts: {
    env: 'ALERT_DELIVERY_ATTEMPTS',
    default: '3',
    description:
      'attempts to deliver one alert e-mail or webhook (first try included) before it is logged as lost',
  },
  alertRetryBaseDelayMs: {
    env: 'ALERT_RETRY_BASE_DELAY_MS',
    default: '2000',
    description:
      'pause before the second delivery attempt, doubled before each further one, in milliseconds',
  },
  alertWebhookTimeoutMs: {
    env: 'ALERT_WEBHOOK_TIMEOUT_MS',
    default: '10000',
    description: 'longest one webhook POST may take, in milliseconds',
  },
} as const satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof SETTINGS;
