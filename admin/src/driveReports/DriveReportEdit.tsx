import { ResourceEdit } from '../common';
import { DriveReportForm } from './DriveReportForm';

export function DriveReportEdit() {
  return (
    <ResourceEdit>
      <DriveReportForm />
    </ResourceEdit>
  );
}
