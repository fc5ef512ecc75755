import { CrudResolver, PageInput } from '@sangathan/common';
import { OrgUnitRef, unitRef } from '../federation/references';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ItcellContext } from '../../context';
import { DriveReportPage, DriveReportSort } from '../drive-report/drive-report.types';
import { DriveTarget } from './drive-target.entity';
import { OutreachDrive } from './outreach-drive.entity';
import {
  DriveProgress,
  DriveTargetFilter,
  DriveTargetInput,
  DriveTargetPage,
  DriveTargetSort,
  OutreachDriveFilter,
  OutreachDriveInput,
  OutreachDrivePage,
  OutreachDriveSort,
  OutreachDriveUpdateInput,
  DriveUnitProgress,
} from './outreach-drive.types';

@Resolver(() => OutreachDrive)
export class OutreachDriveResolver extends CrudResolver({
  name: 'outreachDrive',
  plural: 'outreachDrives',
  entity: OutreachDrive,
  input: OutreachDriveInput,
  updateInput: OutreachDriveUpdateInput,
  filter: OutreachDriveFilter,
  sort: OutreachDriveSort,
  page: OutreachDrivePage,
}) {
  @FieldResolver(() => OrgUnitRef, {
    nullable: true,
    description: 'The root unit: the drive covers it and every unit below it; null when membership does not answer',
  })
  unit(@Root() drive: OutreachDrive) {
    return unitRef(drive.unitId);
  }

  @FieldResolver(() => DriveProgress, { description: 'Live targets against live reports, over the whole drive' })
  progress(@Root() drive: OutreachDrive, @Ctx() { services }: ItcellContext) {
    return services.outreachDrives.progress.load(drive.id);
  }

  @FieldResolver(() => [DriveUnitProgress], {
    description:
      'Progress of every live unit at `level` (e.g. "district") within the root unit: the targets and reports of each unit and everything below it',
  })
  progressByUnit(@Root() drive: OutreachDrive, @Ctx() { services }: ItcellContext, @Arg('level', () => String) level: string) {
    return services.outreachDrives.progressByUnit(drive, level);
  }

  @FieldResolver(() => DriveTargetPage, { description: 'The live targets' })
  targets(
    @Root() drive: OutreachDrive,
    @Ctx() { services }: ItcellContext,
    @Arg('sort', () => [DriveTargetSort], { nullable: true }) sort?: DriveTargetSort[],
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return services.driveTargets.list({ driveId: drive.id }, sort, page);
  }

  @FieldResolver(() => DriveReportPage, { description: 'The live progress reports, oldest first unless sorted' })
  reports(
    @Root() drive: OutreachDrive,
    @Ctx() { services }: ItcellContext,
    @Arg('sort', () => [DriveReportSort], { nullable: true }) sort?: DriveReportSort[],
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return services.driveReports.list({ driveId: drive.id }, sort, page);
  }

  @Query(() => DriveTargetPage, { description: 'Live targets of drives' })
  driveTargets(
    @Ctx() { services }: ItcellContext,
    @Arg('filter', () => DriveTargetFilter, { nullable: true }) filter?: DriveTargetFilter,
    @Arg('sort', () => [DriveTargetSort], { nullable: true }) sort?: DriveTargetSort[],
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return services.driveTargets.list(filter ?? {}, sort, page);
  }

  @Mutation(() => OutreachDrive, {
    description:
      'Replaces the drive’s targets with this list, all or nothing: units not listed lose their target. Bad rows are reported as "targets.<index>.<field>". A stale expectedVersion is a CONFLICT.',
  })
  setDriveTargets(
    @Arg('driveId', () => ID) driveId: string,
    @Arg('targets', () => [DriveTargetInput]) targets: DriveTargetInput[],
    @Ctx() { services }: ItcellContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return services.outreachDrives.setTargets(driveId, targets, expectedVersion);
  }
}

@Resolver(() => DriveTarget)
export class DriveTargetResolver {
  @FieldResolver(() => OrgUnitRef, { nullable: true, description: 'Null when membership does not answer' })
  unit(@Root() target: DriveTarget) {
    return unitRef(target.unitId);
  }

  // Null when the drive's root unit lies above the caller's scope (a state drive's target in their district).
  @FieldResolver(() => OutreachDrive, { nullable: true, description: 'Null when the drive lies outside what the caller may see' })
  drive(@Root() target: DriveTarget, @Ctx() { services }: ItcellContext) {
    return services.outreachDrives.loader.load(target.driveId);
  }
}
