import AssessmentIcon from '@mui/icons-material/Assessment';
import { DriveReportCreate } from './DriveReportCreate';
import { DriveReportEdit } from './DriveReportEdit';
import { DriveReportList } from './DriveReportList';
import { DriveReportShow } from './DriveReportShow';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const driveReports: ResourceModule = {
  name: 'driveReports',
  area: 'itcell',
  definition: {
    list: DriveReportList,
    show: DriveReportShow,
    edit: DriveReportEdit,
    create: DriveReportCreate,
    icon: AssessmentIcon,
    // unit comes with the record (data below).
    recordRepresentation: (report: { unit?: { name: string }; reportedOn: string; count: number }) =>
      `${report.unit?.name ?? ''} · ${report.reportedOn} · ${report.count}`,
  },
  data: { extraFields: 'unit { id name nameLatin level }' },
  messages,
};
