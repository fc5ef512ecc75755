import { auditTable, createAuditLog, dropAuditLog, dropAuditTable, type AuditedTable } from '@sangathan/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const unitOf = (column: string) => ({
  organization: `(SELECT u.organization_id FROM org_unit u WHERE u.id = r.${column})`,
  unitPath: `(SELECT u.path FROM org_unit u WHERE u.id = r.${column})`,
});

/** Every record table of membership; sessions and login failures are security state, not records, and the unit feed is itself a log. */
export const MEMBERSHIP_AUDITED_TABLES: AuditedTable[] = [
  // Organisation-wide settings: only organisation-wide admins see their history (no unit path).
  { table: 'organization', recordType: 'Organization', ignored: ['member_sequence'], organization: 'r.id', unitPath: 'NULL::uuid[]' },
  {
    table: 'org_unit',
    recordType: 'OrgUnit',
    ignored: ['name_latin', 'search_key'],
    moveColumns: ['parent_id'],
    organization: 'r.organization_id',
    unitPath: 'r.path',
  },
  {
    table: 'member',
    recordType: 'Member',
    masked: { phone: 'phone', email: 'email', date_of_birth: 'date' },
    // name_key: added by DuplicateCandidates1765000000000, derived like search_key.
    ignored: ['full_name_latin', 'search_key', 'name_key'],
    moveColumns: ['unit_id'],
    organization: 'r.organization_id',
    unitPath: unitOf('unit_id').unitPath,
  },
  { table: 'position', recordType: 'Position', ...unitOf('unit_id') },
  { table: 'assignment', recordType: 'Assignment', ...unitOf('unit_id') },
  { table: 'field_visit', recordType: 'FieldVisit', ...unitOf('unit_id') },
  {
    table: 'account',
    recordType: 'Account',
    masked: { email: 'email', password_hash: 'secret' },
    ignored: ['last_login_at'],
    organization: 'r.organization_id',
    unitPath: unitOf('scope_unit_id').unitPath,
  },
  {
    table: 'partner_token',
    recordType: 'PartnerToken',
    masked: { secret_hash: 'secret' },
    ignored: ['last_used_at'],
    organization: 'r.organization_id',
    unitPath: unitOf('scope_unit_id').unitPath,
  },
];

/**
 * Tables that are not records: sign-in sessions and login failures (security state), the unit and merge
 * feeds (themselves logs; a merge's changes are audited as MERGE), findDuplicates runs (job progress;
 * the pairs they write are audited).
 */
export const MEMBERSHIP_UNAUDITED_TABLES = ['account_session', 'login_failure', 'unit_change', 'member_merge', 'duplicate_run'];

export class AuditLog1764700000000 implements MigrationInterface {
  name = 'AuditLog1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await createAuditLog(db);
    for (const table of MEMBERSHIP_AUDITED_TABLES) await auditTable(db, table);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table } of MEMBERSHIP_AUDITED_TABLES) await dropAuditTable(db, table);
    await dropAuditLog(db);
  }
}
