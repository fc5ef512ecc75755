import { MenuItem, TextField } from '@mui/material';
import { useStore, useTranslate } from 'react-admin';
import { useAccountOrganizationId, useTopUnitsFilter } from '../auth/hooks';
import { useGraphQL, type DashboardOrganization, type UnitLevel, type UnitRef } from './shared';

const ORGANIZATIONS = /* GraphQL */ `
  query DashboardOrganizations($top: OrgUnitFilter!) {
    organizations(page: { limit: 100 }, sort: [{ field: name, direction: ASC }]) {
      items {
        id
        name
        shortName
        unitLevels {
          key
          label
          rank
        }
      }
    }
    roots: orgUnits(filter: $top, page: { limit: 100 }) {
      items {
        id
        name
        nameLatin
        level
        organizationId
        descendantCount
      }
    }
  }
`;

interface OrganizationsResult {
  organizations: { items: { id: string; name: string; shortName: string; unitLevels: UnitLevel[] }[] };
  roots: { items: (UnitRef & { organizationId: string; descendantCount: number })[] };
}

/**
 * The organisations with their top units (the root units, or the account's scope unit); the default is the one
 * with the largest unit tree (LSP in the demo data). An account of one organisation sees only that one.
 */
export function useOrganizations() {
  const top = useTopUnitsFilter();
  const ownOrganization = useAccountOrganizationId();
  const query = useGraphQL<OrganizationsResult>(['organizations', top ?? {}], ORGANIZATIONS, { top }, !!top);
  const organizations: DashboardOrganization[] = (query.data?.organizations.items ?? [])
    .filter((organization) => !ownOrganization || organization.id === ownOrganization)
    .map((organization) => ({
      ...organization,
      unitLevels: [...organization.unitLevels].sort((a, b) => a.rank - b.rank),
      roots: (query.data?.roots.items ?? []).filter((root) => root.organizationId === organization.id),
    }));
  const size = (organization: DashboardOrganization) =>
    (query.data?.roots.items ?? [])
      .filter((root) => root.organizationId === organization.id)
      .reduce((sum, root) => sum + root.descendantCount + 1, 0);
  const largest = organizations.reduce<DashboardOrganization | undefined>(
    (best, next) => (!best || size(next) > size(best) ? next : best),
    undefined,
  );
  const [storedId, setStoredId] = useStore<string | undefined>('dashboard.organizationId', undefined);
  const selected = organizations.find((organization) => organization.id === storedId) ?? largest;
  return { ...query, organizations, selected, select: setStoredId };
}

export function OrganizationPicker({
  organizations,
  selected,
  onChange,
}: {
  organizations: DashboardOrganization[];
  selected: DashboardOrganization;
  onChange: (id: string) => void;
}) {
  const translate = useTranslate();
  return (
    <TextField
      select
      size="small"
      label={translate('dashboard.organization')}
      value={selected.id}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth: 220, maxWidth: '100%' }}
    >
      {organizations.map((organization) => (
        <MenuItem key={organization.id} value={organization.id}>
          {organization.shortName} — {organization.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
