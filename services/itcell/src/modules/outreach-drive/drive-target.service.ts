import { whereWithinUnit, type ScopeSql, pathWithinScope } from '@sangathan/common';
import type { SelectQueryBuilder } from 'typeorm';
import type { ItcellDeps } from '../../context';
import { ItcellRecordService } from '../../itcell-record-service';
import { DriveTarget } from './drive-target.entity';
import type { DriveTargetFilter } from './outreach-drive.types';

/** Lists a drive's targets; they are written as a whole by OutreachDriveService.setTargets. */
export class DriveTargetService extends ItcellRecordService<DriveTarget, DriveTargetFilter> {
  protected readonly defaultSort = 'createdAt';

  constructor(deps: ItcellDeps) {
    super(deps, DriveTarget, 'DriveTarget');
  }

  protected scopeSql(alias: string): ScopeSql {
    return { unit: pathWithinScope(`${alias}.unit_path`), organization: `${alias}.organization_id` };
  }

  query(filter: DriveTargetFilter = {}): SelectQueryBuilder<DriveTarget> {
    const query = this.createQuery('t', filter, ['driveId', 'withinUnit']);
    if (filter.driveId) query.andWhere('t.driveId = :driveId', { driveId: filter.driveId });
    whereWithinUnit(query, filter.withinUnit);
    if (filter.unitLevels?.length) query.andWhere('t.unitLevel IN (:...unitLevels)', { unitLevels: filter.unitLevels });
    return query;
  }
}
