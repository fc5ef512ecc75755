import { Labeled, ReferenceField, TextInput, required } from 'react-admin';
import { MembersInput, ResourceForm } from '../common';
import { CampaignInput, useFormCampaign } from '../trainingCampaigns/training';

/** The trainers: members of the campaign's organisation, found by name in either script. */
function TrainersInput() {
  const campaign = useFormCampaign();
  return <MembersInput source="trainerIds" filter={campaign ? { organizationId: campaign.organizationId } : undefined} />;
}

/** Shared by create and edit: a team never moves to another campaign; saving replaces its list of trainers. */
export function TrainerTeamForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating ? (
        <CampaignInput source="campaignId" validate={required()} />
      ) : (
        <Labeled source="campaignId">
          <ReferenceField source="campaignId" reference="trainingCampaigns" link="show" />
        </Labeled>
      )}
      <TextInput source="name" validate={required()} fullWidth />
      <TrainersInput />
    </ResourceForm>
  );
}
