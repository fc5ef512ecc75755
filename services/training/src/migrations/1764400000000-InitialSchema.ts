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

export class InitialSchema1764400000000 implements MigrationInterface {
  name = 'InitialSchema1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await createUnitChangeCursor(db);

    // The owner unit is the campaign's unit (e.g. the state whose task force runs it).
    await db.query(`CREATE TABLE training_campaign (${RECORD_COLUMNS}, ${UNIT_COLUMNS},
      name text NOT NULL,
      description text,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      target_camps integer NOT NULL CHECK (target_camps >= 0),
      target_trainees integer NOT NULL CHECK (target_trainees >= 0),
      status text NOT NULL DEFAULT 'DRAFT',
      CHECK (ends_on >= starts_on))`);
    await db.query(`CREATE INDEX training_campaign_unit_path ON training_campaign USING gin (unit_path)`);
    await db.query(`CREATE INDEX training_campaign_name ON training_campaign USING gin (name gin_trgm_ops)`);

    await db.query(`CREATE TABLE campaign_phase (${RECORD_COLUMNS},
      campaign_id uuid NOT NULL REFERENCES training_campaign(id),
      number integer NOT NULL CHECK (number >= 1),
      name text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      target_camps integer NOT NULL CHECK (target_camps >= 0),
      target_trainees integer NOT NULL CHECK (target_trainees >= 0),
      camp_level text NOT NULL,
      CHECK (ends_on >= starts_on))`);
    await db.query(`CREATE UNIQUE INDEX campaign_phase_number ON campaign_phase (campaign_id, number) WHERE deleted_at IS NULL`);

    await db.query(`CREATE TABLE topic (${RECORD_COLUMNS},
      campaign_id uuid NOT NULL REFERENCES training_campaign(id),
      title text NOT NULL,
      description text,
      minutes integer CHECK (minutes IS NULL OR minutes > 0))`);
    await db.query(`CREATE INDEX topic_campaign ON topic (campaign_id)`);

    await db.query(`CREATE TABLE trainer_team (${RECORD_COLUMNS},
      campaign_id uuid NOT NULL REFERENCES training_campaign(id),
      name text NOT NULL,
      trainer_ids uuid[] NOT NULL DEFAULT '{}')`);
    await db.query(`CREATE INDEX trainer_team_campaign ON trainer_team (campaign_id)`);
    await db.query(`CREATE INDEX trainer_team_trainers ON trainer_team USING gin (trainer_ids)`);

    await db.query(`CREATE TABLE camp (${RECORD_COLUMNS}, ${UNIT_COLUMNS},
      campaign_id uuid NOT NULL REFERENCES training_campaign(id),
      phase_id uuid NOT NULL REFERENCES campaign_phase(id),
      venue text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      capacity integer NOT NULL CHECK (capacity > 0),
      trainer_team_id uuid REFERENCES trainer_team(id),
      topic_ids uuid[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'PLANNED',
      CHECK (ends_on >= starts_on))`);
    await db.query(`CREATE INDEX camp_unit_path ON camp USING gin (unit_path)`);
    await db.query(`CREATE INDEX camp_phase ON camp (phase_id, status)`);
    await db.query(`CREATE INDEX camp_campaign ON camp (campaign_id, status)`);
    await db.query(`CREATE INDEX camp_trainer_team ON camp (trainer_team_id)`);

    await db.query(`CREATE TABLE enrollment (${RECORD_COLUMNS},
      camp_id uuid NOT NULL REFERENCES camp(id),
      member_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'REGISTERED',
      topics_attended uuid[] NOT NULL DEFAULT '{}',
      completed_on date)`);
    await db.query(`CREATE UNIQUE INDEX enrollment_once_per_camp ON enrollment (camp_id, member_id) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX enrollment_member ON enrollment (member_id)`);
    await db.query(`CREATE INDEX enrollment_camp_status ON enrollment (camp_id, status)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['enrollment', 'camp', 'trainer_team', 'topic', 'campaign_phase', 'training_campaign', 'unit_change_cursor']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
