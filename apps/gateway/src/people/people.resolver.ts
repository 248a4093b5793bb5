import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '@hop-luu/access';
import { MailDeliveryError } from '@hop-luu/mail';
import { PasswordLinksService, PeopleError, PeopleErrorCode, PeopleService } from '@hop-luu/people';
import { GatewayContext } from '../graphql/request-context';
import { requireSignedIn } from '../access/signed-in';
import { ConsoleSessions } from './console-sessions';
import { PasswordMail } from './password-mail';
import {
  InvitePersonInput,
  partnerView,
  PartnerType,
  personView,
  PersonType,
} from './people.types';

/** People and partners over GraphQL: staff manage them; everyone signed in sees themself. */
@Resolver(() => PersonType)
export class PeopleResolver {
  constructor(
    private readonly accounts: PeopleService,
    private readonly links: PasswordLinksService,
    private readonly mail: PasswordMail,
    private readonly sessions: ConsoleSessions,
  ) {}

  @Query(() => PersonType, {
    nullable: true,
    description: 'The person signed in to the console; null for API keys and anonymous callers.',
  })
  async me(@Context() { actor }: GatewayContext): Promise<PersonType | null> {
    const personId = personIdOf(actor);
    return personId ? personView(await this.accounts.get(personId)) : null;
  }

  @Query(() => [PersonType], {
    description: 'People who sign in to the console (staff: everyone; partners: their own people).',
  })
  async people(@Context() { actor }: GatewayContext): Promise<PersonType[]> {
    requireSignedIn(actor, 'Listing people');
    return (await this.accounts.list(actor)).map(personView);
  }

  @Query(() => [PartnerType], { description: 'Partner libraries and the staff row (staff only).' })
  async partners(@Context() { actor }: GatewayContext): Promise<PartnerType[]> {
    return (await this.accounts.listPartners(actor)).map(partnerView);
  }

  @Mutation(() => PartnerType, { description: 'Adds a partner library (staff only).' })
  async createPartner(
    @Args('name', { description: 'The library’s name, unique.' }) name: string,
    @Context() { actor }: GatewayContext,
  ): Promise<PartnerType> {
    return partnerView(await this.accounts.createPartner(name, actor));
  }

  @Mutation(() => PersonType, {
    description:
      'Invites someone (staff only): they get an e-mail with a single-use link to set their password (valid CONSOLE_SETUP_LINK_HOURS).',
  })
  async invitePerson(
    @Args('input', { description: 'Who to invite.' }) input: InvitePersonInput,
    @Context() { actor }: GatewayContext,
  ): Promise<PersonType> {
    const person = await this.accounts.invite(input, actor);
    try {
      await this.mail.send(await this.links.issue(person, 'setup'));
    } catch (error) {
      if (!(error instanceof MailDeliveryError)) throw error;
      await this.accounts.remove(person.id);
      throw new PeopleError(
        PeopleErrorCode.MailNotSent,
        `The invitation mail to ${person.email} could not be sent (${error.message}); nobody was invited. Check the mail server and invite again.`,
      );
    }
    return personView(person);
  }

  @Mutation(() => PersonType, {
    description:
      'Disables (or enables again) a person (staff only); disabling ends their sessions.',
  })
  async setPersonDisabled(
    @Args('id', { type: () => ID, description: 'The person’s id.' }) id: string,
    @Args('disabled', { description: 'true: refuse their sign-ins; false: allow again.' })
    disabled: boolean,
    @Context() { actor }: GatewayContext,
  ): Promise<PersonType> {
    const person = await this.accounts.setDisabled(id, disabled, actor);
    if (disabled) await this.sessions.endAllOf(person.id);
    return personView(person);
  }

  @Mutation(() => PersonType, {
    description: 'Your own choice: alerts as one daily digest (true) or one mail per incident.',
  })
  async setAlertDigest(
    @Args('enabled', { description: 'true: one daily digest; false: one mail per incident.' })
    enabled: boolean,
    @Context() { actor }: GatewayContext,
  ): Promise<PersonType> {
    requireSignedIn(actor, 'Choosing how alerts arrive');
    const personId = personIdOf(actor);
    if (!personId) {
      throw new PeopleError(
        PeopleErrorCode.PersonInvalid,
        'Alert delivery is chosen by a person signed in to the console, not by an API key.',
      );
    }
    return personView(await this.accounts.setAlertDigest(personId, enabled));
  }
}

function personIdOf(actor: Actor): string | undefined {
  return actor.kind === 'anonymous' ? undefined : actor.personId;
}
