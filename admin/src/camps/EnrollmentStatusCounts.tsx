import { Chip, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { useEnumValues, useFormatNumber } from '../common';
import type { SangathanDataProvider } from '../dataProvider';

/** How many of the camp's enrolments are in each status (one request: an aliased count per status). */
export function EnrollmentStatusCounts() {
  const camp = useRecordContext();
  const statuses = useEnumValues('EnrollmentStatus');
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  const { data } = useQuery({
    queryKey: ['campEnrollmentCounts', camp?.id, camp?.version, camp?.enrolledCount],
    enabled: !!camp?.id && statuses.length > 0,
    queryFn: async () => {
      const counts = statuses.map((status) => `${status}: enrollments(statuses: [${status}], page: { limit: 1 }) { total }`).join(' ');
      const result = await dataProvider.query<{ camp: Record<string, { total: number }> | null }>(
        `query CampEnrollmentCounts($id: ID!) { camp(id: $id) { id ${counts} } }`,
        { id: camp!.id },
      );
      return result.camp;
    },
  });
  if (!data) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', my: 1 }} data-testid="enrollment-status-counts">
      {statuses.map((status) => (
        <Chip
          key={status}
          size="small"
          variant={data[status]?.total ? 'filled' : 'outlined'}
          label={`${translate(`enums.EnrollmentStatus.${status}`)}: ${formatNumber(data[status]?.total ?? 0)}`}
        />
      ))}
    </Stack>
  );
}
