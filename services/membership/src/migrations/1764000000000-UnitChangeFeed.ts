import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The feed other services follow to keep their copies of unit ancestry and level current. */
export class UnitChangeFeed1764000000000 implements MigrationInterface {
  name = 'UnitChangeFeed1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE unit_change (
      seq bigserial PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      path uuid[] NOT NULL,
      level text NOT NULL,
      changed_at timestamptz(3) NOT NULL DEFAULT now())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE unit_change`);
  }
}
