import { Labeled, ReferenceField, SimpleShowLayout, TextField } from 'react-admin';
import { LocaleNumberField, ResourceShow } from '../common';
import { RelatedCamps } from '../camps/RelatedCamps';

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
          <RelatedCamps target="topicId" />
        </Labeled>
      </SimpleShowLayout>
    </ResourceShow>
  );
}
