import { DateScalar, IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CampaignPhase } from './campaign-phase.entity';

@InputType()
export class CampaignPhaseInput {
  @Field(() => ID, { description: 'A live campaign; the phase cannot move to another one' })
  campaignId!: string;

  @Field(() => Int, { description: '1 or more, unique among the campaign’s phases' })
  number!: number;

  @Field()
  name!: string;

  @Field(() => DateScalar, { description: 'Within the campaign’s dates' })
  startsOn!: string;

  @Field(() => DateScalar, { description: 'Within the campaign’s dates, not before startsOn' })
  endsOn!: string;

  @Field(() => Int)
  targetCamps!: number;

  @Field(() => Int)
  targetTrainees!: number;

  @Field({ description: 'A unit level key of the campaign’s organisation, e.g. "district" or "vidhan_sabha"' })
  campLevel!: string;
}

@InputType()
export class CampaignPhaseUpdateInput {
  @Field(() => Int, { nullable: true })
  number?: number;

  @Field({ nullable: true })
  name?: string;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string;

  @Field(() => Int, { nullable: true })
  targetCamps?: number;

  @Field(() => Int, { nullable: true })
  targetTrainees?: number;

  @Field({ nullable: true, description: 'Cannot change while live camps of the phase are held at the old level' })
  campLevel?: string;
}

@InputType()
export class CampaignPhaseFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Phase name' })
  q?: string;

  @Field(() => ID, { nullable: true })
  campaignId?: string;
}

export enum CampaignPhaseSortField {
  number = 'number',
  name = 'name',
  startsOn = 'startsOn',
  endsOn = 'endsOn',
  createdAt = 'createdAt',
}

@InputType()
export class CampaignPhaseSort extends SortInputType(CampaignPhaseSortField, 'CampaignPhaseSortField') {}

@ObjectType()
export class CampaignPhasePage extends PageType(CampaignPhase) {}
