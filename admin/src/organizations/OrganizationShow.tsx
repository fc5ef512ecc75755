import {
  ArrayField,
  Datagrid,
  FunctionField,
  NumberField,
  Pagination,
  ReferenceManyField,
  Tab,
  TextField,
  useTranslate,
} from 'react-admin';
import { RecordTabs } from '../audit';
import { LocaleDateField, ResourceShow, LevelField } from '../common';

/** The label as the organisation wrote it, and as the console shows it in the reader's language. */
function LevelLabelField() {
  const translate = useTranslate();
  return (
    <FunctionField
      label="resources.organizations.levelFields.shownAs"
      render={(level: { key: string; label: string }) => translate(`resources.orgUnits.levels.${level.key}`, { _: level.label })}
    />
  );
}

export function OrganizationShow() {
  return (
    <ResourceShow>
      <RecordTabs>
        <Tab label="resources.organizations.tabs.organization">
          <TextField source="name" />
          <TextField source="shortName" />
          <TextField source="country" />
          <TextField source="defaultLocale" />
          <ArrayField source="unitLevels">
            <Datagrid bulkActionButtons={false} rowClick={false}>
              <NumberField source="rank" label="resources.organizations.levelFields.rank" />
              <TextField source="key" label="resources.organizations.levelFields.key" />
              <TextField source="label" label="resources.organizations.levelFields.label" />
              <LevelLabelField />
            </Datagrid>
          </ArrayField>
          <LocaleDateField source="createdAt" showTime />
          <LocaleDateField source="updatedAt" showTime />
        </Tab>
        <Tab label="resources.organizations.tabs.rootUnits" path="units">
          <ReferenceManyField
            reference="orgUnits"
            target="organizationId"
            filter={{ isRoot: true }}
            label={false}
            sort={{ field: 'code', order: 'ASC' }}
            pagination={<Pagination />}
          >
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="name" />
              <TextField source="nameLatin" />
              <TextField source="code" />
              <LevelField source="level" />
            </Datagrid>
          </ReferenceManyField>
        </Tab>
      </RecordTabs>
    </ResourceShow>
  );
}
