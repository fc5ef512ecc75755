import { AutocompleteInput, ReferenceInput, type AutocompleteInputProps } from 'react-admin';
import { byText } from '../common';

/** A social-media team, found by typing part of its name. */
export function TeamInput({ source, label, ...props }: { source: string; label?: string } & Omit<AutocompleteInputProps, 'source'>) {
  return (
    <ReferenceInput source={source} reference="socialTeams" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label={label} optionText="name" filterToQuery={byText} {...props} />
    </ReferenceInput>
  );
}
