import { ResourceEdit } from '../common';
import { CampaignPhaseForm } from './CampaignPhaseForm';

export function CampaignPhaseEdit() {
  return (
    <ResourceEdit>
      <CampaignPhaseForm />
    </ResourceEdit>
  );
}
