import FestivalIcon from '@mui/icons-material/Festival';
import { CampCreate } from './CampCreate';
import { CampEdit } from './CampEdit';
import { CampList } from './CampList';
import { CampShow } from './CampShow';
import { campRepresentation } from '../trainingCampaigns/training';

export const camps = {
  list: CampList,
  show: CampShow,
  edit: CampEdit,
  create: CampCreate,
  icon: FestivalIcon,
  recordRepresentation: campRepresentation,
};
