import { Labeled, NumberInput, ReferenceField, TextInput, minValue, required } from 'react-admin';
import { ResourceForm } from '../common';
import { CampaignInput } from '../trainingCampaigns/training';

/** Shared by create and edit: a topic never moves to another campaign. */
export function TopicForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating ? (
        <CampaignInput source="campaignId" validate={required()} />
      ) : (
        <Labeled source="campaignId">
          <ReferenceField source="campaignId" reference="trainingCampaigns" link="show" />
        </Labeled>
      )}
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="description" multiline minRows={2} fullWidth />
      <NumberInput source="minutes" validate={minValue(1)} min={1} step={1} helperText="resources.topics.help.minutes" />
    </ResourceForm>
  );
}
