import { ReferenceField, SimpleShowLayout, TextArrayField, TextField } from 'react-admin';
import { EnumField, LocaleDateField, ResourceShow } from '../common';

export function FieldVisitShow() {
  return (
    <ResourceShow>
      <SimpleShowLayout>
        <LocaleDateField source="visitedOn" />
        <ReferenceField source="cadreId" reference="members" link="show" />
        <ReferenceField source="unitId" reference="orgUnits" link="show" />
        <EnumField source="purpose" enumName="VisitPurpose" />
        <TextArrayField source="activities" />
        <TextField source="notes" emptyText="—" />
        <LocaleDateField source="updatedAt" showTime />
      </SimpleShowLayout>
    </ResourceShow>
  );
}
