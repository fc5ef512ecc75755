import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import { Box, Breadcrumbs, Link as MuiLink, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  BooleanField,
  CreateButton,
  Labeled,
  Link,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SingleFieldList,
  Tab,
  TextField,
  useCreatePath,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { RecordTabs } from '../audit';
import {
  EnumField,
  LocaleDateField,
  LocaleNumberField,
  ResourceShow,
  useFormatNumber,
  LevelField,
  useLevelLabel,
  RelatedList,
} from '../common';
import type { SangathanDataProvider } from '../dataProvider';
import { AssignmentsGrid, FieldVisitsGrid } from '../fieldVisits/FieldWorkGrids';

interface UnitSummary {
  id: string;
  name: string;
  nameLatin: string;
  level: string;
  organizationId: string;
}

const UNIT_EXTRAS = `query OrgUnitExtras($id: ID!) {
  orgUnit(id: $id) {
    id
    ancestors { id name nameLatin level organizationId }
    descendantCount
    children(page: { limit: 1 }) { total }
  }
}`;

/** What the plain getOne does not carry: the ancestors, and how many units lie below (one cheap query). */
function useUnitExtras(id: string | undefined) {
  const dataProvider = useDataProvider<SangathanDataProvider>();
  return useQuery({
    queryKey: ['orgUnitExtras', id],
    queryFn: () =>
      dataProvider
        .query<{
          orgUnit: { ancestors: UnitSummary[]; descendantCount: number; children: { total: number } } | null;
        }>(UNIT_EXTRAS, { id })
        .then((data) => data.orgUnit),
    enabled: !!id,
  });
}

/** Root → … → parent, each a link to its page, then the unit itself. */
function UnitBreadcrumb() {
  const record = useRecordContext<UnitSummary>();
  const { data } = useUnitExtras(record?.id);
  const createPath = useCreatePath();
  const levelLabel = useLevelLabel();
  if (!record) return null;
  return (
    <Breadcrumbs
      aria-label={levelLabel(record.level, record.organizationId)}
      separator={<NavigateNextIcon fontSize="small" />}
      sx={{ px: 2, pt: 2 }}
      data-testid="unit-breadcrumb"
    >
      {(data?.ancestors ?? []).map((ancestor) => (
        <MuiLink
          key={ancestor.id}
          component={Link}
          to={createPath({ resource: 'orgUnits', id: ancestor.id, type: 'show' })}
          underline="hover"
          color="inherit"
          title={levelLabel(ancestor.level, ancestor.organizationId)}
        >
          {ancestor.name}
          <Typography component="span" variant="caption" color="text.secondary">
            {' '}
            · {levelLabel(ancestor.level, ancestor.organizationId)}
          </Typography>
        </MuiLink>
      ))}
      <Typography color="text.primary">
        {record.name}
        <Typography component="span" variant="caption" color="text.secondary">
          {' '}
          · {levelLabel(record.level, record.organizationId)}
        </Typography>
      </Typography>
    </Breadcrumbs>
  );
}

function UnitCounts() {
  const record = useRecordContext<UnitSummary>();
  const { data } = useUnitExtras(record?.id);
  const formatNumber = useFormatNumber();
  const translate = useTranslate();
  if (!data) return null;
  return (
    <Box sx={{ display: 'flex', gap: 4 }}>
      <Labeled label="resources.orgUnits.fields.childCount">
        <Typography variant="body2">{formatNumber(data.children.total)}</Typography>
      </Labeled>
      <Labeled label="resources.orgUnits.fields.descendantCount">
        <Typography variant="body2" title={translate('resources.orgUnits.help.descendantCount')}>
          {formatNumber(data.descendantCount)}
        </Typography>
      </Labeled>
    </Box>
  );
}

/** A new unit under this one: the create form opens with the organisation and the parent filled in. */
function AddChildButton() {
  const record = useRecordContext<UnitSummary>();
  if (!record) return null;
  return (
    <CreateButton
      resource="orgUnits"
      label="resources.orgUnits.actions.addChild"
      state={{ record: { organizationId: record.organizationId, parentId: record.id } }}
    />
  );
}

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" sx={{ p: 2 }} color="text.secondary">
      {translate('resources.orgUnits.empty')}
    </Typography>
  );
};

