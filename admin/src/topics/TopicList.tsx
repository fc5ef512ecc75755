import { ReferenceField, TextField } from 'react-admin';
import { LocaleNumberField, ResourceList, searchFilter } from '../common';
import { CampaignInput } from '../trainingCampaigns/training';

const filters = [searchFilter, <CampaignInput key="campaignId" source="campaignId" alwaysOn />];

export function TopicList() {
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'title', order: 'ASC' }}
      primaryText={(topic: { title: string }) => topic.title}
      secondaryText={(topic: { description?: string }) => topic.description ?? ''}
    >
      <TextField source="title" />
      <ReferenceField source="campaignId" reference="trainingCampaigns" link="show" sortable={false} />
      <LocaleNumberField source="minutes" />
      <TextField source="description" sortable={false} emptyText="—" />
    </ResourceList>
  );
}
