import FestivalIcon from '@mui/icons-material/Festival';
import { formViews, type ResourceModule, TRAINING_PROGRESS_FIELDS } from '../common';
import { campRepresentation } from '../trainingCampaigns/training';
import { CampForm } from './CampForm';
import { CampList } from './CampList';
import { CampShow } from './CampShow';
import { messages } from './messages';

export const camps: ResourceModule = {
  name: 'camps',
  area: 'training',
  definition: {
    list: CampList,
    show: CampShow,
    ...formViews(CampForm),
    icon: FestivalIcon,
    recordRepresentation: campRepresentation,
  },
  data: { extraFields: `progress { ${TRAINING_PROGRESS_FIELDS} }` },
  messages,
};
