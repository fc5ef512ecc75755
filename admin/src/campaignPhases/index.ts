import TimelineIcon from '@mui/icons-material/Timeline';
import { TRAINING_PROGRESS_FIELDS, phaseRepresentation } from '../trainingCampaigns/training';
import { CampaignPhaseCreate } from './CampaignPhaseCreate';
import { CampaignPhaseEdit } from './CampaignPhaseEdit';
import { CampaignPhaseList } from './CampaignPhaseList';
import { CampaignPhaseShow } from './CampaignPhaseShow';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const campaignPhases: ResourceModule = {
  name: 'campaignPhases',
  area: 'training',
  definition: {
    list: CampaignPhaseList,
    show: CampaignPhaseShow,
    edit: CampaignPhaseEdit,
    create: CampaignPhaseCreate,
    icon: TimelineIcon,
    recordRepresentation: phaseRepresentation,
  },
  data: { extraFields: `progress { ${TRAINING_PROGRESS_FIELDS} }` },
  messages,
};
