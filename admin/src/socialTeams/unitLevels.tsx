import { useQuery } from '@tanstack/react-query';
import { FunctionField, SelectArrayInput, useDataProvider, useTranslate, type SelectArrayInputProps } from 'react-admin';
import type { SangathanDataProvider } from '../dataProvider';

/** One level of an organisation's unit tree (state, district, mandal, booth…), as the organisation defines it. */
export interface UnitLevel {
  key: string;
  label: string;
  rank: number;
}

export interface OrganizationLevels {
  id: string;
  unitLevels: UnitLevel[];
}

/** Every organisation's level list (organisations define their own levels), fetched once. */
export function useOrganizationLevels() {
  const dataProvider = useDataProvider<SangathanDataProvider>();
  return useQuery({
    queryKey: ['itcell', 'organizationLevels'],
    queryFn: async () => {
      const data = await dataProvider.query<{ organizations: { items: OrganizationLevels[] } }>(
        'query OrganizationLevels { organizations(page: { limit: 500 }) { items { id unitLevels { key label rank } } } }',
      );
      return data.organizations.items;
    },
    staleTime: 10 * 60 * 1000,
  });
}

/**
 * A level key shown readably: the organisation's own label ("vidhan_sabha" → "Vidhan Sabha constituency"),
 * or a translation under `enums.UnitLevel.<key>` when the console has one.
 */
export function useLevelLabel() {
  const { data } = useOrganizationLevels();
  const translate = useTranslate();
  const labels = new Map<string, string>();
  for (const organization of data ?? [])
    for (const level of organization.unitLevels) if (!labels.has(level.key)) labels.set(level.key, level.label);
  return (key: string | null | undefined) => (key ? translate(`enums.UnitLevel.${key}`, { _: labels.get(key) ?? key }) : '');
}

/** Every level key of every organisation, top levels first, without repeats. */
export function useAllLevels(): UnitLevel[] {
  const { data } = useOrganizationLevels();
  const byKey = new Map<string, UnitLevel>();
  for (const organization of data ?? [])
    for (const level of organization.unitLevels) if (!byKey.has(level.key)) byKey.set(level.key, level);
  return [...byKey.values()].sort((a, b) => a.rank - b.rank);
}

/** A filter on the API's `unitLevels`: the levels of every organisation, labelled readably. */
export function UnitLevelsInput(props: Omit<SelectArrayInputProps, 'choices'>) {
  const levels = useAllLevels();
  const levelLabel = useLevelLabel();
  return (
    <SelectArrayInput
      {...props}
      choices={levels.map((level) => ({ id: level.key, name: levelLabel(level.key) }))}
      translateChoice={false}
    />
  );
}

/**
 * The level of the record's unit (the record needs `unit { level }`, see dataProvider/resources.ts);
 * give it source="unitLevel" (the API's sort field) so a list's header labels it and sorts by it.
 */
export function UnitLevelField({ source, label, sortable = true }: { source: 'unitLevel'; label?: string; sortable?: boolean }) {
  const levelLabel = useLevelLabel();
  return (
    <FunctionField
      source={source}
      label={label}
      sortable={sortable}
      render={(record: { unit?: { level?: string } }) => levelLabel(record?.unit?.level)}
    />
  );
}
