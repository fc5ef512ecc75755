import { DateInput, TextInput, required } from 'react-admin';
import { EnumInput, ResourceForm, UnitInput } from '../common';

const endsAfterStart = (endsOn: string, values: { startsOn?: string }) =>
  endsOn && values.startsOn && endsOn < values.startsOn ? 'resources.outreachDrives.endsBeforeStart' : undefined;

export function OutreachDriveForm() {
  return (
    <ResourceForm>
      <EnumInput source="kind" enumName="DriveKind" validate={required()} />
      <TextInput source="name" validate={required()} fullWidth />
      <UnitInput source="unitId" validate={required()} helperText="resources.outreachDrives.unitHelp" />
      <DateInput source="startsOn" validate={required()} />
      <DateInput source="endsOn" validate={[required(), endsAfterStart]} />
    </ResourceForm>
  );
}
