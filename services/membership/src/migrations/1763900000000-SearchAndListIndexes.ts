import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes found missing by `npm run bench` at 500,000 members: every branch of a member search
 * (name as written, membership number, phone digits) must be indexable or PostgreSQL scans the table;
 * an unfiltered list sorted by Latin name needs (full_name_latin, id) for keyset paging; unit search
 * by name or code likewise.
 */
export class SearchAndListIndexes1763900000000 implements MigrationInterface {
  name = 'SearchAndListIndexes1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX member_full_name_trgm ON member USING gin (full_name gin_trgm_ops)`);
    await db.query(`CREATE INDEX member_number_trgm ON member USING gin (membership_number gin_trgm_ops)`);
    await db.query(`CREATE INDEX member_phone_trgm ON member USING gin (phone gin_trgm_ops)`);
    await db.query(`CREATE INDEX member_name_latin ON member (full_name_latin, id)`);
    await db.query(`CREATE INDEX org_unit_name_trgm ON org_unit USING gin (name gin_trgm_ops)`);
    await db.query(`CREATE INDEX org_unit_code_trgm ON org_unit USING gin (code gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'org_unit_code_trgm',
      'org_unit_name_trgm',
      'member_name_latin',
      'member_phone_trgm',
      'member_number_trgm',
      'member_full_name_trgm',
    ]) {
      await db.query(`DROP INDEX ${index}`);
    }
  }
}
