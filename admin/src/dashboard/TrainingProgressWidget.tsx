import { Alert, Box, Chip, Grid, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { TRAINING_PROGRESS_FIELDS, TRAINING_UNIT_ROW_FIELDS, type TrainingProgress, type TrainingUnitRow } from '../common';
import { TrainingByUnit, defaultBreakdownLevel } from './TrainingByUnit';
import { EmptyNote, ProgressLine, WidgetCard, useChartStyle, useDashboardOrganization, useFormats, useGraphQL } from './shared';

interface Phase {
  id: string;
  number: number;
  name: string;
  campLevel: string;
  startsOn: string;
  endsOn: string;
  targetCamps: number;
  targetTrainees: number;
  progress: TrainingProgress;
}

interface Campaign {
  id: string;
  name: string;
  status: string;
  startsOn: string;
  endsOn: string;
  progress: TrainingProgress;
  phases: Phase[];
  progressByUnit?: TrainingUnitRow[];
}

interface TrainingResult {
  campaigns: { items: Campaign[] };
  active: { total: number };
}

// The active campaign (the latest one if several run); without one, the latest completed campaign.
const TRAINING = /* GraphQL */ `
  query DashboardTraining($organizationId: ID!, $unitLevel: String!, $withUnits: Boolean!) {
    campaigns: trainingCampaigns(
      filter: { organizationId: $organizationId, statuses: [ACTIVE, COMPLETED] }
      sort: [{ field: status, direction: ASC }, { field: startsOn, direction: DESC }]
      page: { limit: 1 }
    ) {
      items {
        id
        name
        status
        startsOn
        endsOn
        progress { ${TRAINING_PROGRESS_FIELDS} }
        phases {
          id
          number
          name
          campLevel
          startsOn
          endsOn
          targetCamps
          targetTrainees
          progress { ${TRAINING_PROGRESS_FIELDS} }
        }
        progressByUnit(level: $unitLevel) @include(if: $withUnits) { ${TRAINING_UNIT_ROW_FIELDS} }
      }
    }
    active: trainingCampaigns(filter: { organizationId: $organizationId, statuses: [ACTIVE] }, page: { limit: 1 }) {
      total
    }
  }
`;

export function TrainingProgressWidget() {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const organization = useDashboardOrganization();
  const formats = useFormats();
  const unitLevel = defaultBreakdownLevel(organization.unitLevels.map((level) => level.key));
  const { data, isPending, error, refetch } = useGraphQL<TrainingResult>(['training', organization.id, unitLevel ?? ''], TRAINING, {
    organizationId: organization.id,
    unitLevel: unitLevel ?? '',
    withUnits: Boolean(unitLevel),
  });
  const campaign = data?.campaigns.items[0];

  return (
    <WidgetCard
      title={translate('dashboard.training.title')}
      subheader={
        campaign && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            <MuiLink component={Link} to={createPath({ resource: 'trainingCampaigns', type: 'show', id: campaign.id })} underline="hover">
              {campaign.name}
            </MuiLink>
            <span>{translate('dashboard.dates', { from: formats.date(campaign.startsOn), to: formats.date(campaign.endsOn) })}</span>
            <Chip
              size="small"
              color={campaign.status === 'ACTIVE' ? 'success' : 'default'}
              label={translate(`enums.CampaignStatus.${campaign.status}`, { _: campaign.status.toLowerCase() })}
            />
          </Stack>
        )
      }
      isPending={isPending}
      error={error}
      onRetry={() => refetch()}
    >
      {campaign ? (
        <CampaignProgress campaign={campaign} activeCount={data?.active.total ?? 0} />
      ) : (
        <EmptyNote>{translate('dashboard.training.none')}</EmptyNote>
      )}
    </WidgetCard>
  );
}

