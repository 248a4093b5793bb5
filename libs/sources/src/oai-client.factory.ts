import { HostThrottle, OaiPmhClient, OaiPmhClientOptions } from '@hop-luu/oai-pmh';
import { AppConfig } from '@hop-luu/config';
import type { XmlLimits } from '@hop-luu/records';

const PRODUCT = 'HopLuu-harvester/0.1';

/**
 * Every OAI-PMH client of the project is built here, so the User-Agent, time limits and the
 * address rule (no loopback/private/metadata addresses unless configured) are the same for
 * registration checks and harvests alike.
 */
export function createOaiClient(
  config: AppConfig,
  baseUrl: string,
  extra: Partial<OaiPmhClientOptions> & { hostThrottle?: HostThrottle } = {},
): OaiPmhClient {
  const harvester = config.harvester;
  return new OaiPmhClient({
    baseUrl,
    userAgent: `${PRODUCT} (+mailto:${harvester.contactEmail})`,
    timeoutMs: harvester.requestTimeoutMs,
    maxResponseBytes: harvester.maxResponseBytes,
    maxRecordChars: harvester.maxRecordChars,
    maxXmlDepth: harvester.maxXmlDepth,
    allowPrivateAddresses: harvester.allowPrivateAddresses,
    retry: harvester.retry,
    ...extra,
  });
}

/**
 * The limits the OAI client enforces while harvesting, applied again when normalising, so a
 * record the harvest accepted is never refused later (and a stored one re-indexed alike).
 */
export function xmlLimitsOf(config: AppConfig): XmlLimits {
  return { maxChars: config.harvester.maxRecordChars, maxDepth: config.harvester.maxXmlDepth };
}
