import { CrudResolver } from '@sangathan/common';
import { Resolver } from 'type-graphql';
import { Organization } from './organization.entity';
import { OrganizationFilter, OrganizationInput, OrganizationPage, OrganizationSort, OrganizationUpdateInput } from './organization.types';

@Resolver(() => Organization)
export class OrganizationResolver extends CrudResolver({
  name: 'organization',
  plural: 'organizations',
  entity: Organization,
  input: OrganizationInput,
  updateInput: OrganizationUpdateInput,
  filter: OrganizationFilter,
  sort: OrganizationSort,
  page: OrganizationPage,
}) {}
