import { useWatch } from 'react-hook-form';
import { DateInput, Labeled, NumberInput, ReferenceField, TextInput, minValue, required, useGetOne } from 'react-admin';
import { MemberInput, ResourceForm, UnitInput } from '../common';
import { DriveInput } from './DriveInput';

/** Units within the drive's root unit and members of its organisation: what the API accepts. */
function DriveBoundInputs() {
  const driveId = useWatch({ name: 'driveId' });
  const { data: drive } = useGetOne('outreachDrives', { id: driveId }, { enabled: !!driveId });
  return (
    <>
      <UnitInput source="unitId" validate={required()} filter={drive ? { withinUnit: drive.unitId } : undefined} />
      <DateInput source="reportedOn" helperText="resources.driveReports.reportedOnHelp" />
      <NumberInput source="count" validate={[required(), minValue(0)]} min={0} />
      <MemberInput source="reportedById" validate={required()} filter={drive ? { organizationId: drive.organizationId } : undefined} />
      <TextInput source="note" multiline fullWidth />
    </>
  );
}

/** The drive is chosen once; the API does not move a report to another drive. */
export function DriveReportForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating ? (
        <DriveInput source="driveId" validate={required()} />
      ) : (
        <Labeled source="driveId">
          <ReferenceField source="driveId" reference="outreachDrives" link="show" />
        </Labeled>
      )}
      <DriveBoundInputs />
    </ResourceForm>
  );
}
