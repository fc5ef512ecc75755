import { BooleanField, ReferenceField, TextField } from 'react-admin';
import { RecordLayout } from '../audit';
import { EnumField, LocaleDateField, ResourceShow } from '../common';

export function PositionShow() {
  return (
    <ResourceShow>
      <RecordLayout>
        <ReferenceField source="memberId" reference="members" link="show" />
        <EnumField source="title" enumName="PositionTitle" />
        <TextField source="label" emptyText="—" />
        <ReferenceField source="unitId" reference="orgUnits" link="show" />
        <LocaleDateField source="startsOn" />
        <LocaleDateField source="endsOn" emptyText="—" />
        <BooleanField source="active" />
        <LocaleDateField source="updatedAt" showTime />
      </RecordLayout>
    </ResourceShow>
  );
}
