import { Labeled, ReferenceField, TextField } from 'react-admin';
import { RecordLayout } from '../audit';
import { LocaleNumberField, ResourceShow } from '../common';
import { RelatedCamps } from '../camps/RelatedCamps';

/** A topic and the camps that teach it. */
export function TopicShow() {
  return (
    <ResourceShow>
      <RecordLayout>
        <TextField source="title" />
        <ReferenceField source="campaignId" reference="trainingCampaigns" link="show" />
        <TextField source="description" emptyText="—" />
        <LocaleNumberField source="minutes" emptyText="—" />
        <Labeled label="resources.topics.campsTeaching" fullWidth>
          <RelatedCamps target="topicId" />
        </Labeled>
      </RecordLayout>
    </ResourceShow>
  );
}
