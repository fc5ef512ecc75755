import { ReferenceField, SimpleShowLayout, TextField } from 'react-admin';
import { LocaleDateField, LocaleNumberField, ResourceShow } from '../common';

export function DriveReportShow() {
  return (
    <ResourceShow>
      <SimpleShowLayout>
        <ReferenceField source="driveId" reference="outreachDrives" link="show" />
        <ReferenceField source="unitId" reference="orgUnits" link="show" />
        <LocaleDateField source="reportedOn" />
        <LocaleNumberField source="count" />
        <ReferenceField source="reportedById" reference="members" link="show" />
        <TextField source="note" />
      </SimpleShowLayout>
    </ResourceShow>
  );
}
