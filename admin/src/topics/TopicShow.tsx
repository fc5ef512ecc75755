import { Datagrid, Labeled, Pagination, ReferenceField, ReferenceManyField, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField, LocaleDateField, LocaleNumberField, ResourceShow } from '../common';

/** A topic and the camps that teach it. */
export function TopicShow() {
  return (
    <ResourceShow>
      <SimpleShowLayout>
        <TextField source="title" />
        <ReferenceField source="campaignId" reference="trainingCampaigns" link="show" />
        <TextField source="description" emptyText="—" />
        <LocaleNumberField source="minutes" emptyText="—" />
        <Labeled label="resources.topics.campsTeaching" fullWidth>
          <ReferenceManyField
            reference="camps"
            target="topicId"
            sort={{ field: 'startsOn', order: 'DESC' }}
            perPage={25}
            pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
          >
            <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>—</p>}>
              <TextField source="venue" />
              <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
              <ReferenceField source="phaseId" reference="campaignPhases" link={false} sortable={false} />
              <LocaleDateField source="startsOn" />
              <EnumField source="status" enumName="CampStatus" />
            </Datagrid>
          </ReferenceManyField>
        </Labeled>
      </SimpleShowLayout>
    </ResourceShow>
  );
}
