import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Partner, Role } from '@hop-luu/access';
import { Person } from '@hop-luu/people';

@ObjectType('Person', {
  description: 'Someone who signs in to the console (never their password).',
})
export class PersonType {
  @Field(() => ID, { description: 'Stable id of the person (uuid).' })
  id: string;

  @Field({ description: 'Their sign-in address (lower-case).' })
  email: string;

  @Field({ description: 'Their name as the console shows it.' })
  displayName: string;

  @Field(() => String, { description: 'staff (every source) or partner (its own partner’s).' })
  role: Role;

  @Field(() => ID, { description: 'The partner library (or staff row) they act for.' })
  partnerId: string;

  @Field({ description: 'Name of the partner library (or staff row) they act for.' })
  partnerName: string;

  @Field({ description: 'Staff: alerts come as one daily digest instead of one mail each.' })
  alertDigest: boolean;

  @Field({ description: 'A disabled person cannot sign in; their sessions have ended.' })
  disabled: boolean;

  @Field(() => Date, { nullable: true, description: 'Last successful sign-in; null: never.' })
  lastSignInAt: Date | null;

  @Field({ description: 'When they were invited (or made with the CLI).' })
  createdAt: Date;
}

@ObjectType('Partner', {
  description: 'A partner library (manages its own sources) or the staff row (manages all).',
})
export class PartnerType {
  @Field(() => ID, { description: 'Stable id (uuid); invitePerson takes it as partnerId.' })
  id: string;

  @Field({ description: 'The library’s name, unique.' })
  name: string;

  @Field(() => String, { description: 'partner or staff.' })
  role: Role;

  @Field({ description: 'When the partner was added.' })
  createdAt: Date;
}

@InputType({ description: 'Someone to invite: they get an e-mail with a link to set a password.' })
export class InvitePersonInput {
  @Field({ description: 'Where the set-up link is sent; also their sign-in.' })
  email: string;

  @Field({ description: 'Their name as the console shows it.' })
  displayName: string;

  @Field(() => String, { description: 'staff or partner.' })
  role: Role;

  @Field(() => ID, {
    nullable: true,
    description: 'Required for a partner user: the partner library they act for (see partners).',
  })
  partnerId?: string | null;
}

/** The person as the API (GraphQL and /console/auth) shows them. */
export function personView(person: Person): PersonType {
  return {
    id: person.id,
    email: person.email,
    displayName: person.displayName,
    role: person.role,
    partnerId: person.partnerId,
    partnerName: person.partner?.name ?? '',
    alertDigest: person.alertDigest,
    disabled: person.disabled,
    lastSignInAt: person.lastSignInAt,
    createdAt: person.createdAt,
  };
}

export function partnerView(partner: Partner): PartnerType {
  return { id: partner.id, name: partner.name, role: partner.role, createdAt: partner.createdAt };
}
