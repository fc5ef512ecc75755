import CampaignIcon from '@mui/icons-material/Campaign';
import { formViews, type ResourceModule } from '../common';
import { OutreachDriveForm } from './OutreachDriveForm';
import { OutreachDriveList } from './OutreachDriveList';
import { OutreachDriveShow } from './OutreachDriveShow';
import { messages } from './messages';

export const outreachDrives: ResourceModule = {
  name: 'outreachDrives',
  area: 'itcell',
  definition: {
    list: OutreachDriveList,
    show: OutreachDriveShow,
    ...formViews(OutreachDriveForm),
    icon: CampaignIcon,
    recordRepresentation: (drive: { name: string }) => drive.name,
  },
  data: { extraFields: 'progress { target achieved percent }' },
  messages,
};
