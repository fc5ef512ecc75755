import { TextField, TextInput } from 'react-admin';
import { LocaleDateField, ResourceList, searchFilter } from '../common';

const filters = [searchFilter, <TextInput key="country" source="country" />];

export function OrganizationList() {
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      primaryText={(organization) => organization.name}
      secondaryText={(organization) => `${organization.shortName} · ${organization.country}`}
    >
      <TextField source="name" />
      <TextField source="shortName" />
      <TextField source="country" />
      <TextField source="defaultLocale" sortable={false} />
      <LocaleDateField source="createdAt" />
    </ResourceList>
  );
}
