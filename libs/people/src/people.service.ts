import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessError, AccessErrorCode, Actor, Partner, Role, ROLES } from '@hop-luu/access';
import { checkPasswordStrength, hashPassword } from './password-hashing';
import { PeopleError, PeopleErrorCode } from './people.errors';
import { Person } from './person.entity';

/** The staff-role partner row staff people belong to unless another is named. */
export const STAFF_PARTNER_NAME = 'Cán bộ Thư viện Quốc gia Việt Nam';

const MAX_EMAIL = 254;
const MAX_NAME = 200;

export interface NewPerson {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  /** Required for a partner user; for staff, a staff-role partner (default: the staff row). */
  readonly partnerId?: string | null;
}

/** The e-mail as stored and compared: trimmed, lower-case. */
export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * People and partners as the console manages them. Actor checks live here, so every caller
 * (GraphQL, CLI) gets the same rule: staff manage everyone; a partner user sees its own partner's
 * people. Passwords are set only through PasswordLinksService (or the CLI for demo staff).
 */
@Injectable()
export class PeopleService {
  private readonly logger = new Logger(PeopleService.name);

  constructor(
    @InjectRepository(Person) private readonly people: Repository<Person>,
    @InjectRepository(Partner) private readonly partners: Repository<Partner>,
  ) {}

  /** Makes (or, if it exists, re-passwords) a staff person who can sign in at once: CLI, demo, tests. */
  async createStaff(email: string, password: string, displayName?: string): Promise<Person> {
    const address = checkedEmail(email);
    checkPasswordStrength(password, address);
    const existing = await this.people.findOneBy({ email: address });
    if (existing && existing.role !== 'staff') throw emailTaken(address);
    const person =
      existing ??
      (await this.save({
        email: address,
        displayName: displayName?.trim() || address,
        role: 'staff',
      }));
    await this.people.update(
      { id: person.id },
      { passwordHash: await hashPassword(password), failedSignIns: 0, lockedUntil: null },
    );
    this.logger.log(`staff person ${address} can sign in`);
    return this.get(person.id);
  }

  /** A new person without a password (staff only); the caller sends them a set-up link. */
  async invite(input: NewPerson, by: Actor): Promise<Person> {
    requireStaff(by, 'Inviting people');
    const email = checkedEmail(input.email);
    if (await this.people.existsBy({ email })) throw emailTaken(email);
    const person = await this.save({ ...input, email });
    this.logger.log(`${by.kind === 'anonymous' ? '' : by.name} invited ${input.role} ${email}`);
    return person;
  }

  /** Withdraws an invitation whose mail could not be sent (its links go with it). */
  async remove(id: string): Promise<void> {
    await this.people.delete({ id });
  }

  /** Staff: everyone; a partner user: the people of its own partner. Ordered by e-mail. */
  list(actor: Actor): Promise<Person[]> {
    if (actor.kind === 'anonymous') return Promise.resolve([]);
    const where = actor.kind === 'staff' ? {} : { partnerId: actor.partnerId };
    return this.people.find({ where, relations: { partner: true }, order: { email: 'ASC' } });
  }

  /** Every partner library and staff row, by name (staff only). */
  listPartners(actor: Actor): Promise<Partner[]> {
    requireStaff(actor, 'Listing partners');
    return this.partners.find({ order: { name: 'ASC' } });
  }

