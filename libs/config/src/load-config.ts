import { randomBytes } from 'node:crypto';
import { SETTINGS, SettingKey } from '@hop-luu/settings';
import { AppConfig, LogLevel, NodeEnv } from './app-config';
import {
  addressList,
  boolean,
  email,
  emailList,
  indexName,
  integer,
  ipAddress,
  mailbox,
  oneOf,
  optionalSecret,
  optionalSecretUrl,
  Parser,
  url,
} from './parsers';

export type Environment = Readonly<Record<string, string | undefined>>;

const MIB = 1024 * 1024;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Signs session cookies where no CONSOLE_SESSION_SECRET is set; the gateway refuses it in production. */
const DEVELOPMENT_SESSION_SECRET = 'hop-luu-development-session-secret-not-for-production';

/**
 * Reads every setting from the environment (falling back to config/settings.ts defaults)
 * and validates it. Throws ConfigError on the first bad value. The only reader of process.env.
 */
export function loadConfig(env: Environment = process.env): AppConfig {
  const read = <T>(key: SettingKey, parse: Parser<T>): T => {
    const setting = SETTINGS[key];
    const raw = env[setting.env];
    return parse(setting.env, raw === undefined || raw === '' ? setting.default : raw);
  };
  return {
    nodeEnv: read<NodeEnv>('nodeEnv', oneOf(['development', 'test', 'production'])),
    logLevel: read<LogLevel>(
      'logLevel',
      oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace']),
    ),
    databaseUrl: read(
      'databaseUrl',
      url(['postgres:', 'postgresql:'], 'postgres://user:pass@host:5432/db'),
    ),
    bindAddress: read('bindAddress', ipAddress),
    elasticsearch: {
      url: read('elasticsearchUrl', url(['http:', 'https:'], 'http://127.0.0.1:9200')),
      indexPrefix: read('elasticsearchIndexPrefix', indexName),
    },
    gateway: {
      port: read('gatewayPort', integer(0, 65535)),
      rateLimitBurst: read('gatewayRateLimitBurst', integer(1, 1_000_000)),
      rateLimitPerSecond: read('gatewayRateLimitPerSecond', integer(1, 1_000_000)),
      authFailureBurst: read('gatewayAuthFailureBurst', integer(1, 1_000_000)),
      authFailuresPerMinute: read('gatewayAuthFailuresPerMinute', integer(1, 1_000_000)),
      trustedProxies: read('gatewayTrustedProxies', addressList),
      maxQueryDepth: read('gatewayMaxQueryDepth', integer(2, 50)),
      maxQueryComplexity: read('gatewayMaxQueryComplexity', integer(10, 1_000_000)),
      maxTopLevelFields: read('gatewayMaxTopLevelFields', integer(1, 1000)),
      ...cursorSecret(read('gatewayCursorSecret', optionalSecret(32))),
      searchCacheSeconds: read('gatewaySearchCacheSeconds', integer(0, 3600)),
      searchCacheEntries: read('gatewaySearchCacheEntries', integer(1, 1_000_000)),
      slowRequestSeconds: read('gatewaySlowRequestSeconds', integer(1, 86_400)),
      endpointChecksPerMinute: read('gatewayEndpointChecksPerMinute', integer(1, 10_000)),
    },
    console: {
      ...sessionSecret(read('consoleSessionSecret', optionalSecret(32))),
      sessionMs: read('consoleSessionHours', integer(1, 24 * 90)) * HOUR,
      cookieSecure: read('consoleCookieSecure', boolean),
      signInMaxFailures: read('consoleSignInMaxFailures', integer(1, 1000)),
      lockoutMs: read('consoleLockoutMinutes', integer(1, 24 * 60)) * MINUTE,
      setupLinkMs: read('consoleSetupLinkHours', integer(1, 24 * 30)) * HOUR,
      resetLinkMs: read('consoleResetLinkMinutes', integer(5, 24 * 60)) * MINUTE,
    },
    harvester: {
      port: read('harvesterPort', integer(0, 65535)),
      contactEmail: read('harvestContactEmail', email),
      allowPrivateAddresses: read('harvestAllowPrivateAddresses', boolean),
      requestTimeoutMs: read('harvestRequestTimeoutMs', integer(1000, 3_600_000)),
      maxResponseBytes: read('harvestMaxResponseMb', integer(1, 4096)) * MIB,
      maxRecordChars: read('harvestMaxRecordMb', integer(1, 1024)) * MIB,
      maxXmlDepth: read('harvestMaxXmlDepth', integer(16, 100_000)),
      politenessDelayMs: read('harvestPolitenessDelayMs', integer(0, 600_000)),
      retry: {
        maxAttempts: read('harvestRetryMaxAttempts', integer(1, 20)),
        baseDelayMs: read('harvestRetryBaseDelayMs', integer(0, 600_000)),
        retryAfterCapMs: read('harvestRetryAfterCapS', integer(0, 86_400)) * 1000,
      },
      concurrency: read('harvestConcurrency', integer(1, 64)),
      search: {
        timeoutMs: read('harvestSearchTimeoutMs', integer(100, 600_000)),
        maxRetries: read('harvestSearchMaxRetries', integer(0, 10)),
      },
      outage: {
        closeRetryMs: read('harvestOutageWaitS', integer(0, 86_400)) * 1000,
        checkMaxMs: read('harvestOutageCheckMaxS', integer(1, 3600)) * 1000,
      },
      schedulerEnabled: read('schedulerEnabled', boolean),
    },
    mail: {
      smtpUrl: read('smtpUrl', optionalSecretUrl(['smtp:', 'smtps:'], 'smtp://127.0.0.1:1025')),
      from: read('mailFrom', mailbox),
      consolePublicUrl: read(
        'consolePublicUrl',
        url(['http:', 'https:'], 'https://catalogue.nlv.gov.vn/console'),
      ).replace(/\/+$/, ''),
    },
    alerts: {
      staffEmails: read('alertStaffEmails', emailList),
      checkIntervalMs: read('alertCheckIntervalS', integer(1, 86_400)) * 1000,
      digestHour: read('alertDigestHour', integer(0, 23)),
      deliveryAttempts: read('alertDeliveryAttempts', integer(1, 10)),
      retryBaseDelayMs: read('alertRetryBaseDelayMs', integer(0, 600_000)),
      webhookTimeoutMs: read('alertWebhookTimeoutMs', integer(100, 600_000)),
    },
  };
}

/** The configured cursor key, or, without one, a random key of this process (fine for dev and tests). */
function cursorSecret(configured: string | undefined): {
  cursorSecret: string;
  cursorSecretGenerated: boolean;
} {
  if (configured) return { cursorSecret: configured, cursorSecretGenerated: false };
  return { cursorSecret: randomBytes(32).toString('base64url'), cursorSecretGenerated: true };
}

/** The configured session key, or the development key (which the gateway refuses in production). */
function sessionSecret(configured: string | undefined): {
  sessionSecret: string;
  sessionSecretIsDevelopmentKey: boolean;
} {
  if (configured) return { sessionSecret: configured, sessionSecretIsDevelopmentKey: false };
  return { sessionSecret: DEVELOPMENT_SESSION_SECRET, sessionSecretIsDevelopmentKey: true };
}
