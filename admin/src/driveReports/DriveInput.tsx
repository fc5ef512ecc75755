import { AutocompleteInput, ReferenceInput, type AutocompleteInputProps } from 'react-admin';

const byText = (text: string) => (text ? { q: text } : {});

/** An outreach drive, found by typing part of its name. */
export function DriveInput({ source, label, ...props }: { source: string; label?: string } & Omit<AutocompleteInputProps, 'source'>) {
  return (
    <ReferenceInput source={source} reference="outreachDrives" sort={{ field: 'startsOn', order: 'DESC' }}>
      <AutocompleteInput label={label} optionText="name" filterToQuery={byText} {...props} />
    </ReferenceInput>
  );
}
