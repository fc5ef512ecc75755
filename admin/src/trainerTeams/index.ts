import Diversity3Icon from '@mui/icons-material/Diversity3';
import { formViews, type ResourceModule } from '../common';
import { TrainerTeamForm } from './TrainerTeamForm';
import { TrainerTeamList } from './TrainerTeamList';
import { TrainerTeamShow } from './TrainerTeamShow';
import { messages } from './messages';

export const trainerTeams: ResourceModule = {
  name: 'trainerTeams',
  area: 'training',
  definition: {
    list: TrainerTeamList,
    show: TrainerTeamShow,
    ...formViews(TrainerTeamForm),
    icon: Diversity3Icon,
    recordRepresentation: (team: { name: string }) => team.name,
  },
  messages,
};
