import BadgeIcon from '@mui/icons-material/Badge';
import { formViews, type ResourceModule } from '../common';
import { TeamMemberForm } from './TeamMemberForm';
import { TeamMemberList } from './TeamMemberList';
import { TeamMemberShow } from './TeamMemberShow';
import { messages } from './messages';

export const teamMembers: ResourceModule = {
  name: 'teamMembers',
  area: 'itcell',
  definition: {
    list: TeamMemberList,
    show: TeamMemberShow,
    ...formViews(TeamMemberForm, {
      // Opened from a team's page (team prefilled), a new member goes back to that team.
      create: { returnTo: { field: 'teamId', path: (id) => `socialTeams/${id}/show` } },
    }),
    icon: BadgeIcon,
    // member and team come with the record (data below).
    recordRepresentation: (role: { member?: { fullName: string }; team?: { name: string }; id: string }) =>
      role.member ? `${role.member.fullName} · ${role.team?.name ?? ''}` : String(role.id),
  },
  data: { extraFields: 'member { id fullName fullNameLatin membershipNumber } team { id name }' },
  messages,
};
