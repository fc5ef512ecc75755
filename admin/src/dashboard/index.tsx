import { Alert, Box, Grid, Skeleton, Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { ItCoverageWidget } from './ItCoverageWidget';
import { MemberStatusWidget } from './MemberStatusWidget';
import { OrganizationPicker, useOrganizations } from './OrganizationPicker';
import { OutreachDrivesWidget } from './OutreachDrivesWidget';
import { RecentVisitsWidget } from './RecentVisitsWidget';
import { OrganizationContext, RetryAlert } from './shared';
import { TrainingProgressWidget } from './TrainingProgressWidget';

/**
 * The page a leader opens first: training against targets, IT-cell coverage, outreach drives, recent field visits and
 * members by status, for one organisation (chosen at the top and remembered). Each widget runs its own small query
 * (aliases batch what belongs together), so one slow or failing service does not hold up the others.
 */
export function Dashboard() {
  const translate = useTranslate();
  const { organizations, selected, select, isPending, error, refetch } = useOrganizations();

  return (
    <Box sx={{ py: { xs: 1, sm: 2 }, px: { xs: 0, sm: 1 }, minWidth: 0 }}>
      <Title title="dashboard.title" />
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        sx={{ mb: 2, alignItems: { xs: 'stretch', sm: 'center' }, justifyContent: 'space-between', px: { xs: 1, sm: 0 } }}
      >
        <Typography variant="h5" component="h1">
          {selected ? selected.name : translate('dashboard.title')}
        </Typography>
        {selected && <OrganizationPicker organizations={organizations} selected={selected} onChange={select} />}
      </Stack>
      {error ? (
        <RetryAlert message={error.message} onRetry={() => refetch()} />
      ) : isPending ? (
        <Grid container spacing={2}>
          {[12, 6, 6, 7, 5].map((width, index) => (
            <Grid key={index} size={{ xs: 12, md: width }}>
              <Skeleton variant="rounded" height={index === 0 ? 360 : 240} />
            </Grid>
          ))}
        </Grid>
      ) : !selected ? (
        <Alert severity="info">{translate('ra.navigation.no_results')}</Alert>
      ) : (
        <OrganizationContext.Provider value={selected}>
          <Grid container spacing={2}>
            <Grid size={12} sx={{ minWidth: 0 }}>
              <TrainingProgressWidget key={`training-${selected.id}`} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }} sx={{ minWidth: 0 }}>
              <ItCoverageWidget />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }} sx={{ minWidth: 0 }}>
              <Stack spacing={2}>
                <OutreachDrivesWidget />
                <MemberStatusWidget />
              </Stack>
            </Grid>
            <Grid size={12} sx={{ minWidth: 0 }}>
              <RecentVisitsWidget />
            </Grid>
          </Grid>
        </OrganizationContext.Provider>
      )}
    </Box>
  );
}
