import TimelineIcon from '@mui/icons-material/Timeline';
import { formViews, type ResourceModule, TRAINING_PROGRESS_FIELDS } from '../common';
import { phaseRepresentation } from '../trainingCampaigns/training';
import { CampaignPhaseForm } from './CampaignPhaseForm';
import { CampaignPhaseList } from './CampaignPhaseList';
import { CampaignPhaseShow } from './CampaignPhaseShow';
import { messages } from './messages';

export const campaignPhases: ResourceModule = {
  name: 'campaignPhases',
  area: 'training',
  definition: {
    list: CampaignPhaseList,
    show: CampaignPhaseShow,
    ...formViews(CampaignPhaseForm),
    icon: TimelineIcon,
    recordRepresentation: phaseRepresentation,
  },
  data: { extraFields: `progress { ${TRAINING_PROGRESS_FIELDS} }` },
  messages,
};
