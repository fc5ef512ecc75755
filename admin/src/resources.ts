import type { ResourceProps } from 'react-admin';
import { members } from './members';

/** Which service a resource lives in; the menu groups by it. */
export type Area = 'membership' | 'itcell' | 'training';

export interface ResourceEntry {
  name: string;
  area: Area;
  definition: Omit<ResourceProps, 'name'>;
}

// Resource names are the API's list query names (members, orgUnits, socialTeams…).
export const resources: ResourceEntry[] = [{ name: 'members', area: 'membership', definition: members }];
