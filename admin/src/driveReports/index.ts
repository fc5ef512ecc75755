import AssessmentIcon from '@mui/icons-material/Assessment';
import { formViews, type ResourceModule } from '../common';
import { DriveReportForm } from './DriveReportForm';
import { DriveReportList } from './DriveReportList';
import { DriveReportShow } from './DriveReportShow';
import { messages } from './messages';

export const driveReports: ResourceModule = {
  name: 'driveReports',
  area: 'itcell',
  definition: {
    list: DriveReportList,
    show: DriveReportShow,
    ...formViews(DriveReportForm, {
      // Opened from a drive's page (drive prefilled), a new report goes back to the drive's reports.
      create: { returnTo: { field: 'driveId', path: (id) => `outreachDrives/${id}/show/reports` } },
    }),
    icon: AssessmentIcon,
    // unit comes with the record (data below).
    recordRepresentation: (report: { unit?: { name: string }; reportedOn: string; count: number }) =>
      `${report.unit?.name ?? ''} · ${report.reportedOn} · ${report.count}`,
  },
  data: { extraFields: 'unit { id name nameLatin level }' },
  messages,
};
