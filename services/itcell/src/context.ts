import { MembershipLookups, type MembershipClient } from '@sangathan/common';
import type { DataSource } from 'typeorm';
import { CoverageService } from './modules/coverage/coverage.service';
import { MeetingService } from './modules/meeting/meeting.service';
import { DriveReportService } from './modules/outreach-drive/drive-report.service';
import { OutreachDriveService } from './modules/outreach-drive/outreach-drive.service';
import { SocialAccountService } from './modules/social-account/social-account.service';
import { SocialTeamService } from './modules/social-team/social-team.service';
import { TeamMemberService } from './modules/team-member/team-member.service';

export interface ItcellServices {
  membership: MembershipLookups;
  teams: SocialTeamService;
  teamMembers: TeamMemberService;
  coverage: CoverageService;
  accounts: SocialAccountService;
  meetings: MeetingService;
  drives: OutreachDriveService;
  driveReports: DriveReportService;
}

/** Per-request context: services with request-scoped DataLoaders, including lookups in membership. */
export interface ItcellContext {
  services: ItcellServices;
}

export function createServices(dataSource: DataSource, membershipClient: MembershipClient): ItcellServices {
  const membership = new MembershipLookups(membershipClient);
  return {
    membership,
    teams: new SocialTeamService(dataSource, membership),
    teamMembers: new TeamMemberService(dataSource, membership),
    coverage: new CoverageService(dataSource, membership),
    accounts: new SocialAccountService(dataSource, membership),
    meetings: new MeetingService(dataSource, membership),
    drives: new OutreachDriveService(dataSource, membership),
    driveReports: new DriveReportService(dataSource, membership),
  };
}

export function createContext(dataSource: DataSource, membershipClient: MembershipClient): ItcellContext {
  return { services: createServices(dataSource, membershipClient) };
}
