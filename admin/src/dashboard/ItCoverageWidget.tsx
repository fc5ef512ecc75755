import { Box, Divider, Grid, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { EmptyNote, ProgressLine, WidgetCard, useDashboardOrganization, useDisplayName, useFormats, useGraphQL, useLevels } from './shared';

interface Coverage {
  units: number;
  unitsWithConvenor: number;
  unitsPercent: number;
  booths: number;
  boothsWithCyberWarrior: number;
  boothsPercent: number;
}

interface CoveredUnit {
  id: string;
  name: string;
  nameLatin: string;
  /** Null when itcell does not answer. */
  itCoverage: Coverage | null;
}

interface CoverageResult {
  roots: { items: CoveredUnit[] };
  groups?: { total: number; items: CoveredUnit[] };
}

const COVERAGE = 'units unitsWithConvenor unitsPercent booths boothsWithCyberWarrior boothsPercent';

// What the account sees of the organisation (its top units) and each unit of the grouping level (regions in LSP), in one request.
const IT_COVERAGE = /* GraphQL */ `
  query DashboardItCoverage($organizationId: ID!, $rootIds: [ID!]!, $groupLevels: [String!], $level: String!, $boothLevel: String!, $withGroups: Boolean!) {
    roots: orgUnits(filter: { ids: $rootIds }, page: { limit: 100 }) {
      items {
        id
        name
        nameLatin
        itCoverage(level: $level, boothLevel: $boothLevel) { ${COVERAGE} }
      }
    }
    groups: orgUnits(
      filter: { organizationId: $organizationId, levels: $groupLevels }
      sort: [{ field: nameLatin, direction: ASC }]
      page: { limit: 100 }
    ) @include(if: $withGroups) {
      total
      items {
        id
        name
        nameLatin
        itCoverage(level: $level, boothLevel: $boothLevel) { ${COVERAGE} }
      }
    }
  }
`;

/**
 * Which levels to count, from the organisation's own list: units with a convenor at "mandal" (else the lowest level),
 * booths with a cyber warrior at "booth" (else the lowest level), grouped by "region" (else the level below the top).
 */
export function coverageLevels(keys: string[]) {
  const lowest = keys[keys.length - 1];
  return {
    level: keys.includes('mandal') ? 'mandal' : lowest,
    boothLevel: keys.includes('booth') ? 'booth' : lowest,
    groupLevel: keys.includes('region') ? 'region' : keys.length > 2 ? keys[1] : undefined,
  };
}

export function ItCoverageWidget() {
  const translate = useTranslate();
  const organization = useDashboardOrganization();
  const levels = useLevels();
  const displayName = useDisplayName();
  const keys = organization.unitLevels.map((level) => level.key);
  const { level, boothLevel, groupLevel } = coverageLevels(keys);
  const { data, isPending, error, refetch } = useGraphQL<CoverageResult>(
    ['itCoverage', organization.id, level, boothLevel, groupLevel ?? '', ...organization.roots.map((root) => root.id)],
    IT_COVERAGE,
    {
      organizationId: organization.id,
      rootIds: organization.roots.map((root) => root.id),
      groupLevels: groupLevel ? [groupLevel] : [],
      level,
      boothLevel,
      withGroups: Boolean(groupLevel),
    },
    keys.length > 0 && organization.roots.length > 0,
  );
  // A total over the roots only when itcell answered for every one of them (a part would pass for the whole).
  const coverages = (data?.roots.items ?? []).map((root) => root.itCoverage);
  const complete = coverages.every((coverage): coverage is Coverage => coverage !== null);
  const total = (complete ? coverages : []).reduce<Coverage>(
    (sum, coverage) => ({
      units: sum.units + coverage.units,
      unitsWithConvenor: sum.unitsWithConvenor + coverage.unitsWithConvenor,
      booths: sum.booths + coverage.booths,
      boothsWithCyberWarrior: sum.boothsWithCyberWarrior + coverage.boothsWithCyberWarrior,
      unitsPercent: 0,
      boothsPercent: 0,
    }),
    { units: 0, unitsWithConvenor: 0, booths: 0, boothsWithCyberWarrior: 0, unitsPercent: 0, boothsPercent: 0 },
  );
  total.unitsPercent = total.units ? (total.unitsWithConvenor / total.units) * 100 : 0;
  total.boothsPercent = total.booths ? (total.boothsWithCyberWarrior / total.booths) * 100 : 0;
  const groups = data?.groups?.items ?? [];

  return (
    <WidgetCard title={translate('dashboard.it.title')} isPending={isPending && keys.length > 0} error={error} onRetry={() => refetch()}>
      {!data?.roots.items.length ? (
        <EmptyNote>{translate('dashboard.it.noUnits')}</EmptyNote>
      ) : (
        <>
          <Typography variant="subtitle2" component="h3" gutterBottom>
            {translate('dashboard.it.total')}
          </Typography>
          {complete ? <CoverageLines coverage={total} level={level} boothLevel={boothLevel} /> : <NotAvailable />}
          {groupLevel && groups.length > 0 && (
            <>
              <Divider sx={{ my: 1.5 }} />
              <Typography variant="subtitle2" component="h3" gutterBottom>
                {translate('dashboard.it.byGroup', { level: levels.name(groupLevel) })}
              </Typography>
              <Box sx={{ maxHeight: { md: 520 }, overflowY: { md: 'auto' }, overflowX: 'hidden', pr: 0.5 }}>
                <Grid container columnSpacing={3} rowSpacing={1}>
                  {groups.map((group) => (
                    <Grid key={group.id} size={{ xs: 12, sm: 6 }}>
                      <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                        {displayName(group.name, group.nameLatin)}
                      </Typography>
                      {group.itCoverage ? (
                        <CoverageLines coverage={group.itCoverage} level={level} boothLevel={boothLevel} />
                      ) : (
                        <NotAvailable />
                      )}
                    </Grid>
                  ))}
                </Grid>
              </Box>
            </>
          )}
        </>
      )}
    </WidgetCard>
  );
}

/** In place of figures itcell did not answer for. */
function NotAvailable() {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('sangathan.unavailable.notAvailable')}
    </Typography>
  );
}

/** "412 of 1,471 mandals have a convenor" and "… booths have a cyber warrior", each over a progress bar. */
function CoverageLines({ coverage, level, boothLevel }: { coverage: Coverage; level: string; boothLevel: string }) {
  const translate = useTranslate();
  const formats = useFormats();
  const levels = useLevels();
  const sentence = (key: 'convenors' | 'cyberWarriors', covered: number, total: number, levelKey: string, percent: number) =>
    `${translate(`dashboard.it.${key}`, {
      covered: formats.number(covered),
      total: formats.number(total),
      units: levels.count(levelKey, total),
    })} (${formats.percent(percent)})`;
  return (
    <>
      <ProgressLine
        text={sentence('convenors', coverage.unitsWithConvenor, coverage.units, level, coverage.unitsPercent)}
        percent={coverage.unitsPercent}
        color="primary"
      />
      <ProgressLine
        text={sentence('cyberWarriors', coverage.boothsWithCyberWarrior, coverage.booths, boothLevel, coverage.boothsPercent)}
        percent={coverage.boothsPercent}
        color="info"
      />
    </>
  );
}
