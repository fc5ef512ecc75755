import { auditTable, createAuditLog, dropAuditLog, dropAuditTable, type AuditedTable } from '@sangathan/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const ownUnit = { organization: 'r.organization_id', unitPath: 'r.unit_path' };
const unitOf = (table: string, column: string) => ({
  organization: `(SELECT p.organization_id FROM ${table} p WHERE p.id = r.${column})`,
  unitPath: `(SELECT p.unit_path FROM ${table} p WHERE p.id = r.${column})`,
});

/** Every record table of itcell (the unit-change cursor is bookkeeping). */
export const ITCELL_AUDITED_TABLES: AuditedTable[] = [
  { table: 'social_team', recordType: 'SocialTeam', moveColumns: ['unit_id'], ...ownUnit },
  { table: 'team_member', recordType: 'TeamMember', ...unitOf('social_team', 'team_id') },
  // A member's own account has no team to place it: organisation-wide admins see it (and whoever may see the account).
  {
    table: 'social_account',
    recordType: 'SocialAccount',
    organization: 'r.organization_id',
    unitPath: unitOf('social_team', 'owner_team_id').unitPath,
  },
  { table: 'meeting', recordType: 'Meeting', ignored: ['search_key'], moveColumns: ['unit_id'], ...ownUnit },
  { table: 'meeting_attendee', recordType: 'MeetingAttendee', ...unitOf('meeting', 'meeting_id') },
  { table: 'outreach_drive', recordType: 'OutreachDrive', moveColumns: ['unit_id'], ...ownUnit },
  { table: 'drive_target', recordType: 'DriveTarget', ...ownUnit },
  { table: 'drive_report', recordType: 'DriveReport', ...ownUnit },
];

/** The followers' cursors (unit changes, member merges) are bookkeeping, not records. */
export const ITCELL_UNAUDITED_TABLES = ['unit_change_cursor', 'member_merge_cursor'];

export class AuditLog1764800000000 implements MigrationInterface {
  name = 'AuditLog1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await createAuditLog(db);
    for (const table of ITCELL_AUDITED_TABLES) await auditTable(db, table);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table } of ITCELL_AUDITED_TABLES) await dropAuditTable(db, table);
    await dropAuditLog(db);
  }
}
