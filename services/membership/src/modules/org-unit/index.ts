import { defineModule, loadReference } from '@sangathan/common';
import { OrgUnit } from './org-unit.entity';
import { OrgUnitResolver } from './org-unit.resolver';
import { OrgUnitService } from './org-unit.service';

export const orgUnitModule = defineModule({
  name: 'org-unit',
  entities: [OrgUnit],
  resolvers: [OrgUnitResolver],
  references: { OrgUnit: loadReference('orgUnits') },
  services: { orgUnits: OrgUnitService },
  // Units are the organisation's structure: admins shape it within their scope.
  access: {
    createOrgUnit: 'organizations:manage',
    updateOrgUnit: 'organizations:manage',
    deleteOrgUnit: 'organizations:manage',
    deleteOrgUnits: 'organizations:manage',
    restoreOrgUnit: 'organizations:manage',
  },
});
