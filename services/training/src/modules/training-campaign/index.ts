import { defineModule, loadReference } from '@sangathan/common';
import { TrainingCampaign } from './training-campaign.entity';
import { TrainingCampaignResolver } from './training-campaign.resolver';
import { TrainingCampaignService } from './training-campaign.service';

export const trainingCampaignModule = defineModule({
  name: 'training-campaign',
  entities: [TrainingCampaign],
  resolvers: [TrainingCampaignResolver],
  references: { TrainingCampaign: loadReference('trainingCampaigns') },
  services: { trainingCampaigns: TrainingCampaignService },
  unitCopyTables: [{ table: 'training_campaign', unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' }],
});
