import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { OaiIdentify, isOaiPmhError } from '@hop-luu/oai-pmh';
import { createOaiClient } from './oai-client.factory';
import { Source } from './source.entity';
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

  async register(input: SourceInput): Promise<Source> {
    validateSourceInput(input);
    const identify = await this.checkEndpoint(input.id, input.baseUrl, input.metadataPrefix);
    return this.sources.create(input, identifyFacts(identify));
  }

  async checkEndpoint(
    sourceId: string,
    baseUrl: string,
    metadataPrefix: string,
  ): Promise<OaiIdentify> {
    // Registration is interactive: fail in seconds, not after a harvest's patient retries.
    const client = createOaiClient(this.config, baseUrl, {
      retry: { maxAttempts: 2, baseDelayMs: 500 },
      timeoutMs: 20_000,
    });
    try {
      const identify = await client.identify();
      const formats = await client.listMetadataFormats();
      if (!formats.some((format) => format.metadataPrefix === metadataPrefix)) {
        const offered = formats.map((format) => format.metadataPrefix).join(', ') || 'none';
        throw new SourceError(
          SourceErrorCode.EndpointUnusable,
          `${baseUrl} does not offer metadataPrefix "${metadataPrefix}" (it offers: ${offered}); register one of those.`,
        );
      }
      this.logger.log(`[${sourceId}] endpoint ${baseUrl} answered as "${identify.repositoryName}"`);
      return identify;
    } catch (error) {
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
}
