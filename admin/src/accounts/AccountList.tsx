import { BooleanField, BooleanInput, ReferenceField, TextField, useTranslate } from 'react-admin';
import { EnumField, EnumInput, LocaleDateField, ResourceList, searchFilter, withinUnitFilter } from '../common';

const filters = [
  searchFilter,
  withinUnitFilter,
  <EnumInput key="role" source="role" enumName="Role" />,
  <BooleanInput key="active" source="active" />,
];

export function AccountList() {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'displayName', order: 'ASC' }}
      primaryText={(account) => account.displayName}
      secondaryText={(account) => `${account.email} · ${translate(`enums.Role.${account.role}`)}`}
    >
      <TextField source="displayName" />
      <TextField source="email" />
      <EnumField source="role" enumName="Role" />
      <ReferenceField
        source="scopeUnitId"
        reference="orgUnits"
        link="show"
        sortable={false}
        emptyText={translate('sangathan.auth.everything')}
      />
      <BooleanField source="active" sortable={false} />
      <LocaleDateField source="lastLoginAt" showTime emptyText="—" />
    </ResourceList>
  );
}
