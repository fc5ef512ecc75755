import { useLocation } from 'react-router-dom';
import { ResourceCreate } from '../common';
import { DriveReportForm } from './DriveReportForm';

/** Opened from a drive's page (drive prefilled), it goes back to the drive's reports after saving. */
export function DriveReportCreate() {
  const location = useLocation();
  const fromDrive = (location.state as { record?: { driveId?: string } } | null)?.record?.driveId;
  return (
    <ResourceCreate redirect={fromDrive ? (_resource, _id, data) => `outreachDrives/${data?.driveId ?? fromDrive}/show/reports` : 'show'}>
      <DriveReportForm creating />
    </ResourceCreate>
  );
}
