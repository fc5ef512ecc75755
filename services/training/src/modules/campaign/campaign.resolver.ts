import { CrudResolver } from '@sangathan/common';
import { OrgUnitRef, unitRef } from '../federation/references';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../../context';
import { TrainingCampaign } from './campaign.entity';
import {
  TrainingCampaignFilter,
  TrainingCampaignInput,
  TrainingCampaignPage,
  TrainingCampaignSort,
  TrainingCampaignUpdateInput,
} from './campaign.types';

@Resolver(() => TrainingCampaign)
export class CampaignResolver extends CrudResolver({
  name: 'trainingCampaign',
  plural: 'trainingCampaigns',
  entity: TrainingCampaign,
  input: TrainingCampaignInput,
  updateInput: TrainingCampaignUpdateInput,
  filter: TrainingCampaignFilter,
  sort: TrainingCampaignSort,
  page: TrainingCampaignPage,
  service: (context: TrainingContext) => context.services.campaigns,
}) {
  @FieldResolver(() => OrgUnitRef, { description: 'The unit that runs the campaign' })
  unit(@Root() campaign: TrainingCampaign) {
    return unitRef(campaign.unitId);
  }
}
