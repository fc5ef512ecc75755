import {
  Alert,
  Box,
  LinearProgress,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import {
  SortableHeaderCell,
  UnitNameCell,
  useFormatNumber,
  useSortedRows,
  type UnitSortKey,
  levelsBelow,
  useLevelLabel,
  useOrganizations,
  ProgressBar,
} from '../common';
import type { SangathanDataProvider } from '../dataProvider';

interface UnitRow {
  unitId: string;
  target: number;
  achieved: number;
  percent: number;
  unit: { id: string; name: string; nameLatin: string; code: string };
}

type SortKey = UnitSortKey<UnitRow>;

/** Where the drive's targets are set: the levels a progress table is worth showing at. */
function useTargetLevels(driveId: string | undefined) {
  const dataProvider = useDataProvider<SangathanDataProvider>();
  return useQuery({
    queryKey: ['driveTargetLevels', driveId],
    enabled: !!driveId,
    queryFn: async () => {
      const data = await dataProvider.query<{
        outreachDrive: { unit: { level: string }; targets: { items: { unit: { level: string } }[] } } | null;
      }>(
        `query DriveTargetLevels($id: ID!) {
          outreachDrive(id: $id) { id unit { id level } targets(page: { limit: 500 }) { total items { id unit { id level } } } }
        }`,
        { id: driveId },
      );
      return {
        rootLevel: data.outreachDrive?.unit.level,
        targetLevels: new Set(data.outreachDrive?.targets.items.map((target) => target.unit.level) ?? []),
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

  const { sorted, sort, onSort } = useSortedRows(rows, { key: 'name', asc: true });

  if (!drive) return null;
  const header = (key: SortKey, label: string, align: 'left' | 'right' = 'left') => (
    <SortableHeaderCell sortKey={key} label={label} align={align} sort={sort} onSort={onSort} />
  );

  return (
    <Box sx={{ width: '100%' }} data-testid="drive-unit-progress">
      <MuiTextField
        select
        size="small"
        label={translate('resources.outreachDrives.progress.level')}
        value={levels.some((candidate) => candidate.key === level) ? level : ''}
        onChange={(event) => setLevel(event.target.value)}
        sx={{ minWidth: 240, mb: 2 }}
      >
        {levels.map((candidate) => (
          <MenuItem key={candidate.key} value={candidate.key}>
            {levelLabel(candidate.key)}
          </MenuItem>
        ))}
      </MuiTextField>
      {error ? <Alert severity="error">{(error as Error).message}</Alert> : null}
      {isPending && !!level && <LinearProgress />}
      {rows && rows.length === 0 && <Typography variant="body2">{translate('resources.outreachDrives.progress.empty')}</Typography>}
      {rows && rows.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              {header('name', translate('resources.outreachDrives.progress.unit'))}
              {header('target', translate('resources.outreachDrives.progress.target'), 'right')}
              {header('achieved', translate('resources.outreachDrives.progress.achieved'), 'right')}
              {header('percent', translate('resources.outreachDrives.progress.percent'))}
            </TableRow>
          </TableHead>
          <TableBody>
            {sorted.map((row) => (
              <TableRow key={row.unitId}>
                <UnitNameCell unit={row.unit} />
                <TableCell align="right">{formatNumber(row.target)}</TableCell>
                <TableCell align="right">{formatNumber(row.achieved)}</TableCell>
                <TableCell sx={{ width: '40%' }}>
                  <ProgressBar target={row.target} achieved={row.achieved} percent={row.percent} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
