import { DateInput, Labeled, ReferenceField, TextInput, required } from 'react-admin';
import { EnumInput, ResourceForm, UnitInput } from '../common';

/** Create picks the unit; the API does not move a team to another unit afterwards, so edit shows it. */
export function SocialTeamForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating ? (
        <UnitInput source="unitId" validate={required()} />
      ) : (
        <Labeled source="unitId">
          <ReferenceField source="unitId" reference="orgUnits" link="show" />
        </Labeled>
      )}
      <TextInput source="name" validate={required()} />
      <DateInput source="formedOn" />
      <EnumInput source="status" enumName="TeamStatus" defaultValue={creating ? 'ACTIVE' : undefined} />
    </ResourceForm>
  );
}
