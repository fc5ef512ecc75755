import type { ResourceProps } from 'react-admin';
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

/** Which service a resource lives in; the menu groups by it. */
export type Area = 'membership' | 'itcell' | 'training';

export interface ResourceEntry {
  name: string;
  area: Area;
  definition: Omit<ResourceProps, 'name'>;
}

// Resource names are the API's list query names (members, orgUnits, socialTeams…).
export const resources: ResourceEntry[] = [
  { name: 'members', area: 'membership', definition: members },
  { name: 'orgUnits', area: 'membership', definition: orgUnits },
  { name: 'positions', area: 'membership', definition: positions },
  { name: 'assignments', area: 'membership', definition: assignments },
  { name: 'fieldVisits', area: 'membership', definition: fieldVisits },
  { name: 'organizations', area: 'membership', definition: organizations },
  { name: 'socialTeams', area: 'itcell', definition: socialTeams },
  { name: 'teamMembers', area: 'itcell', definition: teamMembers },
  { name: 'socialAccounts', area: 'itcell', definition: socialAccounts },
  { name: 'meetings', area: 'itcell', definition: meetings },
  { name: 'outreachDrives', area: 'itcell', definition: outreachDrives },
  { name: 'driveReports', area: 'itcell', definition: driveReports },
  { name: 'driveTargets', area: 'itcell', definition: driveTargets },
  { name: 'trainingCampaigns', area: 'training', definition: trainingCampaigns },
  { name: 'campaignPhases', area: 'training', definition: campaignPhases },
  { name: 'camps', area: 'training', definition: camps },
  { name: 'enrollments', area: 'training', definition: enrollments },
  { name: 'topics', area: 'training', definition: topics },
  { name: 'trainerTeams', area: 'training', definition: trainerTeams },
];
