import type { ResourceModule } from './common/resource';
import { members } from './members';
import { organizations } from './organizations';
import { orgUnits } from './orgUnits';
import { positions } from './positions';
import { assignments } from './assignments';
import { fieldVisits } from './fieldVisits';
import { driveReports } from './driveReports';
import { driveTargets } from './driveTargets';
import { meetings } from './meetings';
import { outreachDrives } from './outreachDrives';
import { socialAccounts } from './socialAccounts';
import { socialTeams } from './socialTeams';
import { teamMembers } from './teamMembers';
import { trainingCampaigns } from './trainingCampaigns';
import { campaignPhases } from './campaignPhases';
import { topics } from './topics';
import { trainerTeams } from './trainerTeams';
import { camps } from './camps';
import { enrollments } from './enrollments';
import { accounts } from './accounts';
import { partnerTokens } from './partnerTokens';

export type { Area } from './common/resource';

/**
 * The console's resources, in menu order within each area. This list is the only registry: the admin's
 * <Resource>s, the menu, the data provider's overrides and the messages are all built from it.
 */
export const resources: ResourceModule[] = [
  members,
  orgUnits,
  positions,
  assignments,
  fieldVisits,
  organizations,
  socialTeams,
  teamMembers,
  socialAccounts,
  meetings,
  outreachDrives,
  driveReports,
  driveTargets,
  trainingCampaigns,
  campaignPhases,
  camps,
  enrollments,
  topics,
  trainerTeams,
  accounts,
  partnerTokens,
];
