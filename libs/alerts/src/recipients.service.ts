import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@hop-luu/config';
import type { Source } from '@hop-luu/sources';

/** A person who chose the daily digest, and whose sources it covers (staff: every source). */
export interface DigestReader {
  readonly email: string;
  readonly role: 'staff' | 'partner';
  readonly partnerId: string;
}

interface PersonRow {
  email: string;
  role: 'staff' | 'partner';
  partner_id: string;
  alert_digest: boolean;
}

/**
 * Who hears of a source's incidents: every staff person and the people of the partner that owns
 * the source (console accounts, not disabled), plus ALERT_STAFF_EMAILS. A partner without any
 * account is reached at the adminEmail its Identify gave. People who chose the digest get it
 * instead of each message.
 */
@Injectable()
export class RecipientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Addresses to send each message of this source's incidents to, at once. */
  async immediateFor(source: Pick<Source, 'ownerId' | 'adminEmail'>): Promise<string[]> {
    const people = await this.db.query<PersonRow[]>(
      `SELECT email, role, partner_id, alert_digest FROM people
        WHERE NOT disabled AND (role = 'staff' OR partner_id = $1)`,
      [source.ownerId],
    );
    const partnerHasPeople = people.some((p) => p.role === 'partner');
    const addresses = [
      ...people.filter((p) => !p.alert_digest).map((p) => p.email),
      ...this.config.alerts.staffEmails,
      ...(source.ownerId && !partnerHasPeople && source.adminEmail ? [source.adminEmail] : []),
    ];
    return [...new Set(addresses.map((a) => a.toLowerCase()))];
  }

  /** Everyone who chose the daily digest. */
  async digestReaders(): Promise<DigestReader[]> {
    const rows = await this.db.query<PersonRow[]>(
      `SELECT email, role, partner_id FROM people WHERE NOT disabled AND alert_digest ORDER BY email`,
    );
    return rows.map((row) => ({ email: row.email, role: row.role, partnerId: row.partner_id }));
  }
}
