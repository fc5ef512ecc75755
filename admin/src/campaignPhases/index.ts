import TimelineIcon from '@mui/icons-material/Timeline';
import { phaseRepresentation } from '../trainingCampaigns/training';
import { CampaignPhaseCreate } from './CampaignPhaseCreate';
import { CampaignPhaseEdit } from './CampaignPhaseEdit';
import { CampaignPhaseList } from './CampaignPhaseList';
import { CampaignPhaseShow } from './CampaignPhaseShow';

export const campaignPhases = {
  list: CampaignPhaseList,
  show: CampaignPhaseShow,
  edit: CampaignPhaseEdit,
  create: CampaignPhaseCreate,
  icon: TimelineIcon,
  recordRepresentation: phaseRepresentation,
};
