import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts and their sessions, partner app tokens, and the failed sign-in counters behind throttling. */
export class Accounts1764600000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        email text NOT NULL,
        display_name text NOT NULL,
        member_id uuid REFERENCES member(id),
        role text NOT NULL CHECK (role IN ('SUPERADMIN', 'ADMIN', 'EDITOR', 'VIEWER')),
        organization_id uuid REFERENCES organization(id),
        scope_unit_id uuid REFERENCES org_unit(id),
        active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz(3),
        password_hash text NOT NULL,
        password_changed_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (role = 'SUPERADMIN' OR scope_unit_id IS NOT NULL)
      )`);
    await db.query(`CREATE UNIQUE INDEX account_email ON account (lower(email)) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX account_scope_unit ON account (scope_unit_id)`);
    await db.query(`
      CREATE TABLE account_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id),
        refresh_hash text NOT NULL,
        previous_hash text,
        rotated_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_used_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        ended_at timestamptz(3),
        client_address text
      )`);
    await db.query(`CREATE INDEX account_session_account ON account_session (account_id) WHERE ended_at IS NULL`);
    await db.query(`
      CREATE TABLE partner_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        name text NOT NULL,
        organization_id uuid NOT NULL REFERENCES organization(id),
        scope_unit_id uuid NOT NULL REFERENCES org_unit(id),
        scopes text[] NOT NULL,
        expires_at timestamptz(3) NOT NULL,
        revoked_at timestamptz(3),
        last_used_at timestamptz(3),
        secret_hash text NOT NULL,
        created_by uuid REFERENCES account(id)
      )`);
    await db.query(`CREATE INDEX partner_token_scope_unit ON partner_token (scope_unit_id)`);
    await db.query(`
      CREATE TABLE login_failure (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        first_at timestamptz(3) NOT NULL,
        locked_until timestamptz(3)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_failure`);
    await db.query(`DROP TABLE partner_token`);
    await db.query(`DROP TABLE account_session`);
    await db.query(`DROP TABLE account`);
  }
}
