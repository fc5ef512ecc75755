import { ResourceEdit } from '../common';
import { TrainingCampaignForm } from './TrainingCampaignForm';

export function TrainingCampaignEdit() {
  return (
    <ResourceEdit>
      <TrainingCampaignForm />
    </ResourceEdit>
  );
}
