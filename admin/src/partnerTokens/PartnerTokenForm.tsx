import { DateInput, TextInput, required } from 'react-admin';
import { formViews, ResourceForm, UnitInput } from '../common';
import { ScopesInput } from './scopes';

/** Name, scope unit, scopes and expiry on creation; afterwards only the name changes (revoke and issue another for the rest). */
export function PartnerTokenForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      <TextInput source="name" validate={required()} helperText="resources.partnerTokens.help.name" />
      {creating && <UnitInput source="scopeUnitId" validate={required()} helperText="resources.partnerTokens.help.scopeUnitId" />}
      {creating && <ScopesInput />}
      {creating && <DateInput source="expiresAt" helperText="resources.partnerTokens.help.expiresAt" />}
    </ResourceForm>
  );
}

export const { edit: PartnerTokenEdit } = formViews(PartnerTokenForm);
