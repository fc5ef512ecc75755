import { createUnitChangeCursor } from '@sangathan/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const RECORD_COLUMNS = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3)`;

/** Copies of the unit a record belongs to (owned by membership, kept current by the unit-change follower). */
const UNIT_COLUMNS = `
  organization_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  unit_path uuid[] NOT NULL,
  unit_level text NOT NULL`;

export class InitialSchema1764100000000 implements MigrationInterface {
  name = 'InitialSchema1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await createUnitChangeCursor(db);

    await db.query(`CREATE TABLE social_team (${RECORD_COLUMNS}, ${UNIT_COLUMNS},
      name text NOT NULL,
      formed_on date NOT NULL,
      status text NOT NULL DEFAULT 'ACTIVE')`);
    await db.query(`CREATE INDEX social_team_unit_path ON social_team USING gin (unit_path)`);
    await db.query(`CREATE INDEX social_team_unit ON social_team (unit_id)`);
    await db.query(`CREATE INDEX social_team_name ON social_team USING gin (name gin_trgm_ops)`);
    await db.query(
      `CREATE UNIQUE INDEX social_team_one_active_per_unit ON social_team (unit_id) WHERE status = 'ACTIVE' AND deleted_at IS NULL`,
    );

    await db.query(`CREATE TABLE team_member (${RECORD_COLUMNS},
      team_id uuid NOT NULL REFERENCES social_team(id),
      member_id uuid NOT NULL,
      role text NOT NULL,
      since date NOT NULL,
      until date,
      CHECK (until IS NULL OR until >= since))`);
    await db.query(`CREATE INDEX team_member_team ON team_member (team_id, role)`);
    await db.query(`CREATE INDEX team_member_member ON team_member (member_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['team_member', 'social_team', 'unit_change_cursor']) await db.query(`DROP TABLE ${table}`);
  }
}
