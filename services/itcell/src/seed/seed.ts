import { insertInChunks } from '@sangathan/common';
import { runAsSystem } from '@sangathan/common';
import type { DataSource } from 'typeorm';
import { Meeting, MeetingAttendee } from '../modules/meeting/meeting.entity';
import { DriveReport } from '../modules/drive-report/drive-report.entity';
import { DriveTarget } from '../modules/outreach-drive/drive-target.entity';
import { OutreachDrive } from '../modules/outreach-drive/outreach-drive.entity';
import { SocialAccount } from '../modules/social-account/social-account.entity';
import { SocialTeam } from '../modules/social-team/social-team.entity';
import { TeamMember } from '../modules/team-member/team-member.entity';
import { buildActivities } from './activities';
import { buildItcellDemo } from './teams';

export interface ItcellSeedSummary {
  teams: number;
  teamMembers: number;
  accounts: number;
  meetings: number;
  drives: number;
  driveReports: number;
  /** True when the demo data was already there and nothing was written. */
  alreadySeeded: boolean;
}

/** Two seed runs at once wait for each other instead of clashing on ids. */
const SEED_LOCK = 76_340_002;

/**
 * Demo data for case 2 on the membership demo party (same unit and member ids, built in memory, never
 * read from membership's database). Idempotent: does nothing when the state IT team exists.
 */
export async function seedItcell(dataSource: DataSource, options: { log?: (message: string) => void } = {}): Promise<ItcellSeedSummary> {
  const log = options.log ?? (() => undefined);
  // Audited as the system's seed job.
  return runAsSystem('seed', () =>
    dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const demo = buildItcellDemo();
      const alreadySeeded = await manager.exists(SocialTeam, { where: { id: demo.stateTeam.id }, withDeleted: true });
      if (!alreadySeeded) {
        await insertInChunks(manager, SocialTeam, demo.teams);
        log(`seed: teams ${demo.teams.length.toLocaleString('en-US')}`);
        await insertInChunks(manager, TeamMember, demo.roles);
        log(`seed: team members ${demo.roles.length.toLocaleString('en-US')}`);
        const activities = buildActivities(demo);
        await insertInChunks(manager, SocialAccount, activities.accounts);
        await insertInChunks(manager, Meeting, activities.meetings);
        await insertInChunks(manager, MeetingAttendee, activities.attendees);
        log(
          `seed: accounts ${activities.accounts.length}, meetings ${activities.meetings.length} (${activities.attendees.length.toLocaleString('en-US')} attendances)`,
        );
        await insertInChunks(manager, OutreachDrive, activities.drives);
        await insertInChunks(manager, DriveTarget, activities.targets);
        await insertInChunks(manager, DriveReport, activities.reports);
        log(
          `seed: drives ${activities.drives.length}, targets ${activities.targets.length}, reports ${activities.reports.length.toLocaleString('en-US')}`,
        );
      } else {
        log('seed: demo teams already present, nothing written');
      }
      const [counts]: Omit<ItcellSeedSummary, 'alreadySeeded'>[] = await manager.query(
        `SELECT (SELECT count(*)::int FROM social_team WHERE organization_id = $1 AND deleted_at IS NULL) AS "teams",
              (SELECT count(*)::int FROM team_member r JOIN social_team t ON t.id = r.team_id WHERE t.organization_id = $1 AND r.deleted_at IS NULL) AS "teamMembers",
              (SELECT count(*)::int FROM social_account WHERE organization_id = $1 AND deleted_at IS NULL) AS "accounts",
              (SELECT count(*)::int FROM meeting WHERE organization_id = $1 AND deleted_at IS NULL) AS "meetings",
              (SELECT count(*)::int FROM outreach_drive WHERE organization_id = $1 AND deleted_at IS NULL) AS "drives",
              (SELECT count(*)::int FROM drive_report WHERE organization_id = $1 AND deleted_at IS NULL) AS "driveReports"`,
        [demo.party.organization.id],
      );
      return { ...counts, alreadySeeded };
    }),
  );
}
