import { Box } from '@mui/material';
import { useNavigate } from 'react-router-dom';
import { useCreatePath, useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';
import { useEnumValues } from '../common';
import { EmptyNote, WidgetCard, useChartStyle, useDashboardOrganization, useFormats, useGraphQL } from './shared';

const FALLBACK_STATUSES = ['ACTIVE', 'SUSPENDED', 'LAPSED', 'RESIGNED', 'EXPELLED', 'DECEASED'];

type CountsResult = Record<string, { total: number }>;

/** One alias per status: members(filter: {statuses: [X]}, page: {limit: 1}) { total } — a single cheap request. */
function countsQuery(statuses: string[]): string {
  const aliases = statuses
    .map(
      (status) => `  ${status}: members(filter: { organizationId: $organizationId, statuses: [${status}] }, page: { limit: 1 }) { total }`,
    )
    .join('\n');
  return `query DashboardMemberStatuses($organizationId: ID!) {\n${aliases}\n}`;
}

export function MemberStatusWidget() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const organization = useDashboardOrganization();
  const formats = useFormats();
  const style = useChartStyle();
  const { palette } = style.theme;
  const introspected = useEnumValues('MemberStatus');
  const statuses = (introspected.length ? introspected : FALLBACK_STATUSES).filter((status) => /^[A-Z_][A-Z0-9_]*$/.test(status));
  const { data, isPending, error, refetch } = useGraphQL<CountsResult>(
    ['memberStatuses', organization.id, ...statuses],
    countsQuery(statuses),
    {
      organizationId: organization.id,
    },
  );
  const colours: Record<string, string> = {
    ACTIVE: palette.success.main,
    SUSPENDED: palette.warning.main,
    LAPSED: palette.info.main,
    RESIGNED: palette.secondary.main,
    EXPELLED: palette.error.main,
    DECEASED: palette.text.disabled,
  };
  const rows = statuses.map((status) => ({
    status,
    label: translate(`enums.MemberStatus.${status}`, { _: status.charAt(0) + status.slice(1).toLowerCase() }),
    count: data?.[status]?.total ?? 0,
  }));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const openList = (status: string) =>
    navigate(`${createPath({ resource: 'members', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ statuses: [status] }))}`);

  return (
    <WidgetCard
      title={translate('dashboard.members.title')}
      subheader={data ? translate('dashboard.members.total', { smart_count: total, count: formats.number(total) }) : undefined}
      isPending={isPending}
      error={error}
      onRetry={() => refetch()}
    >
      {total === 0 ? (
        <EmptyNote>{translate('dashboard.members.none')}</EmptyNote>
      ) : (
        <Box sx={{ width: '100%', height: rows.length * 40 + 30 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 56, bottom: 0, left: 0 }}>
              <CartesianGrid horizontal={false} {...style.grid} />
              <XAxis type="number" tick={style.tick} tickFormatter={(value: number) => formats.number(value)} allowDecimals={false} />
              <YAxis type="category" dataKey="label" tick={style.tick} width={96} interval={0} />
              <Tooltip {...style.tooltip} formatter={(value) => [formats.number(Number(value)), translate('dashboard.members.count')]} />
              <Bar
                dataKey="count"
                radius={[0, 3, 3, 0]}
                cursor="pointer"
                onClick={(entry) => openList((entry.payload as { status: string }).status)}
                isAnimationActive={false}
                shape={(props: BarShapeProps) => (
                  <Rectangle {...props} fill={colours[(props.payload as { status: string }).status] ?? palette.primary.main} />
                )}
              >
                <LabelList
                  dataKey="count"
                  position="right"
                  fill={palette.text.primary}
                  fontSize={12}
                  formatter={(value: unknown) => formats.number(Number(value))}
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </Box>
      )}
    </WidgetCard>
  );
}
