import { DateScalar, IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Camp, CampStatus } from './camp.entity';

@InputType()
export class CampInput {
  @Field(() => ID, { description: 'A phase of the campaign; the camp belongs to that phase’s campaign' })
  phaseId!: string;

  @Field(() => ID, { description: 'A unit at the phase’s camp level, within the campaign’s owner unit' })
  unitId!: string;

  @Field()
  venue!: string;

  @Field(() => DateScalar, { description: 'Within the phase’s dates' })
  startsOn!: string;

  @Field(() => DateScalar, { description: 'Within the phase’s dates' })
  endsOn!: string;

  @Field(() => Int, { description: 'Places: at least 1' })
  capacity!: number;

  @Field(() => ID, { nullable: true, description: 'A trainer team of the same campaign' })
  trainerTeamId?: string;

  @Field(() => [ID], { nullable: true, description: 'Topics of the same campaign taught at the camp' })
  topicIds?: string[];

  @Field(() => CampStatus, { nullable: true, description: 'Defaults to PLANNED' })
  status?: CampStatus;
}

@InputType()
export class CampUpdateInput {
  @Field(() => ID, { nullable: true, description: 'Another phase of the same campaign' })
  phaseId?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field({ nullable: true })
  venue?: string;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string;

  @Field(() => Int, { nullable: true, description: 'Not below the number of members enrolled (cancelled enrolments aside)' })
  capacity?: number;

  @Field(() => ID, { nullable: true, description: 'Null or an empty string clears it' })
  trainerTeamId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the list; a topic members are recorded as attending cannot be removed' })
  topicIds?: string[];

  @Field(() => CampStatus, { nullable: true })
  status?: CampStatus;
}

@InputType()
export class CampFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Venue' })
  q?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  campaignId?: string;

  @Field(() => ID, { nullable: true })
  phaseId?: string;

  @Field(() => ID, { nullable: true, description: 'Camps held at exactly this unit' })
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'Camps held at this unit or any unit below it' })
  withinUnit?: string;

  @Field(() => [String], { nullable: true, description: 'Unit levels, e.g. ["vidhan_sabha"]' })
  unitLevels?: string[];

  @Field(() => [CampStatus], { nullable: true })
  statuses?: CampStatus[];

  @Field(() => ID, { nullable: true })
  trainerTeamId?: string;

  @Field(() => ID, { nullable: true, description: 'Camps teaching this topic' })
  topicId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Camps still running on or after this day (endsOn ≥ from)' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Camps started on or before this day (startsOn ≤ to)' })
  to?: string;
}

export enum CampSortField {
  startsOn = 'startsOn',
  endsOn = 'endsOn',
  venue = 'venue',
  capacity = 'capacity',
  status = 'status',
  unitLevel = 'unitLevel',
  createdAt = 'createdAt',
}

@InputType()
export class CampSort extends SortInputType(CampSortField, 'CampSortField') {}

@ObjectType()
export class CampPage extends PageType(Camp) {}
