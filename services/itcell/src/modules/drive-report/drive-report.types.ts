import { DateScalar, IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DriveReport } from './drive-report.entity';

@InputType()
export class DriveReportInput {
  @Field(() => ID)
  driveId!: string;

  @Field(() => ID, { description: 'A unit within the drive’s root unit' })
  unitId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Within the drive’s dates and not in the future; defaults to today' })
  reportedOn?: string;

  @Field(() => Int, { description: 'Zero or more' })
  count!: number;

  @Field(() => ID, { description: 'A member (from membership) of the drive’s organisation' })
  reportedById!: string;

  @Field({ nullable: true })
  note?: string;
}

@InputType()
export class DriveReportUpdateInput {
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => DateScalar, { nullable: true })
  reportedOn?: string;

  @Field(() => Int, { nullable: true })
  count?: number;

  @Field(() => ID, { nullable: true })
  reportedById?: string;

  @Field({ nullable: true, description: 'An empty string clears it' })
  note?: string;
}

@InputType()
export class DriveReportFilter extends IdsFilter {
  @Field(() => ID, { nullable: true })
  driveId?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'Reports of this unit and every unit below it' })
  withinUnit?: string;

  @Field(() => ID, { nullable: true })
  reportedById?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Reported on or after' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Reported on or before' })
  to?: string;
}

export enum DriveReportSortField {
  reportedOn = 'reportedOn',
  count = 'count',
  unitLevel = 'unitLevel',
  createdAt = 'createdAt',
}

@InputType()
export class DriveReportSort extends SortInputType(DriveReportSortField, 'DriveReportSortField') {}

@ObjectType()
export class DriveReportPage extends PageType(DriveReport) {}
