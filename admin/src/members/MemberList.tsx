import { DateInput, ReferenceField, ReferenceInput, SelectInput, TextArrayInput, TextField } from 'react-admin';
import { usePersonalData } from '../auth/hooks';
import { EnumArrayInput, EnumField, EnumInput, LocaleDateField, ResourceList, UnitInput, searchFilter, withinUnitFilter } from '../common';

const filters = [
  searchFilter,
  withinUnitFilter,
  <EnumArrayInput key="statuses" source="statuses" enumName="MemberStatus" />,
  <UnitInput key="unitId" source="unitId" />,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations">
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <EnumInput key="gender" source="gender" enumName="Gender" />,
  <DateInput key="joinedFrom" source="joinedFrom" />,
  <DateInput key="joinedTo" source="joinedTo" />,
  <TextArrayInput key="tags" source="tags" />,
];

/** Viewers get no phone column: the server keeps phones from them, and the console does not ask. */
export function MemberList() {
  const personal = usePersonalData();
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'fullNameLatin', order: 'ASC' }}
      primaryText={(member) => member.fullName}
      secondaryText={(member) => (personal ? `${member.membershipNumber} · ${member.phone ?? ''}` : member.membershipNumber)}
    >
      <TextField source="fullName" />
      <TextField source="fullNameLatin" />
      <TextField source="membershipNumber" />
      {personal && <TextField source="phone" sortable={false} />}
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <EnumField source="status" enumName="MemberStatus" />
      <LocaleDateField source="joinedOn" />
    </ResourceList>
  );
}
