import { DateInput, ReferenceField } from 'react-admin';
import { ActivitiesField } from './ActivitiesField';
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

const filters = [
  searchFilter,
  withinUnitFilter,
  <EnumArrayInput key="purposes" source="purposes" enumName="VisitPurpose" />,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
  <MemberInput key="cadreId" source="cadreId" />,
  <UnitInput key="unitId" source="unitId" />,
];

export function FieldVisitList() {
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'visitedOn', order: 'DESC' }}
      primaryText={(visit) => `${visit.visitedOn} · ${visit.cadre?.fullName ?? ''}`}
      secondaryText={(visit) => `${visit.unit?.name ?? ''} · ${(visit.activities ?? []).join('; ')}`}
    >
      <LocaleDateField source="visitedOn" />
      <ReferenceField source="cadreId" reference="members" link="show" sortable={false} />
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <EnumField source="purpose" enumName="VisitPurpose" />
      <ActivitiesField source="activities" sortable={false} />
    </ResourceList>
  );
}
