import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A merged (retired) member points at the member it was merged into; the feed itcell and training follow. */
export class MemberMerge1765200000000 implements MigrationInterface {
  name = 'MemberMerge1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE member ADD COLUMN merged_into_id uuid REFERENCES member(id)`);
    await db.query(`CREATE TABLE member_merge (
      seq bigserial PRIMARY KEY,
      retired_id uuid NOT NULL REFERENCES member(id),
      kept_id uuid NOT NULL REFERENCES member(id),
      merged_at timestamptz(3) NOT NULL DEFAULT now())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE member_merge`);
    await db.query(`ALTER TABLE member DROP COLUMN merged_into_id`);
  }
}
