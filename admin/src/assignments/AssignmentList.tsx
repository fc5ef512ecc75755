import { BooleanField, NullableBooleanInput, ReferenceField, TextField } from 'react-admin';
import { LocaleDateField, MemberInput, ResourceList, UnitInput, searchFilter, withinUnitFilter } from '../common';

const filters = [
  searchFilter,
  withinUnitFilter,
  <NullableBooleanInput key="active" source="active" />,
  <MemberInput key="cadreId" source="cadreId" />,
  <UnitInput key="unitId" source="unitId" />,
];

/** Which cadre supervises which unit, and since when (the "1+2" policy: each cadre in charge of some districts). */
export function AssignmentList() {
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'startsOn', order: 'DESC' }}
      primaryText={(assignment) => `${assignment.cadre?.fullName ?? ''} → ${assignment.unit?.name ?? ''}`}
      secondaryText={(assignment) => `${assignment.startsOn} – ${assignment.endsOn ?? ''}`}
    >
      <ReferenceField source="cadreId" reference="members" link="show" sortable={false} />
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <LocaleDateField source="startsOn" />
      <LocaleDateField source="endsOn" />
      <BooleanField source="active" sortable={false} />
      <TextField source="note" sortable={false} />
    </ResourceList>
  );
}
