import { DateScalar, IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Position, PositionTitle } from './position.entity';

@InputType()
export class PositionInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => PositionTitle)
  title!: PositionTitle;

  @Field({ nullable: true })
  label?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today' })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string;
}

@InputType()
export class PositionUpdateInput {
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => PositionTitle, { nullable: true })
  title?: PositionTitle;

  @Field({ nullable: true })
  label?: string;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Set to end the term' })
  endsOn?: string;
}

@InputType()
export class PositionFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Label or holder’s name' })
  q?: string;

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ID, { nullable: true })
  withinUnit?: string;

  @Field(() => [PositionTitle], { nullable: true })
  titles?: PositionTitle[];

  @Field({ nullable: true, description: 'true: held today; false: ended or not yet started' })
  active?: boolean;
}

export enum PositionSortField {
  title = 'title',
  startsOn = 'startsOn',
  endsOn = 'endsOn',
  createdAt = 'createdAt',
}

@InputType()
export class PositionSort extends SortInputType(PositionSortField, 'PositionSortField') {}

@ObjectType()
export class PositionPage extends PageType(Position) {}
