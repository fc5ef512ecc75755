import { auditTable, dropAuditTable } from '@sangathan/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { nameKey } from '../modules/duplicate/name-key';
import { MEMBERSHIP_AUDITED_TABLES } from './1764700000000-AuditLog';

const BATCH = 5000;

/** Name keys on members (for finding duplicates) and the pairs found, with the decisions taken on them. */
export class DuplicateCandidates1765000000000 implements MigrationInterface {
  name = 'DuplicateCandidates1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE member ADD COLUMN name_key text NOT NULL DEFAULT ''`);
    // The member's triggers learn the new column (ignored: derived), so filling it writes no entries.
    await auditTable(
      db,
      MEMBERSHIP_AUDITED_TABLES.find((table) => table.table === 'member')!,
    );
    // The key is worked out in JS (Devanagari transliteration), in batches by id.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; full_name_latin: string }[] = await db.query(
        `SELECT id, full_name_latin FROM member WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (!rows.length) break;
      await db.query(`UPDATE member m SET name_key = k.key FROM unnest($1::uuid[], $2::text[]) AS k(id, key) WHERE m.id = k.id`, [
        rows.map((row) => row.id),
        rows.map((row) => nameKey(row.full_name_latin)),
      ]);
      after = rows[rows.length - 1].id;
    }
    await db.query(`CREATE INDEX member_name_key ON member (organization_id, name_key)`);
    await db.query(`CREATE INDEX member_birth_date ON member (organization_id, date_of_birth) WHERE date_of_birth IS NOT NULL`);

    await db.query(`CREATE TABLE duplicate_candidate (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      deleted_at timestamptz(3),
      organization_id uuid NOT NULL REFERENCES organization(id),
      member_a_id uuid NOT NULL REFERENCES member(id),
      member_b_id uuid NOT NULL REFERENCES member(id),
      score real NOT NULL CHECK (score >= 0 AND score <= 1),
      reasons text[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'MERGED', 'NOT_SAME')),
      found_at timestamptz(3) NOT NULL DEFAULT now(),
      CHECK (member_a_id < member_b_id))`);
    await db.query(`CREATE UNIQUE INDEX duplicate_candidate_pair ON duplicate_candidate (member_a_id, member_b_id)`);
    await db.query(`CREATE INDEX duplicate_candidate_member_b ON duplicate_candidate (member_b_id)`);
    await db.query(`CREATE INDEX duplicate_candidate_queue ON duplicate_candidate (organization_id, status, score DESC, id)`);
    await auditTable(db, DUPLICATE_CANDIDATE_AUDIT);

    // Job state, not a record (listed in MEMBERSHIP_UNAUDITED_TABLES); one run per organisation at a time.
    await db.query(`CREATE TABLE duplicate_run (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organization(id),
      scope_unit_id uuid REFERENCES org_unit(id),
      status text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
      started_at timestamptz(3) NOT NULL DEFAULT now(),
      finished_at timestamptz(3),
      pairs_compared integer,
      pairs_proposed integer,
      pairs_written integer NOT NULL DEFAULT 0,
      new_pairs integer NOT NULL DEFAULT 0,
      error text)`);
    await db.query(`CREATE UNIQUE INDEX duplicate_run_one_running ON duplicate_run (organization_id) WHERE status = 'RUNNING'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE duplicate_run`);
    await dropAuditTable(db, 'duplicate_candidate');
    await db.query(`DROP TABLE duplicate_candidate`);
    await db.query(`DROP INDEX member_birth_date`);
    await db.query(`DROP INDEX member_name_key`);
    await db.query(`ALTER TABLE member DROP COLUMN name_key`);
    await auditTable(
      db,
      MEMBERSHIP_AUDITED_TABLES.find((table) => table.table === 'member')!,
    );
  }
}

/** A pair's entries belong to the first member's unit (both lie in the organisation). */
const DUPLICATE_CANDIDATE_AUDIT = {
  table: 'duplicate_candidate',
  recordType: 'DuplicateCandidate',
  ignored: ['found_at'],
  organization: 'r.organization_id',
  unitPath: `(SELECT u.path FROM member m JOIN org_unit u ON u.id = m.unit_id WHERE m.id = r.member_a_id)`,
};
