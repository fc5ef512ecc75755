import { DateScalar, IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Member } from '../member/member.entity';
import { FieldVisit, VisitPurpose } from './field-visit.entity';

@InputType()
export class FieldVisitInput {
  @Field(() => ID)
  cadreId!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => DateScalar)
  visitedOn!: string;

  @Field(() => VisitPurpose)
  purpose!: VisitPurpose;

  @Field(() => [String], { nullable: true })
  activities?: string[];

  @Field({ nullable: true })
  notes?: string;
}

@InputType()
export class FieldVisitUpdateInput {
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => DateScalar, { nullable: true })
  visitedOn?: string;

  @Field(() => VisitPurpose, { nullable: true })
  purpose?: VisitPurpose;

  @Field(() => [String], { nullable: true })
  activities?: string[];

  @Field({ nullable: true })
  notes?: string;
}

@InputType()
export class FieldVisitFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Notes, activities or cadre’s name' })
  q?: string;

  @Field(() => ID, { nullable: true })
  cadreId?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ID, { nullable: true })
  withinUnit?: string;

  @Field(() => [VisitPurpose], { nullable: true })
  purposes?: VisitPurpose[];

  @Field(() => DateScalar, { nullable: true })
  from?: string;

  @Field(() => DateScalar, { nullable: true })
  to?: string;
}

export enum FieldVisitSortField {
  visitedOn = 'visitedOn',
  purpose = 'purpose',
  createdAt = 'createdAt',
}

@InputType()
export class FieldVisitSort extends SortInputType(FieldVisitSortField, 'FieldVisitSortField') {}

@ObjectType()
export class FieldVisitPage extends PageType(FieldVisit) {}

@ObjectType({ description: 'One cadre’s field work over a period' })
export class CadreVisitSummary {
  @Field(() => Member)
  cadre!: Member;

  @Field(() => Int)
  visits!: number;

  @Field(() => Int)
  distinctUnits!: number;

  @Field(() => Int, { description: 'Distinct days with at least one visit' })
  daysInField!: number;

  @Field(() => DateScalar, { nullable: true })
  firstVisitOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  lastVisitOn!: string | null;
}
