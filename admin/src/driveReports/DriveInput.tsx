import { AutocompleteInput, ReferenceInput, type AutocompleteInputProps } from 'react-admin';
import { byText } from '../common';

/** An outreach drive, found by typing part of its name. */
export function DriveInput({ source, label, ...props }: { source: string; label?: string } & Omit<AutocompleteInputProps, 'source'>) {
  return (
    <ReferenceInput source={source} reference="outreachDrives" sort={{ field: 'startsOn', order: 'DESC' }}>
      <AutocompleteInput label={label} optionText="name" filterToQuery={byText} {...props} />
    </ReferenceInput>
  );
}
