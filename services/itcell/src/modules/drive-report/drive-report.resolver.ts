import { CrudResolver } from '@sangathan/common';
import { MemberRef, memberRef, OrgUnitRef, unitRef } from '../federation/references';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ItcellContext } from '../../context';
import { DriveReport } from './drive-report.entity';
import { DriveReportFilter, DriveReportInput, DriveReportPage, DriveReportSort, DriveReportUpdateInput } from './drive-report.types';
import { OutreachDrive } from '../outreach-drive/outreach-drive.entity';

@Resolver(() => DriveReport)
export class DriveReportResolver extends CrudResolver({
  name: 'driveReport',
  plural: 'driveReports',
  entity: DriveReport,
  input: DriveReportInput,
  updateInput: DriveReportUpdateInput,
  filter: DriveReportFilter,
  sort: DriveReportSort,
  page: DriveReportPage,
}) {
  @FieldResolver(() => OrgUnitRef, { nullable: true, description: 'Null when membership does not answer' })
  unit(@Root() report: DriveReport) {
    return unitRef(report.unitId);
  }

  // Null when the drive's root unit lies above the caller's scope (a state drive's target in their district).
  @FieldResolver(() => OutreachDrive, { nullable: true, description: 'Null when the drive lies outside what the caller may see' })
  drive(@Root() report: DriveReport, @Ctx() { services }: ItcellContext) {
    return services.outreachDrives.loader.load(report.driveId);
  }

  @FieldResolver(() => MemberRef, { nullable: true, description: 'Null when membership does not answer' })
  reportedBy(@Root() report: DriveReport) {
    return memberRef(report.reportedById);
  }
}