/**
 * A unit's page: where it sits (breadcrumb), what lies below it, its office bearers, its social-media
 * team (itcell), the camps at it or below it (training), its members and the cadres' field work.
 */
export function OrgUnitShow() {
  return (
    <ResourceShow>
      <Box>
        <UnitBreadcrumb />
        <RecordTabs>
          <Tab label="resources.orgUnits.tabs.unit">
            <TextField source="name" />
            <TextField source="nameLatin" />
            <TextField source="code" />
            <LevelField source="level" />
            <ReferenceField source="parentId" reference="orgUnits" link="show" emptyText="—" />
            <ReferenceField source="organizationId" reference="organizations" link="show" />
            <UnitCounts />
            <LocaleDateField source="updatedAt" showTime />
          </Tab>
          <Tab label="resources.orgUnits.tabs.children" path="children">
            <AddChildButton />
            <RelatedList
              reference="orgUnits"
              target="parentId"
              label={false}
              sort={{ field: 'code', order: 'ASC' }}
              perPage={25}
              pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
              empty={<Empty />}
            >
              <TextField source="name" />
              <TextField source="nameLatin" />
              <TextField source="code" />
              <LevelField source="level" />
            </RelatedList>
          </Tab>
          <Tab label="resources.orgUnits.tabs.positions" path="positions">
            <RelatedList
              reference="positions"
              target="unitId"
              label={false}
              sort={{ field: 'startsOn', order: 'DESC' }}
              pagination={<Pagination />}
              empty={<Empty />}
            >
              <ReferenceField source="memberId" reference="members" link="show" sortable={false} />
              <EnumField source="title" enumName="PositionTitle" />
              <TextField source="label" sortable={false} />
              <LocaleDateField source="startsOn" />
              <LocaleDateField source="endsOn" />
              <BooleanField source="active" sortable={false} />
            </RelatedList>
          </Tab>
          <Tab label="resources.orgUnits.tabs.socialTeam" path="social-team">
            <RelatedList
              reference="socialTeams"
              target="unitId"
              label={false}
              sort={{ field: 'formedOn', order: 'DESC' }}
              empty={<Empty />}
            >
              <TextField source="name" />
              <EnumField source="status" enumName="TeamStatus" />
              <LocaleDateField source="formedOn" />
              <ReferenceManyField
                reference="teamMembers"
                target="teamId"
                filter={{ roles: ['CONVENOR'], current: true }}
                label="resources.orgUnits.fields.convenor"
                sortable={false}
              >
                <SingleFieldList linkType={false}>
                  <ReferenceField source="memberId" reference="members" link="show" />
                </SingleFieldList>
              </ReferenceManyField>
            </RelatedList>
          </Tab>
          <Tab label="resources.orgUnits.tabs.camps" path="camps">
            <RelatedList
              reference="camps"
              target="withinUnit"
              label={false}
              sort={{ field: 'startsOn', order: 'DESC' }}
              pagination={<Pagination />}
              empty={<Empty />}
            >
              <TextField source="venue" />
              <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
              <LocaleDateField source="startsOn" />
              <LocaleDateField source="endsOn" />
              <EnumField source="status" enumName="CampStatus" />
              <LocaleNumberField source="capacity" />
            </RelatedList>
          </Tab>
          <Tab label="resources.orgUnits.tabs.members" path="members">
            <RelatedList
              reference="members"
              target="withinUnit"
              label={false}
              sort={{ field: 'fullNameLatin', order: 'ASC' }}
              pagination={<Pagination />}
              empty={<Empty />}
            >
              <TextField source="fullName" />
              <TextField source="membershipNumber" />
              <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
              <EnumField source="status" enumName="MemberStatus" />
            </RelatedList>
          </Tab>
          <Tab label="resources.orgUnits.tabs.fieldWork" path="field-work">
            <Labeled label="resources.orgUnits.sections.assignments" fullWidth>
              <AssignmentsGrid of="unit" empty={<Empty />} />
            </Labeled>
            <Labeled label="resources.orgUnits.sections.fieldVisits" fullWidth>
              <FieldVisitsGrid of="unit" empty={<Empty />} />
            </Labeled>
          </Tab>
        </RecordTabs>
      </Box>
    </ResourceShow>
  );
}
