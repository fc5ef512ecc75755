import { ReferenceField, TextField } from 'react-admin';
import { RecordLayout } from '../audit';
import { LocaleDateField, LocaleNumberField, ResourceShow } from '../common';

export function DriveReportShow() {
  return (
    <ResourceShow>
      <RecordLayout>
        <ReferenceField source="driveId" reference="outreachDrives" link="show" />
        <ReferenceField source="unitId" reference="orgUnits" link="show" />
        <LocaleDateField source="reportedOn" />
        <LocaleNumberField source="count" />
        <ReferenceField source="reportedById" reference="members" link="show" />
        <TextField source="note" />
      </RecordLayout>
    </ResourceShow>
  );
}
