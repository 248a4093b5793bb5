import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { lookup } from 'node:dns/promises';
import { isOaiPmhError, isPrivateAddress, OaiErrorCode, OaiIdentify } from '@hop-luu/oai-pmh';
import { createOaiClient } from './oai-client.factory';
import { formatWarnings, RegisteredSource, RegistrationWarning } from './registration-warnings';
import { SourceError, SourceErrorCode } from './source.errors';
import { SourceInput, validateSourceInput } from './source-input';
import { IdentifyFacts, SourcesService } from './sources.service';

export function identifyFacts(identify: OaiIdentify): IdentifyFacts {
  return {
    repositoryName: identify.repositoryName,
    granularity: identify.granularity,
    earliestDatestamp: identify.earliestDatestamp,
    deletedRecord: identify.deletedRecord,
    adminEmail: identify.adminEmails[0] ?? null,
  };
}

/**
 * Registers a source only after its endpoint answered for real: Identify, then
 * ListMetadataFormats must offer the requested prefix. The endpoint's address is checked
 * by the same rule the harvester applies at every connection.
 */
@Injectable()
export class SourceRegistrationService {
  private readonly logger = new Logger(SourceRegistrationService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: SourcesService,
  ) {}

  /** Registers the source; warnings (e.g. UNMAPPED_FORMAT) come back on the result. */
  async register(input: SourceInput): Promise<RegisteredSource> {
    validateSourceInput(input);
    const { identify, warnings } = await this.checkEndpoint(
      input.id,
      input.baseUrl,
      input.metadataPrefix,
    );
    const source = await this.sources.create(input, identifyFacts(identify));
    return Object.assign(source, { registrationWarnings: warnings });
  }

  async checkEndpoint(
    sourceId: string,
    baseUrl: string,
    metadataPrefix: string,
  ): Promise<{ identify: OaiIdentify; warnings: RegistrationWarning[] }> {
    await this.refuseInternalAddresses(baseUrl);
    // Registration is interactive: fail in seconds, not after a harvest's patient retries.
    const client = createOaiClient(this.config, baseUrl, {
      retry: { ...this.config.harvester.retry, maxAttempts: 2 },
      timeoutMs: 20_000,
    });
    try {
      const identify = await client.identify();
      const formats = await client.listMetadataFormats();
      const chosen = formats.find((format) => format.metadataPrefix === metadataPrefix);
      if (!chosen) {
        const offered = formats.map((format) => format.metadataPrefix).join(', ') || 'none';
        throw new SourceError(
          SourceErrorCode.EndpointUnusable,
          `${baseUrl} does not offer metadataPrefix "${metadataPrefix}" (it offers: ${offered}); register one of those.`,
        );
      }
      this.logger.log(`[${sourceId}] endpoint ${baseUrl} answered as "${identify.repositoryName}"`);
      const warnings = formatWarnings(baseUrl, chosen, formats);
      for (const warning of warnings) this.logger.warn(`[${sourceId}] ${warning.message}`);
      return { identify, warnings };
    } catch (error) {
      if (isOaiPmhError(error, OaiErrorCode.AddressNotAllowed)) {
        throw new SourceError(SourceErrorCode.AddressNotAllowed, error.message);
      }
      if (isOaiPmhError(error)) {
        throw new SourceError(
          SourceErrorCode.EndpointUnusable,
          `${baseUrl} is not a usable OAI-PMH endpoint: ${error.message}`,
        );
      }
      throw error;
    } finally {
      client.close();
    }
  }

  /**
   * Refuses endpoints whose name resolves to loopback, private, link-local or cloud-metadata
   * addresses before any request is sent. The OAI client applies the same rule again at every
   * connection, since a name can resolve elsewhere later.
   */
  private async refuseInternalAddresses(baseUrl: string): Promise<void> {
    if (this.config.harvester.allowPrivateAddresses) return;
    const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
    const addresses = await lookup(host, { all: true }).catch(() => {
      throw new SourceError(
        SourceErrorCode.EndpointUnusable,
        `The host of ${baseUrl} does not resolve; check the spelling of the endpoint.`,
      );
    });
    const internal = addresses.find((entry) => isPrivateAddress(entry.address));
    if (internal) {
      throw new SourceError(
        SourceErrorCode.AddressNotAllowed,
        `${baseUrl} resolves to ${internal.address}, a loopback, private, link-local or metadata address; register the library's public OAI-PMH endpoint.`,
      );
    }
  }
}
