import GroupsIcon from '@mui/icons-material/Groups';
import { formViews, type ResourceModule } from '../common';
import { SocialTeamForm } from './SocialTeamForm';
import { SocialTeamList } from './SocialTeamList';
import { SocialTeamShow } from './SocialTeamShow';
import { messages } from './messages';

export const socialTeams: ResourceModule = {
  name: 'socialTeams',
  area: 'itcell',
  definition: {
    list: SocialTeamList,
    show: SocialTeamShow,
    ...formViews(SocialTeamForm),
    icon: GroupsIcon,
    recordRepresentation: (team: { name: string }) => team.name,
  },
  data: { extraFields: 'unit { id name nameLatin level } currentMembers: members(current: true) { total }' },
  messages,
};
