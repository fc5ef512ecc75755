import { defineModule } from '@sangathan/common';
import {
  CampaignPhaseProgressResolver,
  CampaignProgressResolver,
  CampProgressResolver,
  OrgUnitProgressResolver,
} from './progress.resolver';
import { ProgressService } from './progress.service';

/** Targets against actual for campaigns, phases, camps and units (no entities of its own). */
export const progressModule = defineModule({
  name: 'progress',
  resolvers: [CampaignProgressResolver, CampaignPhaseProgressResolver, CampProgressResolver, OrgUnitProgressResolver],
  services: { progress: ProgressService },
});
