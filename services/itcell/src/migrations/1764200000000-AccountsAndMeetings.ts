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

/** Social-media accounts of members and teams; meetings with sessions and attendance. */
export class AccountsAndMeetings1764200000000 implements MigrationInterface {
  name = 'AccountsAndMeetings1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE social_account (${RECORD_COLUMNS},
      organization_id uuid NOT NULL,
      platform text NOT NULL,
      handle text NOT NULL,
      url text,
      followers integer NOT NULL DEFAULT 0 CHECK (followers >= 0),
      verified boolean NOT NULL DEFAULT false,
      owner_member_id uuid,
      owner_team_id uuid REFERENCES social_team(id),
      CHECK ((owner_member_id IS NULL) <> (owner_team_id IS NULL)))`);
    await db.query(`CREATE UNIQUE INDEX social_account_live_handle ON social_account (platform, lower(handle)) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX social_account_organization ON social_account (organization_id, platform)`);
    await db.query(`CREATE INDEX social_account_owner_member ON social_account (owner_member_id) WHERE owner_member_id IS NOT NULL`);
    await db.query(`CREATE INDEX social_account_owner_team ON social_account (owner_team_id) WHERE owner_team_id IS NOT NULL`);
    await db.query(`CREATE INDEX social_account_handle ON social_account USING gin (handle gin_trgm_ops)`);

    await db.query(`CREATE TABLE meeting (${RECORD_COLUMNS}, ${UNIT_COLUMNS},
      kind text NOT NULL,
      title text NOT NULL,
      search_key text NOT NULL DEFAULT '',
      starts_at timestamptz(3) NOT NULL,
      venue text,
      chair_id uuid,
      sessions jsonb NOT NULL DEFAULT '[]',
      attendee_count integer NOT NULL DEFAULT 0 CHECK (attendee_count >= 0),
      minutes text)`);
    await db.query(`CREATE INDEX meeting_unit_path ON meeting USING gin (unit_path)`);
    await db.query(`CREATE INDEX meeting_unit ON meeting (unit_id, starts_at)`);
    await db.query(`CREATE INDEX meeting_organization ON meeting (organization_id, starts_at)`);
    await db.query(`CREATE INDEX meeting_starts_at ON meeting (starts_at)`);
    await db.query(`CREATE INDEX meeting_kind ON meeting (kind, starts_at)`);
    await db.query(`CREATE INDEX meeting_chair ON meeting (chair_id) WHERE chair_id IS NOT NULL`);
    await db.query(`CREATE INDEX meeting_speakers ON meeting USING gin (sessions jsonb_path_ops)`);
    await db.query(`CREATE INDEX meeting_title ON meeting USING gin (title gin_trgm_ops)`);
    await db.query(`CREATE INDEX meeting_venue ON meeting USING gin (venue gin_trgm_ops)`);
    await db.query(`CREATE INDEX meeting_minutes ON meeting USING gin (minutes gin_trgm_ops)`);
    await db.query(`CREATE INDEX meeting_search_key ON meeting USING gin (search_key gin_trgm_ops)`);

    await db.query(`CREATE TABLE meeting_attendee (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES meeting(id),
      member_id uuid NOT NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (meeting_id, member_id))`);
    await db.query(`CREATE INDEX meeting_attendee_order ON meeting_attendee (meeting_id, created_at, id)`);
    await db.query(`CREATE INDEX meeting_attendee_member ON meeting_attendee (member_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['meeting_attendee', 'meeting', 'social_account']) await db.query(`DROP TABLE ${table}`);
  }
}
