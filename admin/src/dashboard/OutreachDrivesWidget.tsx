import { Box, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { EmptyNote, ProgressLine, WidgetCard, today, useDashboardOrganization, useDisplayName, useFormats, useGraphQL } from './shared';

interface Drive {
  id: string;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  /** Null when membership does not answer. */
  unit: { id: string; name: string; nameLatin: string } | null;
  progress: { target: number; achieved: number; percent: number };
}

interface DrivesResult {
  outreachDrives: { total: number; items: Drive[] };
}

// The latest drives (by end date); the widget shows those running today, or the latest ones when none runs.
const DRIVES = /* GraphQL */ `
  query DashboardDrives($organizationId: ID!) {
    outreachDrives(filter: { organizationId: $organizationId }, sort: [{ field: endsOn, direction: DESC }], page: { limit: 10 }) {
      total
      items {
        id
        name
        kind
        startsOn
        endsOn
        unit {
          id
          name
          nameLatin
        }
        progress {
          target
          achieved
          percent
        }
      }
    }
  }
`;

type Phase = 'running' | 'ended' | 'upcoming';

const phaseOf = (drive: Drive, day: string): Phase => (drive.startsOn > day ? 'upcoming' : drive.endsOn < day ? 'ended' : 'running');

export function OutreachDrivesWidget() {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const organization = useDashboardOrganization();
  const formats = useFormats();
  const displayName = useDisplayName();
  const { data, isPending, error, refetch } = useGraphQL<DrivesResult>(['drives', organization.id], DRIVES, {
    organizationId: organization.id,
  });
  const day = today();
  const drives = data?.outreachDrives.items ?? [];
  const running = drives.filter((drive) => phaseOf(drive, day) === 'running');
  const shown = running.length > 0 ? running : drives.slice(0, 4);

  return (
    <WidgetCard
      title={translate('dashboard.drives.title')}
      action={
        drives.length > 0 && (
          <MuiLink component={Link} to={createPath({ resource: 'outreachDrives', type: 'list' })} variant="body2" underline="hover">
            {translate('dashboard.seeAll')}
          </MuiLink>
        )
      }
      isPending={isPending}
      error={error}
      onRetry={() => refetch()}
    >
      {drives.length === 0 ? (
        <EmptyNote>{translate('dashboard.drives.none')}</EmptyNote>
      ) : (
        <Stack spacing={2}>
          {running.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              {translate('dashboard.drives.noneRunning')}
            </Typography>
          )}
          {shown.map((drive) => {
            const phase = phaseOf(drive, day);
            return (
              <Box key={drive.id}>
                <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.25 }}>
                  <MuiLink
                    component={Link}
                    to={createPath({ resource: 'outreachDrives', type: 'show', id: drive.id })}
                    underline="hover"
                    sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}
                  >
                    {drive.name}
                  </MuiLink>
                  <Chip
                    size="small"
                    variant="outlined"
                    label={translate(`enums.DriveKind.${drive.kind}`, { _: drive.kind.replace(/_/g, ' ').toLowerCase() })}
                  />
                  <Chip
                    size="small"
                    color={phase === 'running' ? 'success' : phase === 'upcoming' ? 'info' : 'default'}
                    label={translate(`dashboard.drives.${phase}`)}
                  />
                </Stack>
                <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 0.5 }}>
                  {drive.unit ? displayName(drive.unit.name, drive.unit.nameLatin) : '—'} ·{' '}
                  {translate('dashboard.dates', { from: formats.date(drive.startsOn), to: formats.date(drive.endsOn) })}
                </Typography>
                <ProgressLine
                  text={translate('dashboard.drives.progress', {
                    achieved: formats.number(drive.progress.achieved),
                    target: formats.number(drive.progress.target),
                    percent: formats.percent(drive.progress.percent),
                  })}
                  percent={drive.progress.percent}
                  color={drive.progress.percent >= 100 ? 'success' : 'primary'}
                />
              </Box>
            );
          })}
        </Stack>
      )}
    </WidgetCard>
  );
}
