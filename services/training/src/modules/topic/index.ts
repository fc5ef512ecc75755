import { defineModule } from '@sangathan/common';
import { Topic } from './topic.entity';
import { TopicResolver } from './topic.resolver';
import { TopicService } from './topic.service';

export const topicModule = defineModule({
  name: 'topic',
  entities: [Topic],
  resolvers: [TopicResolver],
  services: { topics: TopicService },
});
