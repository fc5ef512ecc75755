import { CrudResolver } from '@sangathan/common';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../../context';
import { TrainingCampaign } from '../training-campaign/training-campaign.entity';
import { CampaignPhase } from './campaign-phase.entity';
import {
  CampaignPhaseFilter,
  CampaignPhaseInput,
  CampaignPhasePage,
  CampaignPhaseSort,
  CampaignPhaseUpdateInput,
} from './campaign-phase.types';

@Resolver(() => CampaignPhase)
export class CampaignPhaseResolver extends CrudResolver({
  name: 'campaignPhase',
  plural: 'campaignPhases',
  entity: CampaignPhase,
  input: CampaignPhaseInput,
  updateInput: CampaignPhaseUpdateInput,
  filter: CampaignPhaseFilter,
  sort: CampaignPhaseSort,
  page: CampaignPhasePage,
}) {
  @FieldResolver(() => TrainingCampaign, { description: 'The campaign the phase belongs to (batched)' })
  async campaign(@Root() phase: CampaignPhase, @Ctx() { services }: TrainingContext) {
    return (await services.trainingCampaigns.loader.load(phase.campaignId))!;
  }
}
