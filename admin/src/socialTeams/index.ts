import GroupsIcon from '@mui/icons-material/Groups';
import { SocialTeamCreate } from './SocialTeamCreate';
import { SocialTeamEdit } from './SocialTeamEdit';
import { SocialTeamList } from './SocialTeamList';
import { SocialTeamShow } from './SocialTeamShow';

export const socialTeams = {
  list: SocialTeamList,
  show: SocialTeamShow,
  edit: SocialTeamEdit,
  create: SocialTeamCreate,
  icon: GroupsIcon,
  recordRepresentation: (team: { name: string }) => team.name,
};
