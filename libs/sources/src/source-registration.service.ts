import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { EndpointCheck, EndpointCheckRequest, refusalOf } from './endpoint-check';
import { runEndpointCheck } from './endpoint-checker';
import { RegisteredSource } from './registration-warnings';
import { SourceInput, validateSourceInput } from './source-input';
import { SourcesService } from './sources.service';

/**
 * Registers a source only after its endpoint answered for real: its address is allowed,
 * Identify answers, then ListMetadataFormats must offer the requested prefix. The same check,
 * with a preview of a few records, is offered on its own (checkEndpoint) for the register form.
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
    const check = await runEndpointCheck(this.config, {
      baseUrl: input.baseUrl,
      metadataPrefix: input.metadataPrefix,
      sets: input.sets,
      previewRecords: 0,
    });
    const refusal = refusalOf(check);
    if (refusal) throw refusal;
    // Without a refusal every step ran, Identify included.
    const identify = check.identify!;
    this.logger.log(
      `[${input.id}] endpoint ${input.baseUrl} answered as "${identify.repositoryName}"`,
    );
    for (const warning of check.warnings) this.logger.warn(`[${input.id}] ${warning.message}`);
    const source = await this.sources.create(input, identify);
    return Object.assign(source, { registrationWarnings: check.warnings });
  }

  /** The live check, step by step, with a preview of up to MAX_PREVIEW_RECORDS records. */
  async checkEndpoint(request: EndpointCheckRequest): Promise<EndpointCheck> {
    return runEndpointCheck(this.config, request);
  }
}
