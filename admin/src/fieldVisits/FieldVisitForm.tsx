import { DateInput, Labeled, ReferenceField, TextArrayInput, TextInput, required } from 'react-admin';
import { EnumInput, MemberInput, ResourceForm, UnitInput } from '../common';

/** Shared by create and edit: the cadre is chosen once; the rest of the visit can be corrected. */
export function FieldVisitForm({ creating = false }: { creating?: boolean }) {
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
      <DateInput source="visitedOn" validate={required()} />
      <EnumInput source="purpose" enumName="VisitPurpose" validate={required()} />
      <TextArrayInput source="activities" helperText="resources.fieldVisits.help.activities" fullWidth />
      <TextInput source="notes" multiline minRows={3} fullWidth />
    </ResourceForm>
  );
}
