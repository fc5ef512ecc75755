import { ResourceCreate } from '../common';
import { CampaignPhaseForm } from './CampaignPhaseForm';

export function CampaignPhaseCreate() {
  return (
    <ResourceCreate>
      <CampaignPhaseForm creating />
    </ResourceCreate>
  );
}
