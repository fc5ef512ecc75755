import { Box, Button, Skeleton, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BreakdownFilters, TRAINING_UNIT_ROW_FIELDS, UnitTable, type PhaseRecord, type TrainingUnitRow } from '../common';
import {
  EmptyNote,
  RetryAlert,
  capitalise,
  shorten,
  useChartStyle,
  useDashboardOrganization,
  useDisplayName,
  useFormats,
  useGraphQL,
  useLevels,
} from './shared';

const TOP = 10;

interface ByUnitResult {
  trainingCampaign?: { progressByUnit: TrainingUnitRow[] } | null;
  campaignPhase?: { progressByUnit: TrainingUnitRow[] } | null;
}

// One phase's (or, for another level than the default, the whole campaign's) camps and trainees per unit at a level;
// the API sets no per-unit targets. The default breakdown comes with the widget's own query (no extra round trip).
const BY_UNIT = /* GraphQL */ `
  query DashboardTrainingByUnit($campaignId: ID!, $phaseId: ID!, $level: String!, $byPhase: Boolean!) {
    trainingCampaign(id: $campaignId) @skip(if: $byPhase) {
      id
      progressByUnit(level: $level) { ${TRAINING_UNIT_ROW_FIELDS} }
    }
    campaignPhase(id: $phaseId) @include(if: $byPhase) {
      id
      progressByUnit(level: $level) { ${TRAINING_UNIT_ROW_FIELDS} }
    }
  }
`;

/** Levels worth a breakdown: below the top one, and above the lowest one in deep trees (booths would be too many). */
function breakdownLevels(keys: string[]): string[] {
  const below = keys.slice(1);
  return below.length > 2 ? below.slice(0, -1) : below;
}

/** The breakdown shown first: districts where the organisation has them. */
export function defaultBreakdownLevel(keys: string[]): string | undefined {
  const options = breakdownLevels(keys);
  return options.includes('district') ? 'district' : options[0];
}

export function TrainingByUnit({
  campaignId,
  phases,
  initialRows,
}: {
  campaignId: string;
  phases: Pick<PhaseRecord, 'id' | 'number'>[];
  initialRows: TrainingUnitRow[];
}) {
  const translate = useTranslate();
  const levels = useLevels();
  const formats = useFormats();
  const displayName = useDisplayName();
  const organization = useDashboardOrganization();
  const options = breakdownLevels(organization.unitLevels.map((level) => level.key));
  const [chosenLevel, setLevel] = useState<string>();
  const defaultLevel = defaultBreakdownLevel(organization.unitLevels.map((level) => level.key));
  const level = chosenLevel && options.includes(chosenLevel) ? chosenLevel : defaultLevel;
  const [phaseId, setPhaseId] = useState('');
  const [showAll, setShowAll] = useState(false);
  const byPhase = phases.some((phase) => phase.id === phaseId);
  const isDefault = !byPhase && level === defaultLevel;
  const query = useGraphQL<ByUnitResult>(
    ['trainingByUnit', campaignId, byPhase ? phaseId : 'all', level],
    BY_UNIT,
    { campaignId, phaseId: byPhase ? phaseId : campaignId, level, byPhase },
    Boolean(level) && !isDefault,
  );
  if (!level) return null;
  const { data, error, refetch } = query;
  const isPending = !isDefault && query.isPending;

  const rows = [
    ...((isDefault ? initialRows : byPhase ? data?.campaignPhase?.progressByUnit : data?.trainingCampaign?.progressByUnit) ?? []),
  ]
    .map((row) => ({ ...row, label: row.unit ? displayName(row.unit.name, row.unit.nameLatin) : '—' }))
    .sort((a, b) => b.trainees - a.trainees || b.campsHeld - a.campsHeld || a.label.localeCompare(b.label));
  const top = rows.slice(0, TOP);

  return (
    <Box>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {translate('dashboard.training.byUnit', { level: levels.name(level) })}
      </Typography>
      <BreakdownFilters
        compact
        levelLabel={translate('dashboard.training.level')}
        levels={options.map((key) => ({ id: key, name: levels.name(key) }))}
        level={level}
        onLevel={setLevel}
        phases={{
          label: translate('dashboard.training.phaseFilter'),
          allLabel: translate('dashboard.training.allPhases'),
          choices: phases.map((phase) => ({ id: phase.id, name: translate('dashboard.training.phase', { number: phase.number }) })),
          value: byPhase ? phaseId : '',
          onChange: setPhaseId,
        }}
      />
      {error ? (
        <RetryAlert message={error.message} onRetry={() => refetch()} />
      ) : isPending ? (
        <Skeleton variant="rounded" height={300} />
      ) : rows.length === 0 ? (
        <EmptyNote>{translate('dashboard.training.noUnits')}</EmptyNote>
      ) : (
        <>
          <Typography variant="caption" color="text.secondary" component="p">
            {translate('dashboard.training.topN', { smart_count: top.length })} · {translate('dashboard.training.byUnitNote')}
          </Typography>
          <TopUnitsChart rows={top} />
          {rows.length > top.length || showAll ? (
            <Button size="small" onClick={() => setShowAll(!showAll)} sx={{ mt: 1 }}>
              {showAll
                ? translate('dashboard.training.hideAll')
                : translate('dashboard.training.showAll', { total: formats.number(rows.length), units: levels.count(level, rows.length) })}
            </Button>
          ) : null}
          {showAll && (
            <UnitTable
              dense
              numbered
              sortable={false}
              aria-label={translate('dashboard.training.byUnit', { level: levels.name(level) })}
              rows={rows}
              nameLabel={capitalise(levels.name(level))}
              nameOf={(row) => row.label}
              columns={[
                {
                  key: 'campsHeld',
                  label: translate('dashboard.training.campsHeldOfPlanned'),
                  align: 'right',
                  nowrap: true,
                  render: (row) => `${formats.number(row.campsHeld)} / ${formats.number(row.campsPlanned)}`,
                },
                {
                  key: 'trainees',
                  label: translate('dashboard.training.trained'),
                  align: 'right',
                  render: (row) => formats.number(row.trainees),
                },
              ]}
            />
          )}
        </>
      )}
    </Box>
  );
}

function TopUnitsChart({ rows }: { rows: (TrainingUnitRow & { label: string })[] }) {
  const translate = useTranslate();
  const formats = useFormats();
  const style = useChartStyle();
  return (
    <Box sx={{ width: '100%', height: Math.max(120, rows.length * 30 + 40) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid horizontal={false} {...style.grid} />
          <XAxis type="number" tick={style.tick} tickFormatter={(value: number) => formats.number(value)} allowDecimals={false} />
          <YAxis
            type="category"
            dataKey="label"
            tick={style.tick}
            width={120}
            interval={0}
            tickFormatter={(value: string) => shorten(value, 15)}
          />
          <Tooltip
            {...style.tooltip}
            formatter={(value, _name, item) => [
              `${formats.number(Number(value))} · ${translate('dashboard.training.campsHeld')}: ${formats.number((item.payload as TrainingUnitRow).campsHeld)}`,
              translate('dashboard.training.trained'),
            ]}
          />
          <Bar
            dataKey="trainees"
            name={translate('dashboard.training.trained')}
            fill={style.theme.palette.primary.main}
            radius={[0, 3, 3, 0]}
          />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
