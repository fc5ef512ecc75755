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

/**
 * Outreach drives (app onboarding, voter registration…): a drive covers a root unit and everything
 * below it, sets targets per unit and collects dated progress reports per unit.
 */
export class OutreachDrives1764300000000 implements MigrationInterface {
  name = 'OutreachDrives1764300000000';

  async up(db: QueryRunner): Promise<void> {
    // The unit columns of a drive are those of its root unit.
    await db.query(`CREATE TABLE outreach_drive (${RECORD_COLUMNS}, ${UNIT_COLUMNS},
      kind text NOT NULL CHECK (kind IN ('APP_ONBOARDING', 'VOTER_REGISTRATION', 'OTHER')),
      name text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      CHECK (ends_on >= starts_on))`);
    await db.query(`CREATE INDEX outreach_drive_unit_path ON outreach_drive USING gin (unit_path)`);
    await db.query(`CREATE INDEX outreach_drive_name ON outreach_drive USING gin (name gin_trgm_ops)`);
    await db.query(`CREATE INDEX outreach_drive_starts_on ON outreach_drive (starts_on, id)`);

    await db.query(`CREATE TABLE drive_target (${RECORD_COLUMNS},
      drive_id uuid NOT NULL REFERENCES outreach_drive(id), ${UNIT_COLUMNS},
      target integer NOT NULL CHECK (target >= 0))`);
    await db.query(`CREATE UNIQUE INDEX drive_target_one_per_unit ON drive_target (drive_id, unit_id) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX drive_target_unit_path ON drive_target USING gin (unit_path)`);

    await db.query(`CREATE TABLE drive_report (${RECORD_COLUMNS},
      drive_id uuid NOT NULL REFERENCES outreach_drive(id), ${UNIT_COLUMNS},
      reported_on date NOT NULL,
      count integer NOT NULL CHECK (count >= 0),
      reported_by uuid NOT NULL,
      note text)`);
    await db.query(`CREATE INDEX drive_report_drive ON drive_report (drive_id, reported_on)`);
    await db.query(`CREATE INDEX drive_report_unit_path ON drive_report USING gin (unit_path)`);
    await db.query(`CREATE INDEX drive_report_reported_by ON drive_report (reported_by)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['drive_report', 'drive_target', 'outreach_drive']) await db.query(`DROP TABLE ${table}`);
  }
}