  async createPartner(name: string, actor: Actor): Promise<Partner> {
    requireStaff(actor, 'Adding a partner library');
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > MAX_NAME)
      throw invalid(`Give the partner library's name (1 to ${MAX_NAME} characters).`);
    if (await this.partners.existsBy({ name: trimmed })) {
      throw new PeopleError(
        PeopleErrorCode.PartnerExists,
        `A partner named "${trimmed}" exists already; invite people to it instead.`,
      );
    }
    return this.partners.save(this.partners.create({ name: trimmed, role: 'partner' }));
  }

  async setDisabled(id: string, disabled: boolean, actor: Actor): Promise<Person> {
    requireStaff(actor, 'Disabling or enabling a person');
    const person = await this.get(id);
    if (actor.kind !== 'anonymous' && actor.personId === id && disabled)
      throw invalid('You cannot disable your own account; ask another staff member.');
    await this.people.update({ id: person.id }, { disabled });
    this.logger.log(`${disabled ? 'disabled' : 'enabled'} ${person.email}`);
    return this.get(id);
  }

  async setAlertDigest(personId: string, enabled: boolean): Promise<Person> {
    await this.people.update({ id: personId }, { alertDigest: enabled });
    return this.get(personId);
  }

  /** The person with their partner; PERSON_NOT_FOUND when there is none. */
  async get(id: string): Promise<Person> {
    const person = isUuid(id)
      ? await this.people.findOne({ where: { id }, relations: { partner: true } })
      : null;
    if (!person)
      throw new PeopleError(
        PeopleErrorCode.PersonNotFound,
        `No person with id ${id.slice(0, 40)}.`,
      );
    return person;
  }

  /** Whom a signed-in session stands for now; undefined once the person is gone or disabled. */
  async actorFor(personId: string): Promise<Actor | undefined> {
    const person = await this.people.findOne({
      where: { id: personId },
      relations: { partner: true },
    });
    if (!person?.partner || person.disabled) return undefined;
    return { kind: person.role, partnerId: person.partnerId, name: person.partner.name, personId };
  }

  private async save(input: NewPerson): Promise<Person> {
    const displayName = input.displayName.trim();
    if (!displayName || displayName.length > MAX_NAME)
      throw invalid(`Give the person's name (1 to ${MAX_NAME} characters).`);
    if (!ROLES.includes(input.role)) throw invalid('The role must be staff or partner.');
    const partner = await this.partnerFor(input);
    const saved = await this.people.save(
      this.people.create({
        email: input.email,
        displayName,
        role: input.role,
        partnerId: partner.id,
      }),
    );
    return this.get(saved.id);
  }

  /** A partner user's partner must be a partner library; staff go to a staff-role row. */
  private async partnerFor(input: NewPerson): Promise<Partner> {
    if (!input.partnerId) {
      if (input.role === 'partner')
        throw invalid('A partner user belongs to one partner library: give its partnerId.');
      return (
        (await this.partners.findOneBy({ name: STAFF_PARTNER_NAME })) ??
        (await this.partners.save(
          this.partners.create({ name: STAFF_PARTNER_NAME, role: 'staff' }),
        ))
      );
    }
    const partner = isUuid(input.partnerId)
      ? await this.partners.findOneBy({ id: input.partnerId })
      : null;
    if (!partner) {
      throw new PeopleError(
        PeopleErrorCode.PartnerNotFound,
        `No partner with id ${input.partnerId.slice(0, 40)}; the partners list shows them.`,
      );
    }
    if (partner.role !== input.role)
      throw invalid(`"${partner.name}" is a ${partner.role} row; a ${input.role} cannot join it.`);
    return partner;
  }
}

/** Refuses everyone but staff with FORBIDDEN (UNAUTHENTICATED when nobody is signed in). */
export function requireStaff(actor: Actor, action: string): void {
  if (actor.kind === 'staff') return;
  throw new AccessError(
    actor.kind === 'anonymous' ? AccessErrorCode.Unauthenticated : AccessErrorCode.Forbidden,
    `${action} is for National Library staff${actor.kind === 'anonymous' ? '; sign in first' : ''}.`,
  );
}

function checkedEmail(email: string): string {
  const address = normalEmail(email);
  if (address.length > MAX_EMAIL || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address))
    throw invalid(`"${email.slice(0, 80)}" is not an e-mail address.`);
  return address;
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

function emailTaken(email: string): PeopleError {
  return new PeopleError(
    PeopleErrorCode.EmailTaken,
    `${email} has an account already; a staff member can enable it, or its owner can reset the password.`,
  );
}

function invalid(message: string): PeopleError {
  return new PeopleError(PeopleErrorCode.PersonInvalid, message);
}
