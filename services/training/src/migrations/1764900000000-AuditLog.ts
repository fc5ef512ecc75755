import { auditTable, createAuditLog, dropAuditLog, dropAuditTable, type AuditedTable } from '@sangathan/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const ownUnit = { organization: 'r.organization_id', unitPath: 'r.unit_path' };
const unitOf = (table: string, column: string) => ({
  organization: `(SELECT p.organization_id FROM ${table} p WHERE p.id = r.${column})`,
  unitPath: `(SELECT p.unit_path FROM ${table} p WHERE p.id = r.${column})`,
});

/** Every record table of training. */
export const TRAINING_AUDITED_TABLES: AuditedTable[] = [
  { table: 'training_campaign', recordType: 'TrainingCampaign', moveColumns: ['unit_id'], ...ownUnit },
  { table: 'campaign_phase', recordType: 'CampaignPhase', ...unitOf('training_campaign', 'campaign_id') },
  { table: 'topic', recordType: 'Topic', ...unitOf('training_campaign', 'campaign_id') },
  { table: 'trainer_team', recordType: 'TrainerTeam', ...unitOf('training_campaign', 'campaign_id') },
  { table: 'camp', recordType: 'Camp', moveColumns: ['unit_id'], ...ownUnit },
  { table: 'enrollment', recordType: 'Enrollment', ...unitOf('camp', 'camp_id') },
];

/** The followers' cursors (unit changes, member merges) are bookkeeping, not records. */
export const TRAINING_UNAUDITED_TABLES = ['unit_change_cursor', 'member_merge_cursor'];

export class AuditLog1764900000000 implements MigrationInterface {
  name = 'AuditLog1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await createAuditLog(db);
    for (const table of TRAINING_AUDITED_TABLES) await auditTable(db, table);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table } of TRAINING_AUDITED_TABLES) await dropAuditTable(db, table);
    await dropAuditLog(db);
  }
}
