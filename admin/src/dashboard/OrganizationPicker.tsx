import { MenuItem, TextField } from '@mui/material';
import { useStore, useTranslate } from 'react-admin';
import { useGraphQL, type DashboardOrganization, type UnitLevel, type UnitRef } from './shared';

const ORGANIZATIONS = /* GraphQL */ `
  query DashboardOrganizations {
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
    roots: orgUnits(filter: { isRoot: true }, page: { limit: 100 }) {
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

/** The organisations with their root units; the default is the one with the largest unit tree (LSP in the demo data). */
export function useOrganizations() {
  const query = useGraphQL<OrganizationsResult>(['organizations'], ORGANIZATIONS, {});
  const organizations: DashboardOrganization[] = (query.data?.organizations.items ?? []).map((organization) => ({
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
