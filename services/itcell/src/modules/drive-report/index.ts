import { defineModule } from '@sangathan/common';
import { unitRecordTable } from '../../itcell-record-service';
import { DriveReport } from './drive-report.entity';
import { DriveReportResolver } from './drive-report.resolver';
import { DriveReportService } from './drive-report.service';

export const driveReportModule = defineModule({
  name: 'drive-report',
  entities: [DriveReport],
  resolvers: [DriveReportResolver],
  services: { driveReports: DriveReportService },
  unitCopyTables: [unitRecordTable('drive_report')],
});
