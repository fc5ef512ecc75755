import { defineModule, loadReference } from '@sangathan/common';
import { Organization } from './organization.entity';
import { OrganizationResolver } from './organization.resolver';
import { OrganizationService } from './organization.service';

export const organizationModule = defineModule({
  name: 'organization',
  entities: [Organization],
  resolvers: [OrganizationResolver],
  references: { Organization: loadReference('organizations') },
  services: { organizations: OrganizationService },
  access: {
    createOrganization: 'superadmin',
    deleteOrganization: 'superadmin',
    deleteOrganizations: 'superadmin',
    restoreOrganization: 'superadmin',
    updateOrganization: 'organizations:manage',
  },
});
