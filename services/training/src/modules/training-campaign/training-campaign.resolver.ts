import { CrudResolver } from '@sangathan/common';
import { OrgUnitRef, unitRef } from '../federation/references';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../../context';
import { CampaignPhase } from '../campaign-phase/campaign-phase.entity';
import { Topic } from '../topic/topic.entity';
import { TrainerTeam } from '../trainer-team/trainer-team.entity';
import { TrainingCampaign } from './training-campaign.entity';
import {
  TrainingCampaignFilter,
  TrainingCampaignInput,
  TrainingCampaignPage,
  TrainingCampaignSort,
  TrainingCampaignUpdateInput,
} from './training-campaign.types';

@Resolver(() => TrainingCampaign)
export class TrainingCampaignResolver extends CrudResolver({
  name: 'trainingCampaign',
  plural: 'trainingCampaigns',
  entity: TrainingCampaign,
  input: TrainingCampaignInput,
  updateInput: TrainingCampaignUpdateInput,
  filter: TrainingCampaignFilter,
  sort: TrainingCampaignSort,
  page: TrainingCampaignPage,
}) {
  @FieldResolver(() => OrgUnitRef, { nullable: true, description: 'The unit that runs the campaign; null when membership does not answer' })
  unit(@Root() campaign: TrainingCampaign) {
    return unitRef(campaign.unitId);
  }

  @FieldResolver(() => [CampaignPhase], { description: 'Live phases in order of number (batched: one query per request)' })
  phases(@Root() campaign: TrainingCampaign, @Ctx() { services }: TrainingContext) {
    return services.campaignPhases.byCampaign.load(campaign.id);
  }

  @FieldResolver(() => [Topic], { description: 'Live topics in the order they were added (batched: one query per request)' })
  topics(@Root() campaign: TrainingCampaign, @Ctx() { services }: TrainingContext) {
    return services.topics.byCampaign.load(campaign.id);
  }

  @FieldResolver(() => [TrainerTeam], { description: 'Live trainer teams by name (batched: one query per request)' })
  trainerTeams(@Root() campaign: TrainingCampaign, @Ctx() { services }: TrainingContext) {
    return services.trainerTeams.byCampaign.load(campaign.id);
  }
}
