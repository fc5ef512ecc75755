import AssessmentIcon from '@mui/icons-material/Assessment';
import { DriveReportCreate } from './DriveReportCreate';
import { DriveReportEdit } from './DriveReportEdit';
import { DriveReportList } from './DriveReportList';
import { DriveReportShow } from './DriveReportShow';

export const driveReports = {
  list: DriveReportList,
  show: DriveReportShow,
  edit: DriveReportEdit,
  create: DriveReportCreate,
  icon: AssessmentIcon,
  // unit comes with the record (dataProvider/resources.ts).
  recordRepresentation: (report: { unit?: { name: string }; reportedOn: string; count: number }) =>
    `${report.unit?.name ?? ''} · ${report.reportedOn} · ${report.count}`,
};
