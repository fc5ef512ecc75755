import GroupsIcon from '@mui/icons-material/Groups';
import { SocialTeamCreate } from './SocialTeamCreate';
import { SocialTeamEdit } from './SocialTeamEdit';
import { SocialTeamList } from './SocialTeamList';
import { SocialTeamShow } from './SocialTeamShow';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const socialTeams: ResourceModule = {
  name: 'socialTeams',
  area: 'itcell',
  definition: {
    list: SocialTeamList,
    show: SocialTeamShow,
    edit: SocialTeamEdit,
    create: SocialTeamCreate,
    icon: GroupsIcon,
    recordRepresentation: (team: { name: string }) => team.name,
  },
  data: { extraFields: 'unit { id name nameLatin level } currentMembers: members(current: true) { total }' },
  messages,
};
