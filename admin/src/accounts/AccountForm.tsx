import { BooleanInput, PasswordInput, SelectInput, TextInput, email, required } from 'react-admin';
import { useRole } from '../auth/hooks';
import { roleAtLeast } from '../auth/permissions';
import { MemberInput, ResourceForm, UnitInput, useEnumChoices } from '../common';

/**
 * Shared by create and edit. A role up to the admin's own, a scope unit inside the admin's scope (the unit
 * autocomplete only finds those); the server checks both and names the field otherwise. The password is
 * set on creation; afterwards an admin resets it from the account's page.
 */
export function AccountForm({ creating = false }: { creating?: boolean }) {
  const role = useRole();
  const roles = useEnumChoices('Role').filter((choice) => roleAtLeast(role, choice.id as Parameters<typeof roleAtLeast>[1]));
  return (
    <ResourceForm>
      <TextInput source="displayName" validate={required()} />
      <TextInput source="email" type="email" validate={[required(), email()]} />
      {creating && (
        <PasswordInput
          source="password"
          validate={required()}
          autoComplete="new-password"
          helperText="sangathan.auth.changePassword.help"
        />
      )}
      <SelectInput source="role" choices={roles} validate={required()} />
      <UnitInput source="scopeUnitId" helperText="resources.accounts.help.scopeUnitId" />
      <MemberInput source="memberId" helperText="resources.accounts.help.memberId" />
      {!creating && <BooleanInput source="active" helperText="resources.accounts.help.active" />}
    </ResourceForm>
  );
}
