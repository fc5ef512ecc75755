import CampaignIcon from '@mui/icons-material/Campaign';
import { OutreachDriveCreate } from './OutreachDriveCreate';
import { OutreachDriveEdit } from './OutreachDriveEdit';
import { OutreachDriveList } from './OutreachDriveList';
import { OutreachDriveShow } from './OutreachDriveShow';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const outreachDrives: ResourceModule = {
  name: 'outreachDrives',
  area: 'itcell',
  definition: {
    list: OutreachDriveList,
    show: OutreachDriveShow,
    edit: OutreachDriveEdit,
    create: OutreachDriveCreate,
    icon: CampaignIcon,
    recordRepresentation: (drive: { name: string }) => drive.name,
  },
  data: { extraFields: 'progress { target achieved percent }' },
  messages,
};
