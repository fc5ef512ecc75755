import { AutocompleteArrayInput, AutocompleteInput, ReferenceArrayInput, ReferenceInput, type AutocompleteInputProps } from 'react-admin';

/** An autocomplete's typed text as the API's `q`, which matches names in their own script and in Latin ("राम" and "Ram"). */
export const byText = (text: string) => (text ? { q: text } : {});

/** "मेरठ (Meerut)": a name followed by its Latin form when that differs. */
export const withLatin = (name: string | undefined, latin: string | undefined) =>
  `${name ?? ''}${latin && latin !== name ? ` (${latin})` : ''}`;

export const unitOptionText = (unit: { name?: string; nameLatin?: string; level?: string; code?: string }) =>
  unit ? `${withLatin(unit.name, unit.nameLatin)} · ${unit.level ?? ''} ${unit.code ?? ''}` : '';

export const memberOptionText = (member: { fullName?: string; fullNameLatin?: string; membershipNumber?: string }) =>
  member ? `${withLatin(member.fullName, member.fullNameLatin)} · ${member.membershipNumber ?? ''}` : '';

type ReferenceProps = { source: string; label?: string; filter?: Record<string, unknown> } & Omit<
  AutocompleteInputProps,
  'source' | 'filter'
>;

/** A unit, found by typing its name in either script or its code. */
export function UnitInput({ source, label, filter, ...props }: ReferenceProps) {
  return (
    <ReferenceInput source={source} reference="orgUnits" filter={filter}>
      <AutocompleteInput label={label} optionText={unitOptionText} filterToQuery={byText} {...props} />
    </ReferenceInput>
  );
}

/** A member (from the membership service, wherever the form lives), found by name in either script, phone or number. */
export function MemberInput({ source, label, filter, ...props }: ReferenceProps) {
  return (
    <ReferenceInput source={source} reference="members" filter={filter}>
      <AutocompleteInput label={label} optionText={memberOptionText} filterToQuery={byText} {...props} />
    </ReferenceInput>
  );
}

export function MembersInput({ source, label, filter }: { source: string; label?: string; filter?: Record<string, unknown> }) {
  return (
    <ReferenceArrayInput source={source} reference="members" filter={filter}>
      <AutocompleteArrayInput label={label} optionText={memberOptionText} filterToQuery={byText} />
    </ReferenceArrayInput>
  );
}

/** The filter every list of unit-bound records has: this unit and everything below it. */
export const withinUnitFilter = <UnitInput key="withinUnit" source="withinUnit" label="sangathan.filters.withinUnit" alwaysOn />;
