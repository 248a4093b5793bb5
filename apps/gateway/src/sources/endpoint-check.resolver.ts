import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { RateLimitedError } from '@hop-luu/access';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { EndpointCheck, MAX_PREVIEW_RECORDS, SourceRegistrationService } from '@hop-luu/sources';
import { requireSignedIn } from '../access/signed-in';
import { RateLimiter } from '../access/rate-limiter';
import { GatewayContext } from '../graphql/request-context';
import { CheckEndpointInput, EndpointCheckType } from './endpoint-check.types';

/** The register form's live check: signed-in callers only, a few a minute each. */
@Resolver(() => EndpointCheckType)
export class EndpointCheckResolver {
  private readonly limiter: RateLimiter;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly registration: SourceRegistrationService,
  ) {
    const perMinute = config.gateway.endpointChecksPerMinute;
    this.limiter = new RateLimiter(perMinute, perMinute / 60);
  }

  @Query(() => EndpointCheckType, {
    description: `Checks an endpoint live, step by step, as registerSource would, and previews up to ${MAX_PREVIEW_RECORDS} of its records as the catalogue will show them. Partners and staff; GATEWAY_ENDPOINT_CHECKS_PER_MINUTE each.`,
  })
  async checkEndpoint(
    @Args('input') input: CheckEndpointInput,
    @Context() { actor }: GatewayContext,
  ): Promise<EndpointCheck> {
    requireSignedIn(actor, 'Checking an endpoint');
    const verdict = this.limiter.take(`check:${actor.partnerId}`);
    if (!verdict.allowed)
      throw new RateLimitedError(
        `Too many endpoint checks; try again in ${verdict.retryAfterSeconds} s.`,
        verdict.retryAfterSeconds,
      );
    return this.registration.checkEndpoint({ ...input, previewRecords: MAX_PREVIEW_RECORDS });
  }
}
