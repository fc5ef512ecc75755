import { CrudResolver } from '@sangathan/common';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../../context';
import { TrainingCampaign } from '../campaign/campaign.entity';
import { CampaignPhase } from './phase.entity';
import { CampaignPhaseFilter, CampaignPhaseInput, CampaignPhasePage, CampaignPhaseSort, CampaignPhaseUpdateInput } from './phase.types';

@Resolver(() => CampaignPhase)
export class PhaseResolver extends CrudResolver({
  name: 'campaignPhase',
  plural: 'campaignPhases',
  entity: CampaignPhase,
  input: CampaignPhaseInput,
  updateInput: CampaignPhaseUpdateInput,
  filter: CampaignPhaseFilter,
  sort: CampaignPhaseSort,
  page: CampaignPhasePage,
  service: (context: TrainingContext) => context.services.phases,
}) {
  @FieldResolver(() => TrainingCampaign, { description: 'The campaign the phase belongs to (batched)' })
  async campaign(@Root() phase: CampaignPhase, @Ctx() { services }: TrainingContext) {
    return (await services.campaigns.loader.load(phase.campaignId))!;
  }
}
