import SchoolIcon from '@mui/icons-material/School';
import { TrainingCampaignCreate } from './TrainingCampaignCreate';
import { TrainingCampaignEdit } from './TrainingCampaignEdit';
import { TrainingCampaignList } from './TrainingCampaignList';
import { TrainingCampaignShow } from './TrainingCampaignShow';
import { TRAINING_PROGRESS_FIELDS, campaignRepresentation } from './training';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const trainingCampaigns: ResourceModule = {
  name: 'trainingCampaigns',
  area: 'training',
  definition: {
    list: TrainingCampaignList,
    show: TrainingCampaignShow,
    edit: TrainingCampaignEdit,
    create: TrainingCampaignCreate,
    icon: SchoolIcon,
    recordRepresentation: campaignRepresentation,
  },
  data: { extraFields: `progress { ${TRAINING_PROGRESS_FIELDS} }` },
  messages,
};
