import type { UnitCopyTable } from '@sangathan/common';
import { InitialSchema1764100000000 } from './migrations/1764100000000-InitialSchema';
import { AccountsAndMeetings1764200000000 } from './migrations/1764200000000-AccountsAndMeetings';
import { OutreachDrives1764300000000 } from './migrations/1764300000000-OutreachDrives';
import { Meeting, MeetingAttendee } from './modules/meeting/meeting.entity';
import { DriveReport } from './modules/outreach-drive/drive-report.entity';
import { DriveTarget } from './modules/outreach-drive/drive-target.entity';
import { OutreachDrive } from './modules/outreach-drive/outreach-drive.entity';
import { SocialAccount } from './modules/social-account/social-account.entity';
import { SocialTeam } from './modules/social-team/social-team.entity';
import { TeamMember } from './modules/team-member/team-member.entity';

export const ENTITIES = [SocialTeam, TeamMember, OutreachDrive, DriveTarget, DriveReport, SocialAccount, Meeting, MeetingAttendee];
/** Listed explicitly (not globbed) so ts-jest, tsc output and the CLI load the same set. */
export const MIGRATIONS = [InitialSchema1764100000000, AccountsAndMeetings1764200000000, OutreachDrives1764300000000];

/** Tables holding copies of unit ancestry, rewritten when membership reports a unit change. */
export const UNIT_COPY_TABLES: UnitCopyTable[] = [
  { table: 'social_team', unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' },
  { table: 'outreach_drive', unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' },
  { table: 'drive_target', unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' },
  { table: 'drive_report', unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' },
  { table: 'meeting', unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' },
];
