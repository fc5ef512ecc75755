import SchoolIcon from '@mui/icons-material/School';
import { TrainingCampaignCreate } from './TrainingCampaignCreate';
import { TrainingCampaignEdit } from './TrainingCampaignEdit';
import { TrainingCampaignList } from './TrainingCampaignList';
import { TrainingCampaignShow } from './TrainingCampaignShow';
import { campaignRepresentation } from './training';

export const trainingCampaigns = {
  list: TrainingCampaignList,
  show: TrainingCampaignShow,
  edit: TrainingCampaignEdit,
  create: TrainingCampaignCreate,
  icon: SchoolIcon,
  recordRepresentation: campaignRepresentation,
};
