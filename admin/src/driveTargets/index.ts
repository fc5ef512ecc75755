import TrackChangesIcon from '@mui/icons-material/TrackChanges';
import { DriveTargetList } from './DriveTargetList';

/** List only: targets change through the drive's page (setDriveTargets). */
export const driveTargets = {
  list: DriveTargetList,
  icon: TrackChangesIcon,
  recordRepresentation: (target: { unit?: { name: string }; target: number }) => `${target.unit?.name ?? ''}: ${target.target}`,
};
