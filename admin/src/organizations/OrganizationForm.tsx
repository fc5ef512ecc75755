import { ArrayInput, NumberInput, SelectInput, SimpleFormIterator, TextInput, required } from 'react-admin';
import { ResourceForm } from '../common';
import { LOCALES } from '../i18n/locales';

const localeChoices = LOCALES.map(({ locale, name }) => ({ id: locale, name }));

/**
 * Shared by create and edit. The unit levels are the organisation's own (state → … → booth; province →
 * district → commune): key (used by units), label, rank (0 at the top).
 */
export function OrganizationForm() {
  return (
    <ResourceForm>
      <TextInput source="name" validate={required()} />
      <TextInput source="shortName" validate={required()} />
      <TextInput source="country" validate={required()} helperText="resources.organizations.help.country" />
      <SelectInput source="defaultLocale" choices={localeChoices} translateChoice={false} validate={required()} />
      <ArrayInput source="unitLevels" validate={required()}>
        <SimpleFormIterator inline>
          <TextInput source="key" label="resources.organizations.levelFields.key" validate={required()} />
          <TextInput source="label" label="resources.organizations.levelFields.label" validate={required()} />
          <NumberInput source="rank" label="resources.organizations.levelFields.rank" validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
    </ResourceForm>
  );
}
