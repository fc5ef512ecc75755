import BadgeIcon from '@mui/icons-material/Badge';
import { TeamMemberCreate } from './TeamMemberCreate';
import { TeamMemberEdit } from './TeamMemberEdit';
import { TeamMemberList } from './TeamMemberList';
import { TeamMemberShow } from './TeamMemberShow';

export const teamMembers = {
  list: TeamMemberList,
  show: TeamMemberShow,
  edit: TeamMemberEdit,
  create: TeamMemberCreate,
  icon: BadgeIcon,
  // member and team come with the record (dataProvider/resources.ts).
  recordRepresentation: (role: { member?: { fullName: string }; team?: { name: string }; id: string }) =>
    role.member ? `${role.member.fullName} · ${role.team?.name ?? ''}` : String(role.id),
};
