import { ReferenceField, TextField } from 'react-admin';
import { LocaleNumberField, MemberInput, ResourceList, searchFilter } from '../common';
import { CampaignInput } from '../trainingCampaigns/training';

const filters = [
  searchFilter,
  <CampaignInput key="campaignId" source="campaignId" alwaysOn />,
  <MemberInput key="trainerId" source="trainerId" />,
];

export function TrainerTeamList() {
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      primaryText={(team: { name: string }) => team.name}
      secondaryText={(team: { size: number }) => String(team.size)}
    >
      <TextField source="name" />
      <ReferenceField source="campaignId" reference="trainingCampaigns" link="show" sortable={false} />
      <LocaleNumberField source="size" sortable={false} />
    </ResourceList>
  );
}
