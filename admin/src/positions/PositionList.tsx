import { BooleanField, NullableBooleanInput, ReferenceField, TextField } from 'react-admin';
import {
  EnumArrayInput,
  EnumField,
  LocaleDateField,
  MemberInput,
  ResourceList,
  UnitInput,
  searchFilter,
  withinUnitFilter,
} from '../common';
import { positionTitle } from './representation';

const filters = [
  searchFilter,
  withinUnitFilter,
  <EnumArrayInput key="titles" source="titles" enumName="PositionTitle" />,
  <NullableBooleanInput key="active" source="active" />,
  <MemberInput key="memberId" source="memberId" />,
  <UnitInput key="unitId" source="unitId" />,
];

export function PositionList() {
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'startsOn', order: 'DESC' }}
      primaryText={(position) => `${positionTitle(position)} · ${position.member?.fullName ?? ''}`}
      secondaryText={(position) => position.unit?.name}
    >
      <ReferenceField source="memberId" reference="members" link="show" sortable={false} />
      <EnumField source="title" enumName="PositionTitle" />
      <TextField source="label" sortable={false} />
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <LocaleDateField source="startsOn" />
      <LocaleDateField source="endsOn" />
      <BooleanField source="active" sortable={false} />
    </ResourceList>
  );
}
