import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Button } from '@mui/material';
import {
  CreateButton,
  FilterButton,
  Link,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SelectColumnsButton,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import {
  ExportAllButton,
  ResourceList,
  UnitInput,
  searchFilter,
  withLatin,
  withinUnitFilter,
  LevelField,
  LevelsFilterInput,
  useLevelLabel,
} from '../common';

const filters = [
  searchFilter,
  withinUnitFilter,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations">
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <LevelsFilterInput key="levels" source="levels" />,
  <UnitInput key="parentId" source="parentId" />,
  <NullableBooleanInput key="isRoot" source="isRoot" />,
];

/** Opens the units as a tree (the page at /unit-tree). */
export function UnitTreeButton() {
  const translate = useTranslate();
  return (
    <Button component={Link} to="/unit-tree" size="small" startIcon={<AccountTreeIcon />}>
      {translate('resources.orgUnits.tree.button')}
    </Button>
  );
}

function OrgUnitListActions() {
  return (
    <TopToolbar>
      <UnitTreeButton />
      <SelectColumnsButton />
      <FilterButton />
      <CreateButton />
      <ExportAllButton />
    </TopToolbar>
  );
}

export function OrgUnitList() {
  const levelLabel = useLevelLabel();
  return (
    <ResourceList
      filters={filters}
      actions={<OrgUnitListActions />}
      sort={{ field: 'code', order: 'ASC' }}
      primaryText={(unit) => withLatin(unit.name, unit.nameLatin)}
      secondaryText={(unit) => `${levelLabel(unit.level, unit.organizationId)} · ${unit.code}`}
    >
      <TextField source="name" />
      <TextField source="nameLatin" />
      <TextField source="code" />
      <LevelField source="level" />
      <ReferenceField source="parentId" reference="orgUnits" link="show" sortable={false} />
      <ReferenceField source="organizationId" reference="organizations" link="show" sortable={false}>
        <TextField source="shortName" />
      </ReferenceField>
    </ResourceList>
  );
}
