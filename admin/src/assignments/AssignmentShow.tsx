import { BooleanField, Pagination, ReferenceField, TextField, useRecordContext } from 'react-admin';
import { RecordLayout } from '../audit';
import { EnumField, LocaleDateField, ResourceShow, RelatedList } from '../common';
import { ActivitiesField } from '../fieldVisits/ActivitiesField';

/** The cadre's visits to the assigned unit or any unit below it. */
function VisitsUnderAssignment({ label: _label }: { label?: string }) {
  const record = useRecordContext<{ unitId: string }>();
  if (!record) return null;
  return (
    <RelatedList
      reference="fieldVisits"
      target="cadreId"
      source="cadreId"
      filter={{ withinUnit: record.unitId }}
      sort={{ field: 'visitedOn', order: 'DESC' }}
      pagination={<Pagination />}
    >
      <LocaleDateField source="visitedOn" />
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <EnumField source="purpose" enumName="VisitPurpose" />
      <ActivitiesField source="activities" sortable={false} />
    </RelatedList>
  );
}

/** The assignment, and the cadre's visits to the unit (and below it). */
export function AssignmentShow() {
  return (
    <ResourceShow>
      <RecordLayout>
        <ReferenceField source="cadreId" reference="members" link="show" />
        <ReferenceField source="unitId" reference="orgUnits" link="show" />
        <LocaleDateField source="startsOn" />
        <LocaleDateField source="endsOn" emptyText="—" />
        <BooleanField source="active" />
        <TextField source="note" emptyText="—" />
        <VisitsUnderAssignment label="resources.assignments.sections.visits" />
      </RecordLayout>
    </ResourceShow>
  );
}
