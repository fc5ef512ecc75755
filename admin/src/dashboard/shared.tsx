import { Alert, Box, Button, Card, CardContent, CardHeader, LinearProgress, Skeleton, Stack, Typography, useTheme } from '@mui/material';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { useFormatNumber, useIntlLocale } from '../common';
import type { SangathanDataProvider } from '../dataProvider';

export interface UnitLevel {
  key: string;
  label: string;
  rank: number;
}

export interface UnitRef {
  id: string;
  name: string;
  nameLatin?: string;
  level?: string;
}

/** The organisation the dashboard shows, with its unit levels (top first) and its root units. */
export interface DashboardOrganization {
  id: string;
  name: string;
  shortName: string;
  unitLevels: UnitLevel[];
  roots: UnitRef[];
}

export const OrganizationContext = createContext<DashboardOrganization | null>(null);

export function useDashboardOrganization(): DashboardOrganization {
  const organization = useContext(OrganizationContext);
  if (!organization) throw new Error('useDashboardOrganization needs an OrganizationContext');
  return organization;
}

/** A raw GraphQL query through the gateway, cached by react-query under `key`. */
export function useGraphQL<T>(key: QueryKey, query: string, variables: Record<string, unknown>, enabled = true) {
  const dataProvider = useDataProvider<SangathanDataProvider>();
  return useQuery<T, Error>({
    queryKey: ['dashboard', ...key],
    queryFn: () => dataProvider.query<T>(query, variables),
    enabled,
    staleTime: 60_000,
    retry: 1,
  });
}

/** Unit levels, readable: `name` for headings ("District"), `count` after a number ("412 mandals"). */
export function useLevels() {
  const translate = useTranslate();
  const { unitLevels } = useDashboardOrganization();
  const label = (key: string) => unitLevels.find((level) => level.key === key)?.label ?? key.replace(/_/g, ' ');
  return {
    name: (key: string) => translate(`resources.orgUnits.levels.${key}`, { _: label(key) }),
    count: (key: string, count: number) => translate(`dashboard.levelCount.${key}`, { smart_count: count, _: label(key).toLowerCase() }),
  };
}

const LATIN_ONLY = /^[\p{Script=Latin}\p{Script=Common}\p{M}]*$/u;

/** A name as written when the reader can read its script (Hindi UI, or a Latin-script name), else its Latin form. */
export function useDisplayName() {
  const [locale] = useLocaleState();
  return (name: string, nameLatin?: string) => (locale === 'hi' || !nameLatin || LATIN_ONLY.test(name) ? name : nameLatin);
}

/** Numbers and percentages in the reader's locale. */
export function useFormats() {
  const formatNumber = useFormatNumber();
  const locale = useIntlLocale();
  return {
    number: (value: number) => formatNumber(value),
    percent: (value: number) => formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 1 }),
    /** A YYYY-MM-DD date, read as a calendar day (no time-zone shift). */
    date: (value: string) => {
      const [year, month, day] = value.split('-').map(Number);
      return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(year, month - 1, day));
    },
  };
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Recharts props that follow the MUI theme (light or dark). */
export function useChartStyle() {
  const theme = useTheme();
  const tick = { fill: theme.palette.text.secondary, fontSize: 12 };
  return {
    theme,
    tick,
    grid: { stroke: theme.palette.divider, strokeDasharray: '3 3' },
    tooltip: {
      contentStyle: {
        background: theme.palette.background.paper,
        border: `1px solid ${theme.palette.divider}`,
        borderRadius: 4,
        color: theme.palette.text.primary,
        fontSize: 13,
      },
      labelStyle: { color: theme.palette.text.primary, fontWeight: 600 },
      itemStyle: { color: theme.palette.text.primary },
      cursor: { fill: theme.palette.action.hover },
    },
    legend: { wrapperStyle: { fontSize: 12, color: theme.palette.text.secondary }, itemSorter: null },
  };
}

/** Shortens a long axis label; the tooltip shows it whole. */
export const shorten = (text: string, length = 16) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

interface WidgetCardProps {
  title: string;
  subheader?: ReactNode;
  action?: ReactNode;
  isPending: boolean;
  error: Error | null;
  onRetry: () => void;
  children?: ReactNode;
}

/** "Could not load this: …" with a button to try again. */
export function RetryAlert({ message, onRetry }: { message: string; onRetry: () => void }) {
  const translate = useTranslate();
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          {translate('dashboard.retry')}
        </Button>
      }
    >
      {translate('dashboard.error', { error: message })}
    </Alert>
  );
}

/** A dashboard card that shows a skeleton while loading and an error with a retry button. */
export function WidgetCard({ title, subheader, action, isPending, error, onRetry, children }: WidgetCardProps) {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column', minWidth: 0 }}>
      <CardHeader
        title={title}
        subheader={subheader}
        action={action}
        slotProps={{ title: { variant: 'h6', component: 'h2' }, subheader: { variant: 'body2' } }}
        sx={{ pb: 0, flexWrap: 'wrap', gap: 1, '& .MuiCardHeader-action': { m: 0 }, '& .MuiCardHeader-content': { minWidth: 0 } }}
      />
      <CardContent sx={{ flex: 1, minWidth: 0 }}>
        {error ? (
          <RetryAlert message={translate(error.message, { _: error.message })} onRetry={onRetry} />
        ) : isPending ? (
          <Stack spacing={1} aria-busy="true">
            <Skeleton variant="rounded" height={28} />
            <Skeleton variant="rounded" height={140} />
            <Skeleton variant="text" />
            <Skeleton variant="text" width="60%" />
          </Stack>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
}

/** "Label: 1,257 of 25,000 (5%)" over a progress bar (capped at 100 % though the percentage may exceed it). */
export function ProgressLine({
  text,
  percent,
  color = 'primary',
}: {
  text: ReactNode;
  percent: number;
  color?: 'primary' | 'secondary' | 'success' | 'warning' | 'info';
}) {
  return (
    <Box sx={{ mb: 1.25 }}>
      <Typography variant="body2" sx={{ mb: 0.5, overflowWrap: 'anywhere' }}>
        {text}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={Math.max(0, Math.min(100, percent))}
        color={color}
        sx={{ height: 8, borderRadius: 4 }}
        aria-label={typeof text === 'string' ? text : undefined}
      />
    </Box>
  );
}

export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
      {children}
    </Typography>
  );
}
