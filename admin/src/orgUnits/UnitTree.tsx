import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import FiberManualRecordIcon from '@mui/icons-material/FiberManualRecord';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Collapse,
  IconButton,
  LinearProgress,
  Link as MuiLink,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Title, useCreatePath, useDataProvider, useStore, useTranslate } from 'react-admin';
import { useFormatNumber, useLevelLabel, useOrganizations } from '../common';
import { useTopUnitsFilter } from '../auth/hooks';
import type { SangathanDataProvider } from '../dataProvider';

/** The API's largest page: a mandal's booths or a district's constituencies come 500 at a time. */
const PAGE_SIZE = 500;

interface TreeUnit {
  id: string;
  name: string;
  nameLatin: string;
  level: string;
  code: string;
  organizationId: string;
  descendantCount: number;
}

interface UnitPage {
  items: TreeUnit[];
  total: number;
  nextCursor: string | null;
}

const CHILDREN = `query UnitTreeChildren($filter: OrgUnitFilter, $page: PageInput) {
  orgUnits(filter: $filter, sort: [{ field: code, direction: ASC }], page: $page) {
    items { id name nameLatin level code organizationId descendantCount }
    total
    nextCursor
  }
}`;

/** One level of the tree, fetched only when shown, page after page with the API's cursor. */
function useUnits(filter: Record<string, unknown>) {
  const dataProvider = useDataProvider<SangathanDataProvider>();
  return useInfiniteQuery({
    queryKey: ['unitTree', filter],
    queryFn: ({ pageParam }) =>
      dataProvider
        .query<{ orgUnits: UnitPage }>(CHILDREN, {
          filter,
          page: pageParam ? { limit: PAGE_SIZE, after: pageParam } : { limit: PAGE_SIZE },
        })
        .then((data) => data.orgUnits),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
  });
}

function UnitNode({ unit, depth }: { unit: TreeUnit; depth: number }) {
  const [open, setOpen] = useState(false);
  const translate = useTranslate();
  const createPath = useCreatePath();
  const levelLabel = useLevelLabel();
  const formatNumber = useFormatNumber();
  const hasChildren = unit.descendantCount > 0;
  const secondary = [
    levelLabel(unit.level, unit.organizationId),
    unit.code,
    hasChildren
      ? translate('resources.orgUnits.tree.below', { smart_count: unit.descendantCount, count: formatNumber(unit.descendantCount) })
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <ListItem disablePadding data-testid="unit-tree-node" data-unit-id={unit.id} sx={{ pl: 1 + depth * 3 }}>
        <Box sx={{ width: 40, flexShrink: 0, display: 'flex', justifyContent: 'center' }}>
          {hasChildren ? (
            <IconButton
              size="small"
              aria-label={translate(open ? 'resources.orgUnits.tree.collapse' : 'sangathan.tree.expand')}
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            >
              {open ? <ExpandMoreIcon /> : <ChevronRightIcon />}
            </IconButton>
          ) : (
            <FiberManualRecordIcon sx={{ fontSize: 8 }} color="disabled" />
          )}
        </Box>
        <ListItemText
          sx={{ my: 0.25 }}
          primary={
            <MuiLink component={Link} to={createPath({ resource: 'orgUnits', id: unit.id, type: 'show' })} underline="hover">
              {unit.name}
              {unit.nameLatin && unit.nameLatin !== unit.name && (
                <Typography component="span" variant="body2" color="text.secondary">
                  {' '}
                  ({unit.nameLatin})
                </Typography>
              )}
            </MuiLink>
          }
          secondary={secondary}
        />
      </ListItem>
      {hasChildren && (
        <Collapse in={open} timeout="auto" unmountOnExit>
          <UnitLevelList filter={{ parentId: unit.id }} depth={depth + 1} />
        </Collapse>
      )}
    </>
  );
}

/** The units matching `filter` (a parent's children, or the roots), with "load more" past 500. */
function UnitLevelList({ filter, depth }: { filter: Record<string, unknown>; depth: number }) {
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  const { data, error, isPending, hasNextPage, fetchNextPage, isFetchingNextPage } = useUnits(filter);
  const indent = { pl: 1 + depth * 3 };
  if (isPending) return <LinearProgress sx={{ ml: indent.pl, my: 1 }} />;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  const units = data.pages.flatMap((page) => page.items);
  const total = data.pages[0]?.total ?? 0;
  if (units.length === 0)
    return (
      <Typography variant="body2" color="text.secondary" sx={{ ...indent, py: 1 }}>
        {translate('sangathan.tree.empty')}
      </Typography>
    );
  return (
    <List disablePadding dense>
      {units.map((unit) => (
        <UnitNode key={unit.id} unit={unit} depth={depth} />
      ))}
      {hasNextPage && (
        <ListItemButton
          sx={{ pl: indent.pl + 5 }}
          onClick={() => fetchNextPage()}
          disabled={isFetchingNextPage}
          data-testid="unit-tree-more"
        >
          <ListItemText
            primary={translate('resources.orgUnits.tree.loadMore', { count: formatNumber(Math.min(PAGE_SIZE, total - units.length)) })}
            secondary={translate('resources.orgUnits.tree.shown', { shown: formatNumber(units.length), total: formatNumber(total) })}
          />
        </ListItemButton>
      )}
    </List>
  );
}

/**
 * The units of an organisation as a tree: the top units the account sees first (the roots, or its scope
 * unit), each unit's children fetched when it is opened (UP has ~1,500 mandals and booths below them, so
 * nothing is loaded up front).
 */
export function UnitTree() {
  const translate = useTranslate();
  const { data: organizations } = useOrganizations();
  const [organizationId, setOrganizationId] = useStore<string>('unitTree.organizationId', '');
  const top = useTopUnitsFilter();
  const filter = organizationId ? { ...top, organizationId } : top;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="sangathan.tree.title" />
      <CardContent>
        <Box sx={{ mb: 1 }}>
          <TextField
            select
            size="small"
            label={translate('resources.orgUnits.fields.organizationId')}
            value={organizationId}
            onChange={(event) => setOrganizationId(event.target.value)}
            sx={{ width: 420, maxWidth: '100%' }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">{translate('resources.orgUnits.tree.allOrganizations')}</MenuItem>
            {(organizations ?? []).map((organization) => (
              <MenuItem key={organization.id} value={organization.id}>
                {organization.name}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        {filter && <UnitLevelList key={organizationId} filter={filter} depth={0} />}
      </CardContent>
    </Card>
  );
}
