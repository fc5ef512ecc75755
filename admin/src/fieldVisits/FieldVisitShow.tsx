import { ReferenceField, TextArrayField, TextField } from 'react-admin';
import { RecordLayout } from '../audit';
import { EnumField, LocaleDateField, ResourceShow } from '../common';

export function FieldVisitShow() {
  return (
    <ResourceShow>
      <RecordLayout>
        <LocaleDateField source="visitedOn" />
        <ReferenceField source="cadreId" reference="members" link="show" />
        <ReferenceField source="unitId" reference="orgUnits" link="show" />
        <EnumField source="purpose" enumName="VisitPurpose" />
        <TextArrayField source="activities" />
        <TextField source="notes" emptyText="—" />
        <LocaleDateField source="updatedAt" showTime />
      </RecordLayout>
    </ResourceShow>
  );
}
