import { DateInput, Labeled, ReferenceField, TextInput, required } from 'react-admin';
import { EnumInput, MemberInput, ResourceForm, UnitInput } from '../common';

/**
 * Shared by create and edit. The holder is chosen when the position is created and stays (another holder
 * is another position); setting "until" ends the term. The server checks the unit is in the member's
 * organisation and the dates are in order.
 */
export function PositionForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating ? (
        <MemberInput source="memberId" validate={required()} />
      ) : (
        <Labeled source="memberId">
          <ReferenceField source="memberId" reference="members" link="show" />
        </Labeled>
      )}
      <UnitInput source="unitId" validate={required()} />
      <EnumInput source="title" enumName="PositionTitle" validate={required()} />
      <TextInput source="label" helperText="resources.positions.help.label" />
      <DateInput source="startsOn" helperText={creating ? 'resources.positions.help.startsOn' : undefined} />
      <DateInput source="endsOn" helperText="resources.positions.help.endsOn" />
    </ResourceForm>
  );
}
