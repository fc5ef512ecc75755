import TrackChangesIcon from '@mui/icons-material/TrackChanges';
import { type ResourceModule } from '../common';
import { DriveTargetList } from './DriveTargetList';
import { messages } from './messages';

/** List only: targets change through the drive's page (setDriveTargets). */
export const driveTargets: ResourceModule = {
  name: 'driveTargets',
  area: 'itcell',
  definition: {
    list: DriveTargetList,
    icon: TrackChangesIcon,
    recordRepresentation: (target: { unit?: { name: string }; target: number }) => `${target.unit?.name ?? ''}: ${target.target}`,
  },
  data: { extraFields: 'unit { id name nameLatin level }' },
  messages,
};
