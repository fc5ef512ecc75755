import { auditModule, type ServiceDefinition } from '@sangathan/common';
import { InitialSchema1764100000000 } from './migrations/1764100000000-InitialSchema';
import { AccountsAndMeetings1764200000000 } from './migrations/1764200000000-AccountsAndMeetings';
import { OutreachDrives1764300000000 } from './migrations/1764300000000-OutreachDrives';
import { AuditLog1764800000000 } from './migrations/1764800000000-AuditLog';
import { MemberMergeCursor1765200000000 } from './migrations/1765200000000-MemberMergeCursor';
import { applyItcellMemberMerge } from './member-merges';
import { coverageModule } from './modules/coverage';
// Loaded before drive-report: type-graphql orders the schema's operations by the order resolver files load.
import { meetingModule } from './modules/meeting';
import { driveReportModule } from './modules/drive-report';
import { federationModule } from './modules/federation';
import { outreachDriveModule } from './modules/outreach-drive';
import { socialAccountModule } from './modules/social-account';
import { socialTeamModule } from './modules/social-team';
import { teamMemberModule } from './modules/team-member';

/** Every module of the service: its entities, schema, request services and unit copies are built from this list. */
export const MODULES = [
  socialTeamModule,
  teamMemberModule,
  federationModule,
  outreachDriveModule,
  driveReportModule,
  socialAccountModule,
  meetingModule,
  coverageModule,
  auditModule('itcell'),
] as const;

export const MIGRATIONS = [
  InitialSchema1764100000000,
  AccountsAndMeetings1764200000000,
  OutreachDrives1764300000000,
  AuditLog1764800000000,
  MemberMergeCursor1765200000000,
];

export const ITCELL_SERVICE: ServiceDefinition = {
  name: 'itcell',
  modules: MODULES,
  migrations: MIGRATIONS,
  followsMembership: true,
  memberMerges: applyItcellMemberMerge,
  access: { read: 'itcell:read', write: 'itcell:write' },
};
