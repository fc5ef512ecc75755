import { DateScalar, IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { OrgUnitRef } from '../federation/references';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DriveTarget } from './drive-target.entity';
import { DriveKind, OutreachDrive } from './outreach-drive.entity';

@InputType()
export class OutreachDriveInput {
  @Field(() => DriveKind)
  kind!: DriveKind;

  @Field()
  name!: string;

  @Field(() => ID, { description: 'The root unit (from membership): the drive covers it and every unit below it' })
  unitId!: string;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar, { description: 'On or after startsOn' })
  endsOn!: string;
}

@InputType()
export class OutreachDriveUpdateInput {
  @Field(() => DriveKind, { nullable: true })
  kind?: DriveKind;

  @Field({ nullable: true })
  name?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A new root unit of the same organisation; every live target and report must lie within it',
  })
  unitId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Every live report must lie within the new dates' })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string;
}

@InputType()
export class OutreachDriveFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Drive name' })
  q?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: 'Drives whose root unit is this unit' })
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'Drives whose root unit is this unit or lies below it' })
  withinUnit?: string;

  @Field(() => [DriveKind], { nullable: true })
  kinds?: DriveKind[];

  @Field(() => DateScalar, { nullable: true, description: 'Drives running on this day (startsOn ≤ day ≤ endsOn)' })
  activeOn?: string;
}

export enum OutreachDriveSortField {
  name = 'name',
  kind = 'kind',
  startsOn = 'startsOn',
  endsOn = 'endsOn',
  createdAt = 'createdAt',
}

@InputType()
export class OutreachDriveSort extends SortInputType(OutreachDriveSortField, 'OutreachDriveSortField') {}

@ObjectType()
export class OutreachDrivePage extends PageType(OutreachDrive) {}

@InputType({ description: 'One row of setDriveTargets' })
export class DriveTargetInput {
  @Field(() => ID, { description: 'A unit within the drive’s root unit' })
  unitId!: string;

  @Field(() => Int, { description: 'Zero or more' })
  target!: number;
}

@InputType()
export class DriveTargetFilter extends IdsFilter {
  @Field(() => ID, { nullable: true })
  driveId?: string;

  @Field(() => ID, { nullable: true, description: 'Targets of this unit and every unit below it' })
  withinUnit?: string;

  @Field(() => [String], { nullable: true, description: 'Unit levels, e.g. ["district"]' })
  unitLevels?: string[];
}

export enum DriveTargetSortField {
  target = 'target',
  unitLevel = 'unitLevel',
  createdAt = 'createdAt',
}

@InputType()
export class DriveTargetSort extends SortInputType(DriveTargetSortField, 'DriveTargetSortField') {}

@ObjectType()
export class DriveTargetPage extends PageType(DriveTarget) {}

@ObjectType({ description: 'Target against actual' })
export class DriveProgress {
  @Field(() => Int, { description: 'Sum of the live targets' })
  target!: number;

  @Field(() => Int, { description: 'Sum of the counts of the live reports' })
  achieved!: number;

  @Field(() => Float, { description: 'achieved / target × 100, one decimal; 0 when the target is 0 (may exceed 100)' })
  percent!: number;
}

@ObjectType({ description: 'A drive’s progress within one unit: the targets and reports of the unit and every unit below it' })
export class DriveUnitProgress extends DriveProgress {
  @Field(() => ID)
  unitId!: string;

  @Field(() => OrgUnitRef, { nullable: true, description: 'Null when membership does not answer' })
  unit!: OrgUnitRef;
}
