import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  FunctionField,
  SelectArrayInput,
  SelectInput,
  useGetList,
  useGetOne,
  useTranslate,
  type SelectArrayInputProps,
  type SelectInputProps,
} from 'react-admin';

/**
 * Unit levels are defined per organisation (Organization.unitLevels: key, label, rank). Their labels are
 * shown translated when the console knows the key (resources.orgUnits.levels.<key>), else as the
 * organisation wrote them, else the key itself.
 */
export interface UnitLevel {
  key: string;
  label: string;
  rank: number;
}
export interface OrganizationRecord {
  id: string;
  name: string;
  shortName: string;
  unitLevels?: UnitLevel[];
}

/** The organisation's levels below `levelKey`, top first; none while either is unknown. */
export function levelsBelow(organization: OrganizationRecord | undefined, levelKey: string | undefined): UnitLevel[] {
  const sorted = [...(organization?.unitLevels ?? [])].sort((a, b) => a.rank - b.rank);
  const rank = sorted.find((level) => level.key === levelKey)?.rank;
  return rank === undefined ? [] : sorted.filter((level) => level.rank > rank);
}

/** Every organisation with its levels (a handful of rows; cached by react-query and shared by every caller). */
export function useOrganizations() {
  return useGetList<OrganizationRecord>(
    'organizations',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } },
    { staleTime: 5 * 60 * 1000 },
  );
}

export function useLevelLabel() {
  const { data } = useOrganizations();
  const translate = useTranslate();
  return (level: string | undefined | null, organizationId?: string) => {
    if (!level) return '';
    const organization =
      data?.find((candidate) => candidate.id === organizationId) ??
      data?.find((candidate) => candidate.unitLevels?.some((unitLevel) => unitLevel.key === level));
    const label = organization?.unitLevels?.find((unitLevel) => unitLevel.key === level)?.label ?? level;
    return translate(`resources.orgUnits.levels.${level}`, { _: label });
  };
}

/** The levels of one organisation (or of all, deduplicated by key), top first, as select choices. */
export function useLevelChoices(organizationId?: string) {
  const { data } = useOrganizations();
  const levelLabel = useLevelLabel();
  const organizations = data?.filter((organization) => !organizationId || organization.id === organizationId) ?? [];
  const seen = new Set<string>();
  return organizations
    .flatMap((organization) => [...(organization.unitLevels ?? [])].sort((a, b) => a.rank - b.rank))
    .filter((unitLevel) => !seen.has(unitLevel.key) && seen.add(unitLevel.key))
    .map((unitLevel) => ({ id: unitLevel.key, name: levelLabel(unitLevel.key, organizationId) }));
}

interface LevelFieldProps {
  source?: string;
  label?: string;
  sortable?: boolean;
  /** Where the record holds the level key; its `source` by default. */
  levelOf?: (record: Record<string, any>) => string | undefined;
}

/** A unit's level, readable ("District", "ज़िला", "Quận / huyện"). Sortable: level is in OrgUnitSortField. */
export function LevelField({ source = 'level', label, sortable, levelOf = (record) => record?.[source] }: LevelFieldProps) {
  const levelLabel = useLevelLabel();
  return (
    <FunctionField
      source={source}
      label={label}
      sortable={sortable}
      render={(record: Record<string, any>) => levelLabel(levelOf(record), record?.organizationId)}
    />
  );
}

/** The level filter of unit lists: the levels of every organisation. */
export function LevelsFilterInput(props: Omit<SelectArrayInputProps, 'choices'>) {
  return <SelectArrayInput {...props} choices={useLevelChoices()} translateChoice={false} />;
}

/**
 * The level of a unit being created or edited: the levels of the form's organisation. When a parent is
 * picked and no level is set yet, it proposes the level just below the parent's.
 */
export function LevelInput(props: Omit<SelectInputProps, 'choices' | 'source'>) {
  const organizationId = useWatch({ name: 'organizationId' }) as string | undefined;
  const parentId = useWatch({ name: 'parentId' }) as string | undefined;
  const level = useWatch({ name: 'level' }) as string | undefined;
  const { setValue } = useFormContext();
  const { data: organizations } = useOrganizations();
  const { data: parent } = useGetOne('orgUnits', { id: parentId! }, { enabled: !!parentId });
  const choices = useLevelChoices(organizationId);

  useEffect(() => {
    if (level || !parent) return;
    const levels = [...(organizations?.find((organization) => organization.id === parent.organizationId)?.unitLevels ?? [])].sort(
      (a, b) => a.rank - b.rank,
    );
    const index = levels.findIndex((unitLevel) => unitLevel.key === parent.level);
    const below = index >= 0 ? levels[index + 1] : undefined;
    if (below) setValue('level', below.key, { shouldDirty: true });
  }, [parent, organizations, level, setValue]);

  return <SelectInput source="level" {...props} choices={choices} translateChoice={false} />;
}

/**
 * The level of the record's unit (the record needs `unit { level }`, see the resource's data.extraFields);
 * give it source="unitLevel" (the API's sort field) so a list's header labels it and sorts by it.
 */
export function UnitLevelField({ source, label, sortable = true }: { source: 'unitLevel'; label?: string; sortable?: boolean }) {
  return <LevelField source={source} label={label} sortable={sortable} levelOf={(record) => record?.unit?.level} />;
}
