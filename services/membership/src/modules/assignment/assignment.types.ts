import { DateScalar, IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Assignment } from './assignment.entity';

@InputType()
export class AssignmentInput {
  @Field(() => ID)
  cadreId!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today' })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string;

  @Field({ nullable: true })
  note?: string;
}

@InputType()
export class AssignmentUpdateInput {
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string;

  @Field({ nullable: true })
  note?: string;
}

@InputType()
export class AssignmentFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Note or cadre’s name' })
  q?: string;

  @Field(() => ID, { nullable: true })
  cadreId?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ID, { nullable: true })
  withinUnit?: string;

  @Field({ nullable: true, description: 'true: in force today' })
  active?: boolean;
}

export enum AssignmentSortField {
  startsOn = 'startsOn',
  endsOn = 'endsOn',
  createdAt = 'createdAt',
}

@InputType()
export class AssignmentSort extends SortInputType(AssignmentSortField, 'AssignmentSortField') {}

@ObjectType()
export class AssignmentPage extends PageType(Assignment) {}
