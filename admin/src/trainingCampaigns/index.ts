import SchoolIcon from '@mui/icons-material/School';
import { formViews, type ResourceModule, TRAINING_PROGRESS_FIELDS } from '../common';
import { TrainingCampaignForm } from './TrainingCampaignForm';
import { TrainingCampaignList } from './TrainingCampaignList';
import { TrainingCampaignShow } from './TrainingCampaignShow';
import { messages } from './messages';
import { campaignRepresentation } from './training';

export const trainingCampaigns: ResourceModule = {
  name: 'trainingCampaigns',
  area: 'training',
  definition: {
    list: TrainingCampaignList,
    show: TrainingCampaignShow,
    ...formViews(TrainingCampaignForm),
    icon: SchoolIcon,
    recordRepresentation: campaignRepresentation,
  },
  data: { extraFields: `progress { ${TRAINING_PROGRESS_FIELDS} }` },
  messages,
};
