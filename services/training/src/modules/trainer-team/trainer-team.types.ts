import { IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { TrainerTeam } from './trainer-team.entity';

@InputType()
export class TrainerTeamInput {
  @Field(() => ID, { description: 'A live campaign; the team cannot move to another one' })
  campaignId!: string;

  @Field()
  name!: string;

  @Field(() => [ID], { nullable: true, description: 'Members of the campaign’s organisation; duplicates are dropped' })
  trainerIds?: string[];
}

@InputType()
export class TrainerTeamUpdateInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => [ID], { nullable: true, description: 'Replaces the list of trainers' })
  trainerIds?: string[];
}

@InputType()
export class TrainerTeamFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Team name' })
  q?: string;

  @Field(() => ID, { nullable: true })
  campaignId?: string;

  @Field(() => ID, { nullable: true, description: 'Teams this member is a trainer in' })
  trainerId?: string;
}

export enum TrainerTeamSortField {
  name = 'name',
  createdAt = 'createdAt',
}

@InputType()
export class TrainerTeamSort extends SortInputType(TrainerTeamSortField, 'TrainerTeamSortField') {}

@ObjectType()
export class TrainerTeamPage extends PageType(TrainerTeam) {}
