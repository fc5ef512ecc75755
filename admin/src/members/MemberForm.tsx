import { DateInput, ReferenceInput, SelectInput, TextArrayInput, TextInput, required } from 'react-admin';
import { EnumInput, ResourceForm, UnitInput } from '../common';

/** Shared by create and edit; the server checks the rest (phone format, unit in the organisation) and marks the field. */
export function MemberForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating && (
        <ReferenceInput source="organizationId" reference="organizations">
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
      )}
      <TextInput source="fullName" validate={required()} />
      <TextInput source="fullNameLatin" />
      <UnitInput source="unitId" validate={required()} />
      <TextInput source="phone" />
      <TextInput source="email" type="email" />
      <EnumInput source="gender" enumName="Gender" />
      <DateInput source="dateOfBirth" />
      <TextInput source="membershipNumber" />
      <DateInput source="joinedOn" />
      <EnumInput source="status" enumName="MemberStatus" />
      <TextArrayInput source="tags" />
    </ResourceForm>
  );
}
