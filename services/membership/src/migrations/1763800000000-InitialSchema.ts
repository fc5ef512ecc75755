import type { MigrationInterface, QueryRunner } from 'typeorm';

const RECORD_COLUMNS = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3)`;

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await db.query(`CREATE TABLE organization (${RECORD_COLUMNS},
      name text NOT NULL,
      short_name text NOT NULL,
      country char(2) NOT NULL,
      default_locale text NOT NULL,
      unit_levels jsonb NOT NULL,
      member_sequence integer NOT NULL DEFAULT 0)`);

    await db.query(`CREATE TABLE org_unit (${RECORD_COLUMNS},
      organization_id uuid NOT NULL REFERENCES organization(id),
      parent_id uuid REFERENCES org_unit(id),
      level text NOT NULL,
      name text NOT NULL,
      name_latin text NOT NULL,
      code text NOT NULL,
      path uuid[] NOT NULL,
      search_key text NOT NULL)`);
    await db.query(`CREATE INDEX org_unit_parent ON org_unit (parent_id)`);
    await db.query(`CREATE INDEX org_unit_organization_level ON org_unit (organization_id, level)`);
    await db.query(`CREATE INDEX org_unit_path ON org_unit USING gin (path)`);
    await db.query(`CREATE INDEX org_unit_search ON org_unit USING gin (search_key gin_trgm_ops)`);
    await db.query(`CREATE UNIQUE INDEX org_unit_code ON org_unit (organization_id, code) WHERE deleted_at IS NULL`);

    await db.query(`CREATE TABLE member (${RECORD_COLUMNS},
      organization_id uuid NOT NULL REFERENCES organization(id),
      full_name text NOT NULL,
      full_name_latin text NOT NULL,
      gender text,
      date_of_birth date,
      phone text,
      email text,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      membership_number text NOT NULL,
      joined_on date NOT NULL,
      status text NOT NULL DEFAULT 'ACTIVE',
      tags text[] NOT NULL DEFAULT '{}',
      search_key text NOT NULL)`);
    await db.query(`CREATE INDEX member_unit ON member (unit_id)`);
    await db.query(`CREATE INDEX member_organization_name ON member (organization_id, full_name_latin, id)`);
    await db.query(`CREATE INDEX member_status ON member (status)`);
    await db.query(`CREATE INDEX member_tags ON member USING gin (tags)`);
    await db.query(`CREATE INDEX member_phone ON member (phone)`);
    await db.query(`CREATE INDEX member_search ON member USING gin (search_key gin_trgm_ops)`);
    await db.query(`CREATE UNIQUE INDEX member_number ON member (organization_id, membership_number) WHERE deleted_at IS NULL`);

    await db.query(`CREATE TABLE "position" (${RECORD_COLUMNS},
      member_id uuid NOT NULL REFERENCES member(id),
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      title text NOT NULL,
      label text,
      starts_on date NOT NULL,
      ends_on date,
      CHECK (ends_on IS NULL OR ends_on >= starts_on))`);
    await db.query(`CREATE INDEX position_member ON "position" (member_id)`);
    await db.query(`CREATE INDEX position_unit ON "position" (unit_id)`);

    await db.query(`CREATE TABLE assignment (${RECORD_COLUMNS},
      member_id uuid NOT NULL REFERENCES member(id),
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      starts_on date NOT NULL,
      ends_on date,
      note text,
      CHECK (ends_on IS NULL OR ends_on >= starts_on))`);
    await db.query(`CREATE INDEX assignment_member ON assignment (member_id)`);
    await db.query(`CREATE INDEX assignment_unit ON assignment (unit_id)`);

    await db.query(`CREATE TABLE field_visit (${RECORD_COLUMNS},
      member_id uuid NOT NULL REFERENCES member(id),
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      visited_on date NOT NULL,
      purpose text NOT NULL,
      activities text[] NOT NULL DEFAULT '{}',
      notes text)`);
    await db.query(`CREATE INDEX field_visit_member_date ON field_visit (member_id, visited_on)`);
    await db.query(`CREATE INDEX field_visit_unit ON field_visit (unit_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['field_visit', 'assignment', '"position"', 'member', 'org_unit', 'organization']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
