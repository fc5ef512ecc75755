import { AutocompleteInput, BooleanInput, ReferenceInput, SelectInput, TextInput, required } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { byText, ResourceForm, unitOptionText, LevelInput } from '../common';

/** The parent is searched within the form's organisation only. */
function ParentInput({ helperText }: { helperText?: string }) {
  const organizationId = useWatch({ name: 'organizationId' });
  return (
    <ReferenceInput source="parentId" reference="orgUnits" filter={organizationId ? { organizationId } : {}}>
      <AutocompleteInput optionText={unitOptionText} filterToQuery={byText} helperText={helperText} />
    </ReferenceInput>
  );
}

/**
 * Shared by create and edit. Editing the parent moves the unit and its whole subtree; "make root" detaches
 * it. The server checks the rest (code unique in the organisation, level one of the organisation's, no cycles).
 */
export function OrgUnitForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating && (
        <ReferenceInput source="organizationId" reference="organizations">
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
      )}
      <ParentInput helperText={creating ? 'resources.orgUnits.help.parentCreate' : 'resources.orgUnits.help.parentMove'} />
      {!creating && <BooleanInput source="makeRoot" helperText="resources.orgUnits.help.makeRoot" />}
      <LevelInput validate={required()} />
      <TextInput source="name" validate={required()} />
      <TextInput source="nameLatin" helperText="resources.orgUnits.help.nameLatin" />
      <TextInput source="code" validate={required()} />
    </ResourceForm>
  );
}
