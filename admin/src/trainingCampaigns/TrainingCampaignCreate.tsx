import { ResourceCreate } from '../common';
import { TrainingCampaignForm } from './TrainingCampaignForm';

export function TrainingCampaignCreate() {
  return (
    <ResourceCreate>
      <TrainingCampaignForm creating />
    </ResourceCreate>
  );
}
