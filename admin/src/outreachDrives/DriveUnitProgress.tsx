import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { ProgressBar, UnitBreakdown, levelsBelow, useFormatNumber, useLevelLabel, useOrganizations } from '../common';
import type { SangathanDataProvider } from '../dataProvider';

interface UnitRow {
  unitId: string;
  target: number;
  achieved: number;
  percent: number;
  unit: { id: string; name: string; nameLatin: string; code: string } | null;
}

/** Where the drive's targets are set: the levels a progress table is worth showing at. */
function useTargetLevels(driveId: string | undefined) {
  const dataProvider = useDataProvider<SangathanDataProvider>();
  return useQuery({
    queryKey: ['driveTargetLevels', driveId],
    enabled: !!driveId,
    queryFn: async () => {
      const data = await dataProvider.query<{
        outreachDrive: { unit: { level: string } | null; targets: { items: { unit: { level: string } | null }[] } } | null;
      }>(
        `query DriveTargetLevels($id: ID!) {
          outreachDrive(id: $id) { id unit { id level } targets(page: { limit: 500 }) { total items { id unit { id level } } } }
        }`,
        { id: driveId },
      );
      return {
        rootLevel: data.outreachDrive?.unit?.level,
        targetLevels: new Set(data.outreachDrive?.targets.items.flatMap((target) => (target.unit ? [target.unit.level] : [])) ?? []),
      };
    },
  });
}

/**
 * Targets against achieved per unit at a chosen level below the drive's root unit (each unit counts
 * everything below it), from the API's progressByUnit; the table sorts on any column.
 */
export function DriveUnitProgress() {
  const drive = useRecordContext();
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  const levelLabel = useLevelLabel();
  const { data: organizations } = useOrganizations();
  const { data: targetInfo } = useTargetLevels(drive?.id as string | undefined);
  const [level, setLevel] = useState<string>('');

  // The levels below the root unit, down to the deepest level that has a target (or the next three without targets).
  const levels = useMemo(() => {
    if (!targetInfo) return [];
    const below = levelsBelow(
      organizations?.find((organization) => organization.id === drive?.organizationId),
      targetInfo.rootLevel,
    );
    const withTargets = below.filter((candidate) => targetInfo.targetLevels.has(candidate.key));
    const deepest = withTargets.length ? withTargets[withTargets.length - 1].rank : below[Math.min(2, below.length - 1)]?.rank;
    return below.filter((candidate) => deepest === undefined || candidate.rank <= deepest);
  }, [organizations, drive?.organizationId, targetInfo]);

  useEffect(() => {
    if (level || !levels.length || !targetInfo) return;
    setLevel((levels.find((candidate) => targetInfo.targetLevels.has(candidate.key)) ?? levels[0]).key);
  }, [level, levels, targetInfo]);

  const {
    data: rows,
    isPending,
    error,
  } = useQuery({
    queryKey: ['driveProgressByUnit', drive?.id, level, drive?.version],
    enabled: !!drive?.id && !!level,
    queryFn: async () => {
      const data = await dataProvider.query<{ outreachDrive: { progressByUnit: UnitRow[] } | null }>(
        `query DriveProgressByUnit($id: ID!, $level: String!) {
          outreachDrive(id: $id) { id progressByUnit(level: $level) { unitId target achieved percent unit { id name nameLatin code } } }
        }`,
        { id: drive!.id, level },
      );
      return data.outreachDrive?.progressByUnit ?? [];
    },
  });

  if (!drive) return null;
  const label = (key: string) => translate(`resources.outreachDrives.progress.${key}`);
  return (
    <UnitBreakdown<UnitRow>
      data-testid="drive-unit-progress"
      filters={{
        levelLabel: label('level'),
        levels: levels.map((candidate) => ({ id: candidate.key, name: levelLabel(candidate.key) })),
        level: levels.some((candidate) => candidate.key === level) ? level : '',
        onLevel: setLevel,
      }}
      rows={rows}
      loading={isPending && !!level}
      error={error}
      emptyText={label('empty')}
      nameLabel={label('unit')}
      columns={[
        { key: 'target', label: label('target'), align: 'right', render: (row) => formatNumber(row.target) },
        { key: 'achieved', label: label('achieved'), align: 'right', render: (row) => formatNumber(row.achieved) },
        {
          key: 'percent',
          label: label('percent'),
          width: '40%',
          render: (row) => <ProgressBar target={row.target} achieved={row.achieved} percent={row.percent} />,
        },
      ]}
    />
  );
}
