import Diversity3Icon from '@mui/icons-material/Diversity3';
import { TrainerTeamCreate } from './TrainerTeamCreate';
import { TrainerTeamEdit } from './TrainerTeamEdit';
import { TrainerTeamList } from './TrainerTeamList';
import { TrainerTeamShow } from './TrainerTeamShow';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const trainerTeams: ResourceModule = {
  name: 'trainerTeams',
  area: 'training',
  definition: {
    list: TrainerTeamList,
    show: TrainerTeamShow,
    edit: TrainerTeamEdit,
    create: TrainerTeamCreate,
    icon: Diversity3Icon,
    recordRepresentation: (team: { name: string }) => team.name,
  },
  messages,
};
