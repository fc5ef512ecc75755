import { defineModule } from '@sangathan/common';
import { CampaignPhase } from './campaign-phase.entity';
import { CampaignPhaseResolver } from './campaign-phase.resolver';
import { CampaignPhaseService } from './campaign-phase.service';

export const campaignPhaseModule = defineModule({
  name: 'campaign-phase',
  entities: [CampaignPhase],
  resolvers: [CampaignPhaseResolver],
  services: { campaignPhases: CampaignPhaseService },
});
