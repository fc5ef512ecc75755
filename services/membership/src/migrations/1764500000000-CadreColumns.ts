import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Assignments and field visits name their member `cadreId` in the API: the column says the same. */
export class CadreColumns1764500000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE assignment RENAME COLUMN member_id TO cadre_id`);
    await db.query(`ALTER INDEX assignment_member RENAME TO assignment_cadre`);
    await db.query(`ALTER TABLE field_visit RENAME COLUMN member_id TO cadre_id`);
    await db.query(`ALTER INDEX field_visit_member_date RENAME TO field_visit_cadre_date`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX field_visit_cadre_date RENAME TO field_visit_member_date`);
    await db.query(`ALTER TABLE field_visit RENAME COLUMN cadre_id TO member_id`);
    await db.query(`ALTER INDEX assignment_cadre RENAME TO assignment_member`);
    await db.query(`ALTER TABLE assignment RENAME COLUMN cadre_id TO member_id`);
  }
}
