import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiKey, keyStatus, Role } from '@hop-luu/access';

export enum ApiKeyStatus {
  ACTIVE = 'active',
  EXPIRED = 'expired',
  REVOKED = 'revoked',
}
registerEnumType(ApiKeyStatus, {
  name: 'ApiKeyStatus',
  description: 'Whether a key is accepted now.',
  valuesMap: {
    ACTIVE: { description: 'Accepted.' },
    EXPIRED: { description: 'Refused: its expiry has passed.' },
    REVOKED: { description: 'Refused: it was revoked (or rotated).' },
  },
});

@ObjectType('ApiKey', {
  description: 'An API key, without its secret: only a hash of it is stored.',
})
export class ApiKeyType {
  @Field({
    description: 'Public part of the key (hl_ and 10 characters): names it to revoke or rotate.',
  })
  prefix: string;

  @Field(() => ApiKeyStatus, { description: 'Whether the key is accepted now.' })
  status: ApiKeyStatus;

  @Field({ description: 'The partner library (or staff member) the key stands for.' })
  partnerName: string;

  @Field(() => String, { description: 'partner or staff.' })
  role: Role;

  @Field(() => String, {
    nullable: true,
    description: 'What the key is for, as given at creation.',
  })
  label: string | null;

  @Field({ description: 'When the key was created.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the key stops working; null: never.' })
  expiresAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the key was last accepted, to within a minute; null: never used.',
  })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null: it was not.' })
  revokedAt: Date | null;
}

@ObjectType('IssuedApiKey', { description: 'A new key: its secret is shown here, once.' })
export class IssuedApiKeyType {
  @Field({
    description: 'The whole key to send as X-API-Key; store it now, it is never shown again.',
  })
  key: string;

  @Field(() => ApiKeyType, { description: 'The new key as listings show it.' })
  apiKey: ApiKeyType;
}

export function apiKeyView(key: ApiKey): ApiKeyType {
  return {
    prefix: `hl_${key.prefix}`,
    status: keyStatus(key) as ApiKeyStatus,
    partnerName: key.partner?.name ?? '',
    role: key.partner?.role ?? 'partner',
    label: key.label,
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
  };
}
