import { CrudResolver } from '@sangathan/common';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../../context';
import { TrainingCampaign } from '../training-campaign/training-campaign.entity';
import { Topic } from './topic.entity';
import { TopicFilter, TopicInput, TopicPage, TopicSort, TopicUpdateInput } from './topic.types';

@Resolver(() => Topic)
export class TopicResolver extends CrudResolver({
  name: 'topic',
  plural: 'topics',
  entity: Topic,
  input: TopicInput,
  updateInput: TopicUpdateInput,
  filter: TopicFilter,
  sort: TopicSort,
  page: TopicPage,
}) {
  @FieldResolver(() => TrainingCampaign, { description: 'The campaign the topic belongs to (batched)' })
  async campaign(@Root() topic: Topic, @Ctx() { services }: TrainingContext) {
    return (await services.trainingCampaigns.loader.load(topic.campaignId))!;
  }
}
