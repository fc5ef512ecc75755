import { IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Topic } from './topic.entity';

@InputType()
export class TopicInput {
  @Field(() => ID, { description: 'A live campaign; the topic cannot move to another one' })
  campaignId!: string;

  @Field({ description: 'Unique in the campaign, ignoring case' })
  title!: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => Int, { nullable: true, description: 'More than 0 when given' })
  minutes?: number;
}

@InputType()
export class TopicUpdateInput {
  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true, description: 'An empty text clears it' })
  description?: string;

  @Field(() => Int, { nullable: true, description: 'null clears it' })
  minutes?: number;
}

@InputType()
export class TopicFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Title or description' })
  q?: string;

  @Field(() => ID, { nullable: true })
  campaignId?: string;
}

export enum TopicSortField {
  title = 'title',
  minutes = 'minutes',
  createdAt = 'createdAt',
}

@InputType()
export class TopicSort extends SortInputType(TopicSortField, 'TopicSortField') {}

@ObjectType()
export class TopicPage extends PageType(Topic) {}
