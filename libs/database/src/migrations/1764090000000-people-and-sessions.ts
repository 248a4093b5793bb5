import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People who sign in to the console, their single-use password links, and the console's
 * sessions. The sessions table has the exact shape connect-pg-simple expects; it is made here
 * so the library never creates tables itself.
 */
export class PeopleAndSessions1764090000000 implements MigrationInterface {
  name = 'PeopleAndSessions1764090000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('partner','staff')),
        partner_id uuid NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        password_hash text,
        failed_sign_ins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        disabled boolean NOT NULL DEFAULT false,
        alert_digest boolean NOT NULL DEFAULT false,
        last_sign_in_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX people_partner ON people (partner_id)`);
    await db.query(`
      CREATE TABLE password_tokens (
        token_hash char(64) PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('setup','reset')),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX password_tokens_person ON password_tokens (person_id)`);
    await db.query(`
      CREATE TABLE console_sessions (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await db.query(`CREATE INDEX console_sessions_expire ON console_sessions (expire)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE console_sessions');
    await db.query('DROP TABLE password_tokens');
    await db.query('DROP TABLE people');
  }
}
