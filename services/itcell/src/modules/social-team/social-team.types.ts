import { DateScalar, IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { SocialTeam, TeamStatus } from './social-team.entity';

@InputType()
export class SocialTeamInput {
  @Field(() => ID, { description: 'The unit (from membership) the team serves' })
  unitId!: string;

  @Field()
  name!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today' })
  formedOn?: string;

  @Field(() => TeamStatus, { nullable: true, description: 'Defaults to ACTIVE' })
  status?: TeamStatus;
}

@InputType()
export class SocialTeamUpdateInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => DateScalar, { nullable: true })
  formedOn?: string;

  @Field(() => TeamStatus, { nullable: true })
  status?: TeamStatus;
}

@InputType()
export class SocialTeamFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Team name' })
  q?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'Teams of this unit and every unit below it' })
  withinUnit?: string;

  @Field(() => [String], { nullable: true, description: 'Unit levels, e.g. ["district", "mandal"]' })
  unitLevels?: string[];

  @Field(() => [TeamStatus], { nullable: true })
  statuses?: TeamStatus[];
}

export enum SocialTeamSortField {
  name = 'name',
  formedOn = 'formedOn',
  unitLevel = 'unitLevel',
  createdAt = 'createdAt',
}

@InputType()
export class SocialTeamSort extends SortInputType(SocialTeamSortField, 'SocialTeamSortField') {}

@ObjectType()
export class SocialTeamPage extends PageType(SocialTeam) {}
