import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiKeysService } from '@hop-luu/access';
import { GatewayContext } from '../graphql/request-context';
import { requireSignedIn } from './signed-in';
import { ApiKeyType, apiKeyView, IssuedApiKeyType } from './api-key.types';

/**
 * API keys over GraphQL: staff list, revoke and rotate every key; a partner only its own.
 * Anyone signed in may create a key for their own library (the console's keys page); keys
 * for another partner are made with the operator's CLI (`keys:create`).
 */
@Resolver(() => ApiKeyType)
export class ApiKeysResolver {
  constructor(private readonly keys: ApiKeysService) {}

  @Query(() => [ApiKeyType], {
    description: 'API keys, newest first, never their secrets (partners: their own keys only).',
  })
  async apiKeys(@Context() { actor }: GatewayContext): Promise<ApiKeyType[]> {
    requireSignedIn(actor, 'Listing API keys');
    return (await this.keys.list(actor)).map(apiKeyView);
  }

  @Mutation(() => IssuedApiKeyType, {
    description:
      'Creates a key for your own library (partners) or your staff row (staff); its secret is shown once.',
  })
  async createApiKey(
    @Context() { actor }: GatewayContext,
    @Args('label', { nullable: true, description: 'What the key is for, e.g. "Koha sync".' })
    label?: string,
    @Args('expiresAt', {
      type: () => Date,
      nullable: true,
      description: 'When the key stops working (future); none: never.',
    })
    expiresAt?: Date,
  ): Promise<IssuedApiKeyType> {
    requireSignedIn(actor, 'Creating an API key');
    const issued = await this.keys.createOwnKey(actor, {
      label: label ?? undefined,
      expiresAt: expiresAt ?? undefined,
    });
    return { key: issued.key, apiKey: apiKeyView(issued.stored) };
  }

  @Mutation(() => ApiKeyType, {
    description: 'Revokes a key you manage: refused from the next request on, on every replica.',
  })
  async revokeApiKey(
    @Args('prefix', { description: 'The key prefix as apiKeys shows it, e.g. hl_3f9a0c1b2d.' })
    prefix: string,
    @Context() { actor }: GatewayContext,
  ): Promise<ApiKeyType> {
    requireSignedIn(actor, 'Revoking an API key');
    return apiKeyView(await this.keys.revoke(prefix, actor));
  }

  @Mutation(() => IssuedApiKeyType, {
    description:
      'Replaces a key you manage by a new one (same partner, label and expiry) and revokes the old one at once; the new secret is shown once.',
  })
  async rotateApiKey(
    @Args('prefix', { description: 'The key prefix as apiKeys shows it, e.g. hl_3f9a0c1b2d.' })
    prefix: string,
    @Context() { actor }: GatewayContext,
    @Args('expiresAt', {
      type: () => Date,
      nullable: true,
      description: 'A new expiry (future); by default the old key’s.',
    })
    expiresAt?: Date,
  ): Promise<IssuedApiKeyType> {
    requireSignedIn(actor, 'Rotating an API key');
    const issued = await this.keys.rotate(prefix, actor, expiresAt ?? undefined);
    return { key: issued.key, apiKey: apiKeyView(issued.stored) };
  }
}
