import { Chip, Link as MuiLink, List, ListItemButton, ListItemText, Stack } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { EmptyNote, WidgetCard, useDashboardOrganization, useDisplayName, useFormats, useGraphQL, useLevels } from './shared';

const LIMIT = 10;

interface Visit {
  id: string;
  visitedOn: string;
  createdAt: string;
  purpose: string;
  cadre: { id: string; fullName: string; fullNameLatin: string };
  unit: { id: string; name: string; nameLatin: string; level: string };
}

type VisitsResult = Record<string, { total: number; items: Visit[] }>;

/**
 * The latest visits within the organisation. FieldVisitFilter has no organisation, so the query asks within each root
 * unit of the organisation (one alias per root, usually a single one) and merges.
 */
function visitsQuery(rootCount: number): string {
  const variables = Array.from({ length: rootCount }, (_, index) => `$root${index}: ID!`).join(', ');
  const aliases = Array.from(
    { length: rootCount },
    (_, index) => `
    root${index}: fieldVisits(
      filter: { withinUnit: $root${index} }
      sort: [{ field: visitedOn, direction: DESC }, { field: createdAt, direction: DESC }]
      page: { limit: ${LIMIT} }
    ) {
      total
      items {
        id
        visitedOn
        createdAt
        purpose
        cadre { id fullName fullNameLatin }
        unit { id name nameLatin level }
      }
    }`,
  ).join('');
  return `query DashboardRecentVisits(${variables}) {${aliases}\n}`;
}

export function RecentVisitsWidget() {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const organization = useDashboardOrganization();
  const formats = useFormats();
  const displayName = useDisplayName();
  const levels = useLevels();
  const roots = organization.roots;
  const { data, isPending, error, refetch } = useGraphQL<VisitsResult>(
    ['visits', organization.id, ...roots.map((root) => root.id)],
    visitsQuery(roots.length),
    Object.fromEntries(roots.map((root, index) => [`root${index}`, root.id])),
    roots.length > 0,
  );
  const pages = Object.values(data ?? {});
  const total = pages.reduce((sum, page) => sum + page.total, 0);
  const visits = pages
    .flatMap((page) => page.items)
    .sort((a, b) => b.visitedOn.localeCompare(a.visitedOn) || b.createdAt.localeCompare(a.createdAt))
    .slice(0, LIMIT);

  return (
    <WidgetCard
      title={translate('dashboard.visits.title')}
      subheader={total > 0 ? translate('dashboard.visits.total', { smart_count: total, count: formats.number(total) }) : undefined}
      action={
        total > 0 && (
          <MuiLink component={Link} to={createPath({ resource: 'fieldVisits', type: 'list' })} variant="body2" underline="hover">
            {translate('dashboard.seeAll')}
          </MuiLink>
        )
      }
      isPending={isPending && roots.length > 0}
      error={error}
      onRetry={() => refetch()}
    >
      {visits.length === 0 ? (
        <EmptyNote>{translate('dashboard.visits.none')}</EmptyNote>
      ) : (
        <List dense disablePadding>
          {visits.map((visit) => (
            <ListItemButton
              key={visit.id}
              component={Link}
              to={createPath({ resource: 'fieldVisits', type: 'show', id: visit.id })}
              divider
              sx={{ px: 1, alignItems: 'flex-start' }}
            >
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <span>{displayName(visit.cadre.fullName, visit.cadre.fullNameLatin)}</span>
                    <Chip
                      size="small"
                      variant="outlined"
                      label={translate(`enums.VisitPurpose.${visit.purpose}`, { _: visit.purpose.replace(/_/g, ' ').toLowerCase() })}
                    />
                  </Stack>
                }
                secondary={`${displayName(visit.unit.name, visit.unit.nameLatin)} (${levels.name(visit.unit.level)}) · ${formats.date(visit.visitedOn)}`}
                slotProps={{ primary: { component: 'div' }, secondary: { sx: { overflowWrap: 'anywhere' } } }}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </WidgetCard>
  );
}
