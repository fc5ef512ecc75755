import { Datagrid, Pagination, ReferenceArrayField, ReferenceField, Tab, TextField } from 'react-admin';
import { RecordTabs } from '../audit';
import { LocaleNumberField, ResourceShow } from '../common';
import { usePersonalData } from '../auth/hooks';
import { RelatedCamps } from '../camps/RelatedCamps';

/** A trainer team: its trainers (members, from the membership service) and the camps it runs. */
export function TrainerTeamShow() {
  const personal = usePersonalData();
  return (
    <ResourceShow>
      <RecordTabs>
        <Tab label="resources.trainerTeams.tabs.trainers">
          <TextField source="name" />
          <ReferenceField source="campaignId" reference="trainingCampaigns" link="show" />
          <LocaleNumberField source="size" />
          <ReferenceArrayField
            source="trainerIds"
            reference="members"
            perPage={25}
            pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
          >
            <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>—</p>}>
              <TextField source="fullName" />
              <TextField source="fullNameLatin" />
              <TextField source="membershipNumber" />
              {personal && <TextField source="phone" emptyText="—" />}
              <ReferenceField source="unitId" reference="orgUnits" link="show" />
            </Datagrid>
          </ReferenceArrayField>
        </Tab>
        <Tab label="resources.trainerTeams.tabs.camps" path="camps">
          <RelatedCamps target="trainerTeamId" label={false} />
        </Tab>
      </RecordTabs>
    </ResourceShow>
  );
}
