import BadgeIcon from '@mui/icons-material/Badge';
import { TeamMemberCreate } from './TeamMemberCreate';
import { TeamMemberEdit } from './TeamMemberEdit';
import { TeamMemberList } from './TeamMemberList';
import { TeamMemberShow } from './TeamMemberShow';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const teamMembers: ResourceModule = {
  name: 'teamMembers',
  area: 'itcell',
  definition: {
    list: TeamMemberList,
    show: TeamMemberShow,
    edit: TeamMemberEdit,
    create: TeamMemberCreate,
    icon: BadgeIcon,
    // member and team come with the record (data below).
    recordRepresentation: (role: { member?: { fullName: string }; team?: { name: string }; id: string }) =>
      role.member ? `${role.member.fullName} · ${role.team?.name ?? ''}` : String(role.id),
  },
  data: { extraFields: 'member { id fullName fullNameLatin membershipNumber } team { id name }' },
  messages,
};
