import { DateScalar, IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CampaignStatus, TrainingCampaign } from './training-campaign.entity';

@InputType()
export class TrainingCampaignInput {
  @Field(() => ID, { description: 'The unit that runs the campaign; its camps must lie within it' })
  unitId!: string;

  @Field()
  name!: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar)
  endsOn!: string;

  @Field(() => Int)
  targetCamps!: number;

  @Field(() => Int)
  targetTrainees!: number;

  @Field(() => CampaignStatus, { nullable: true, description: 'Defaults to DRAFT' })
  status?: CampaignStatus;
}

@InputType()
export class TrainingCampaignUpdateInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string;

  @Field(() => Int, { nullable: true })
  targetCamps?: number;

  @Field(() => Int, { nullable: true })
  targetTrainees?: number;

  @Field(() => CampaignStatus, { nullable: true })
  status?: CampaignStatus;
}

@InputType()
export class TrainingCampaignFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Name or description' })
  q?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: 'Owner unit' })
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'Campaigns owned by this unit or a unit below it' })
  withinUnit?: string;

  @Field(() => [CampaignStatus], { nullable: true })
  statuses?: CampaignStatus[];

  @Field(() => DateScalar, { nullable: true, description: 'Running on this day' })
  activeOn?: string;
}

export enum TrainingCampaignSortField {
  name = 'name',
  startsOn = 'startsOn',
  endsOn = 'endsOn',
  status = 'status',
  createdAt = 'createdAt',
}

@InputType()
export class TrainingCampaignSort extends SortInputType(TrainingCampaignSortField, 'TrainingCampaignSortField') {}

@ObjectType()
export class TrainingCampaignPage extends PageType(TrainingCampaign) {}