function CampaignProgress({ campaign, activeCount }: { campaign: Campaign; activeCount: number }) {
  const translate = useTranslate();
  const formats = useFormats();
  const line = (key: 'traineesLine' | 'campsLine', done: number, target: number, percent: number) =>
    translate(`dashboard.training.${key}`, {
      done: formats.number(done),
      target: formats.number(target),
      percent: formats.percent(percent),
    });
  const { progress } = campaign;
  return (
    <Stack spacing={2}>
      {campaign.status !== 'ACTIVE' && <Alert severity="info">{translate('dashboard.training.notActive')}</Alert>}
      {activeCount > 1 && <Alert severity="info">{translate('dashboard.training.moreActive', { smart_count: activeCount })}</Alert>}
      <Box>
        <Typography variant="subtitle2" gutterBottom>
          {translate('dashboard.training.campaign')}
        </Typography>
        <Grid container columnSpacing={3}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <ProgressLine
              text={line('traineesLine', progress.trainees, progress.targetTrainees, progress.percentTrainees)}
              percent={progress.percentTrainees}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <ProgressLine
              text={line('campsLine', progress.campsHeld, progress.targetCamps, progress.percentCamps)}
              percent={progress.percentCamps}
              color="info"
            />
          </Grid>
        </Grid>
      </Box>
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, lg: 6 }} sx={{ minWidth: 0 }}>
          <PhaseCharts phases={campaign.phases} />
          <Stack spacing={1.5} sx={{ mt: 2 }}>
            {campaign.phases.map((phase) => (
              <Box key={phase.id}>
                <Typography variant="subtitle2" sx={{ overflowWrap: 'anywhere' }}>
                  {translate('dashboard.training.phase', { number: phase.number })} · {phase.name}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 0.5 }}>
                  {translate('dashboard.dates', { from: formats.date(phase.startsOn), to: formats.date(phase.endsOn) })}
                </Typography>
                <ProgressLine
                  text={line('traineesLine', phase.progress.trainees, phase.targetTrainees, phase.progress.percentTrainees)}
                  percent={phase.progress.percentTrainees}
                />
                <ProgressLine
                  text={line('campsLine', phase.progress.campsHeld, phase.targetCamps, phase.progress.percentCamps)}
                  percent={phase.progress.percentCamps}
                  color="info"
                />
              </Box>
            ))}
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }} sx={{ minWidth: 0 }}>
          <TrainingByUnit campaignId={campaign.id} phases={campaign.phases} initialRows={campaign.progressByUnit ?? []} />
        </Grid>
      </Grid>
    </Stack>
  );
}

/** Two grouped bar charts: trainees trained vs target, and camps held vs target, per phase (their scales differ). */
function PhaseCharts({ phases }: { phases: Phase[] }) {
  const translate = useTranslate();
  const formats = useFormats();
  const style = useChartStyle();
  const { palette } = style.theme;
  const rows = phases.map((phase) => ({
    name: translate('dashboard.training.phase', { number: phase.number }),
    trainees: phase.progress.trainees,
    targetTrainees: phase.targetTrainees,
    camps: phase.progress.campsHeld,
    targetCamps: phase.targetCamps,
  }));
  const charts = [
    { title: 'traineesChart', done: 'trainees', target: 'targetTrainees', doneLabel: 'trained', color: palette.primary.main },
    { title: 'campsChart', done: 'camps', target: 'targetCamps', doneLabel: 'held', color: palette.info.main },
  ] as const;
  return (
    <Grid container spacing={2}>
      {charts.map((chart) => (
        <Grid key={chart.title} size={{ xs: 12, sm: 6 }} sx={{ minWidth: 0 }}>
          <Typography variant="caption" color="text.secondary" component="h3">
            {translate(`dashboard.training.${chart.title}`)}
          </Typography>
          <Box sx={{ width: '100%', height: 220 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
                <CartesianGrid vertical={false} {...style.grid} />
                <XAxis dataKey="name" tick={style.tick} interval={0} />
                <YAxis tick={style.tick} tickFormatter={(value: number) => formats.number(value)} width={56} />
                <Tooltip {...style.tooltip} formatter={(value) => formats.number(Number(value))} />
                <Legend {...style.legend} />
                <Bar
                  dataKey={chart.done}
                  name={translate(`dashboard.training.${chart.doneLabel}`)}
                  fill={chart.color}
                  radius={[3, 3, 0, 0]}
                />
                <Bar
                  dataKey={chart.target}
                  name={translate('dashboard.training.target')}
                  fill={palette.action.disabled}
                  radius={[3, 3, 0, 0]}
                />
              </BarChart>
            </ResponsiveContainer>
          </Box>
        </Grid>
      ))}
    </Grid>
  );
}
