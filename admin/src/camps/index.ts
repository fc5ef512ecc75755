import FestivalIcon from '@mui/icons-material/Festival';
import { CampCreate } from './CampCreate';
import { CampEdit } from './CampEdit';
import { CampList } from './CampList';
import { CampShow } from './CampShow';
import { TRAINING_PROGRESS_FIELDS, campRepresentation } from '../trainingCampaigns/training';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const camps: ResourceModule = {
  name: 'camps',
  area: 'training',
  definition: {
    list: CampList,
    show: CampShow,
    edit: CampEdit,
    create: CampCreate,
    icon: FestivalIcon,
    recordRepresentation: campRepresentation,
  },
  data: { extraFields: `progress { ${TRAINING_PROGRESS_FIELDS} }` },
  messages,
};
