import CampaignIcon from '@mui/icons-material/Campaign';
import { OutreachDriveCreate } from './OutreachDriveCreate';
import { OutreachDriveEdit } from './OutreachDriveEdit';
import { OutreachDriveList } from './OutreachDriveList';
import { OutreachDriveShow } from './OutreachDriveShow';

export const outreachDrives = {
  list: OutreachDriveList,
  show: OutreachDriveShow,
  edit: OutreachDriveEdit,
  create: OutreachDriveCreate,
  icon: CampaignIcon,
  recordRepresentation: (drive: { name: string }) => drive.name,
};
