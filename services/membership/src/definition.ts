import type { ServiceDefinition } from '@sangathan/common';
import { InitialSchema1763800000000 } from './migrations/1763800000000-InitialSchema';
import { SearchAndListIndexes1763900000000 } from './migrations/1763900000000-SearchAndListIndexes';
import { UnitChangeFeed1764000000000 } from './migrations/1764000000000-UnitChangeFeed';
import { CadreColumns1764500000000 } from './migrations/1764500000000-CadreColumns';
import { assignmentModule } from './modules/assignment';
import { fieldVisitModule } from './modules/field-visit';
import { memberModule } from './modules/member';
import { orgUnitModule } from './modules/org-unit';
import { organizationModule } from './modules/organization';
import { positionModule } from './modules/position';
import { unitChangeModule } from './modules/unit-change';

/** Every module of the service: its entities, schema and request services are built from this list. */
export const MODULES = [
  organizationModule,
  orgUnitModule,
  memberModule,
  positionModule,
  assignmentModule,
  fieldVisitModule,
  unitChangeModule,
] as const;

export const MIGRATIONS = [
  InitialSchema1763800000000,
  SearchAndListIndexes1763900000000,
  UnitChangeFeed1764000000000,
  CadreColumns1764500000000,
];

export const MEMBERSHIP_SERVICE: ServiceDefinition = {
  name: 'membership',
  modules: MODULES,
  migrations: MIGRATIONS,
  followsMembership: false,
};
