import { DateInput, Labeled, ReferenceField, TextInput, required } from 'react-admin';
import { MemberInput, ResourceForm, UnitInput } from '../common';

/** Shared by create and edit: the cadre is chosen once; the unit, dates and note can change. */
export function AssignmentForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating ? (
        <MemberInput source="cadreId" validate={required()} />
      ) : (
        <Labeled source="cadreId">
          <ReferenceField source="cadreId" reference="members" link="show" />
        </Labeled>
      )}
      <UnitInput source="unitId" validate={required()} />
      <DateInput source="startsOn" helperText={creating ? 'resources.assignments.help.startsOn' : undefined} />
      <DateInput source="endsOn" helperText="resources.assignments.help.endsOn" />
      <TextInput source="note" multiline minRows={2} fullWidth />
    </ResourceForm>
  );
}
