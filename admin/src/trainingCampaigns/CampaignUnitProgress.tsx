import {
  Alert,
  Box,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useDataProvider, useGetList, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import {
  SortableHeaderCell,
  UnitNameCell,
  useFormatNumber,
  useSortedRows,
  type UnitSortKey,
  levelsBelow,
  useLevelLabel,
  useOrganizations,
  type PhaseRecord,
} from '../common';
import type { SangathanDataProvider } from '../dataProvider';
import { phaseRepresentation } from './training';

interface UnitRow {
  unitId: string;
  campsPlanned: number;
  campsHeld: number;
  trainees: number;
  unit: { id: string; name: string; nameLatin: string };
}

type SortKey = UnitSortKey<UnitRow>;

const ROW_FIELDS = 'unitId campsPlanned campsHeld trainees unit { id name nameLatin }';

/**
 * The camps held and members trained per unit at a chosen level below the campaign's owner unit, for the
 * whole campaign or one phase (the API sets no targets per unit, so none are shown).
 */
export function CampaignUnitProgress() {
  const campaign = useRecordContext();
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  const levelLabel = useLevelLabel();
  const { data: organizations } = useOrganizations();
  const { data: ownerUnit } = useGetOne('orgUnits', { id: campaign?.unitId }, { enabled: !!campaign?.unitId });
  const { data: phases } = useGetList<PhaseRecord>(
    'campaignPhases',
    { filter: { campaignId: campaign?.id }, sort: { field: 'number', order: 'ASC' }, pagination: { page: 1, perPage: 100 } },
    { enabled: !!campaign?.id },
  );
  const [chosenLevel, setLevel] = useState('');
  const [phaseId, setPhaseId] = useState('');

  // The organisation's levels below the owner unit's.
  const levels = useMemo(() => {
    return levelsBelow(
      organizations?.find((organization) => organization.id === campaign?.organizationId),
      ownerUnit?.level,
    );
  }, [organizations, campaign?.organizationId, ownerUnit?.level]);

  // First shown: the level the chosen phase (or the first phase) holds its camps at.
  const phase = phases?.find((candidate) => candidate.id === phaseId);
  const defaultLevel = (phase ?? phases?.[0])?.campLevel ?? levels[0]?.key ?? '';
  const level = levels.some((candidate) => candidate.key === chosenLevel) ? chosenLevel : defaultLevel;

  const {
    data: rows,
    isPending,
    error,
  } = useQuery({
    queryKey: ['trainingProgressByUnit', campaign?.id, phase?.id ?? 'all', level, campaign?.version],
    enabled: !!campaign?.id && !!level,
    queryFn: async () => {
      if (phase) {
        const data = await dataProvider.query<{ campaignPhase: { progressByUnit: UnitRow[] } | null }>(
          `query PhaseProgressByUnit($id: ID!, $level: String!) { campaignPhase(id: $id) { id progressByUnit(level: $level) { ${ROW_FIELDS} } } }`,
          { id: phase.id, level },
        );
        return data.campaignPhase?.progressByUnit ?? [];
      }
      const data = await dataProvider.query<{ trainingCampaign: { progressByUnit: UnitRow[] } | null }>(
        `query CampaignProgressByUnit($id: ID!, $level: String!) { trainingCampaign(id: $id) { id progressByUnit(level: $level) { ${ROW_FIELDS} } } }`,
        { id: campaign!.id, level },
      );
      return data.trainingCampaign?.progressByUnit ?? [];
    },
  });

  const { sorted, sort, onSort } = useSortedRows(rows, { key: 'trainees', asc: false });

  if (!campaign) return null;
  const header = (key: SortKey, label: string, align: 'left' | 'right' = 'left') => (
    <SortableHeaderCell sortKey={key} label={label} align={align} sort={sort} onSort={onSort} />
  );

  return (
    <Box sx={{ width: '100%' }} data-testid="campaign-unit-progress">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        <MuiTextField
          select
          size="small"
          label={translate('resources.trainingCampaigns.byUnit.level')}
          value={level}
          onChange={(event) => setLevel(event.target.value)}
          sx={{ minWidth: 240 }}
        >
          {levels.map((candidate) => (
            <MenuItem key={candidate.key} value={candidate.key}>
              {levelLabel(candidate.key, campaign.organizationId)}
            </MenuItem>
          ))}
        </MuiTextField>
        <MuiTextField
          select
          size="small"
          label={translate('resources.trainingCampaigns.byUnit.phase')}
          value={phase ? phaseId : ''}
          onChange={(event) => setPhaseId(event.target.value)}
          sx={{ minWidth: 240 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">{translate('resources.trainingCampaigns.byUnit.allPhases')}</MenuItem>
          {(phases ?? []).map((candidate) => (
            <MenuItem key={candidate.id} value={candidate.id}>
              {phaseRepresentation(candidate)}
            </MenuItem>
          ))}
        </MuiTextField>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.trainingCampaigns.byUnit.note')}
      </Typography>
      {error ? <Alert severity="error">{(error as Error).message}</Alert> : null}
      {isPending && !!level && <LinearProgress />}
      {rows && rows.length === 0 && <Typography variant="body2">{translate('resources.trainingCampaigns.byUnit.empty')}</Typography>}
      {rows && rows.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              {header('name', levelLabel(level, campaign.organizationId))}
              {header('campsPlanned', translate('resources.trainingCampaigns.fields.campsPlanned'), 'right')}
              {header('campsHeld', translate('resources.trainingCampaigns.fields.campsHeld'), 'right')}
              {header('trainees', translate('resources.trainingCampaigns.fields.trainees'), 'right')}
            </TableRow>
          </TableHead>
          <TableBody>
            {sorted.map((row) => (
              <TableRow key={row.unitId} hover>
                <UnitNameCell unit={row.unit} />
                <TableCell align="right">{formatNumber(row.campsPlanned)}</TableCell>
                <TableCell align="right">{formatNumber(row.campsHeld)}</TableCell>
                <TableCell align="right">{formatNumber(row.trainees)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
