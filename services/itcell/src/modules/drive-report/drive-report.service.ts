import {
  checkNotInFuture,
  FieldErrors,
  type FieldMessages,
  isUuid,
  today,
  unitColumns,
  whereWithinUnit,
  type ScopeSql,
  pathWithinScope,
} from '@sangathan/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ItcellDeps } from '../../context';
import { ItcellRecordService } from '../../itcell-record-service';
import { DriveReport } from './drive-report.entity';
import type { DriveReportFilter, DriveReportInput, DriveReportUpdateInput } from './drive-report.types';
import { OutreachDrive } from '../outreach-drive/outreach-drive.entity';
import { unitOutsideDrive } from '../outreach-drive/outreach-drive.service';

/** The drive, locked against concurrent changes to its dates and root while a report is written. */
function lockDrive(manager: EntityManager, id: string): Promise<OutreachDrive | null> {
  return isUuid(id) ? manager.findOne(OutreachDrive, { where: { id }, lock: { mode: 'pessimistic_read' } }) : Promise.resolve(null);
}

function checkReportedOn(errors: FieldErrors, reportedOn: string, drive: OutreachDrive | null): void {
  checkNotInFuture(errors, 'reportedOn', reportedOn);
  if (drive && (reportedOn < drive.startsOn || reportedOn > drive.endsOn)) {
    errors.add('reportedOn', `must lie within the drive’s dates (${drive.startsOn} to ${drive.endsOn})`);
  }
}

function checkCount(errors: FieldErrors, count: number): void {
  if (!Number.isInteger(count) || count < 0) errors.add('count', 'must be a whole number, zero or more');
}

export class DriveReportService extends ItcellRecordService<DriveReport, DriveReportFilter> {
  protected readonly defaultSort = 'reportedOn';

  constructor(deps: ItcellDeps) {
    super(deps, DriveReport, 'DriveReport');
  }

  protected scopeSql(alias: string): ScopeSql {
    return { unit: pathWithinScope(`${alias}.unit_path`), organization: `${alias}.organization_id` };
  }

  query(filter: DriveReportFilter = {}): SelectQueryBuilder<DriveReport> {
    const query = this.createQuery('r', filter, ['driveId', 'unitId', 'withinUnit', 'reportedById']);
    if (filter.driveId) query.andWhere('r.driveId = :driveId', { driveId: filter.driveId });
    if (filter.unitId) query.andWhere('r.unitId = :unitId', { unitId: filter.unitId });
    whereWithinUnit(query, filter.withinUnit);
    if (filter.reportedById) query.andWhere('r.reportedById = :reportedById', { reportedById: filter.reportedById });
    if (filter.from) query.andWhere('r.reportedOn >= :from', { from: filter.from });
    if (filter.to) query.andWhere('r.reportedOn <= :to', { to: filter.to });
    return query;
  }

  async create(input: DriveReportInput): Promise<DriveReport> {
    return this.dataSource.transaction(async (manager) => {
      const errors = new FieldErrors();
      const drive = await this.services.outreachDrives.findReference(errors, 'driveId', input.driveId, {
        manager,
        lock: 'pessimistic_read',
      });
      const organizationId = drive?.organizationId;
      const [unit, member] = await Promise.all([
        this.membership.requireUnit(errors, 'unitId', input.unitId, organizationId),
        this.membership.requireMember(errors, 'reportedById', input.reportedById, organizationId),
      ]);
      const outside = unit && drive ? unitOutsideDrive(unit, drive) : null;
      if (outside) errors.add('unitId', outside);
      const reportedOn = input.reportedOn ?? today();
      checkReportedOn(errors, reportedOn, drive);
      checkCount(errors, input.count);
      errors.throwIfAny();
      return manager.save(
        manager.create(DriveReport, {
          driveId: drive!.id,
          ...unitColumns(unit!),
          reportedOn,
          count: input.count,
          reportedById: member!.id,
          note: input.note?.trim() || null,
        }),
      );
    });
  }

  async updateRecord(id: string, input: DriveReportUpdateInput, expectedVersion?: number): Promise<DriveReport> {
    return this.update(id, expectedVersion, async (report, manager) => {
      const errors = new FieldErrors();
      const drive = await lockDrive(manager, report.driveId);
      if (!drive) errors.add('driveId', 'the drive was deleted; restore it first');
      const organizationId = drive?.organizationId ?? report.organizationId;
      const [unit, member] = await Promise.all([
        input.unitId ? this.membership.requireUnit(errors, 'unitId', input.unitId, organizationId) : null,
        input.reportedById ? this.membership.requireMember(errors, 'reportedById', input.reportedById, organizationId) : null,
      ]);
      const outside = unit && drive ? unitOutsideDrive(unit, drive) : null;
      if (outside) errors.add('unitId', outside);
      const reportedOn = input.reportedOn ?? report.reportedOn;
      if (input.reportedOn) checkReportedOn(errors, reportedOn, drive);
      const count = input.count ?? report.count;
      checkCount(errors, count);
      errors.throwIfAny();
      Object.assign(report, unit ? unitColumns(unit) : {}, {
        reportedOn,
        count,
        reportedById: member?.id ?? report.reportedById,
        note: input.note !== undefined && input.note !== null ? input.note.trim() || null : report.note,
      });
    });
  }

  protected override async restoreBlockers(report: DriveReport, manager: EntityManager): Promise<FieldMessages> {
    const drive = await lockDrive(manager, report.driveId);
    if (!drive) return { driveId: 'the drive is deleted; restore it first' };
    if (!report.unitPath.includes(drive.unitId)) return { unitId: 'the unit no longer lies within the drive’s root unit' };
    if (report.reportedOn < drive.startsOn || report.reportedOn > drive.endsOn) {
      return { reportedOn: `no longer within the drive’s dates (${drive.startsOn} to ${drive.endsOn})` };
    }
    return {};
  }
}
