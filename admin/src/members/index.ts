import PeopleIcon from '@mui/icons-material/People';
import { MemberCreate } from './MemberCreate';
import { MemberEdit } from './MemberEdit';
import { MemberList } from './MemberList';
import { MemberShow } from './MemberShow';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const members: ResourceModule = {
  name: 'members',
  area: 'membership',
  definition: {
    list: MemberList,
    show: MemberShow,
    edit: MemberEdit,
    create: MemberCreate,
    icon: PeopleIcon,
    recordRepresentation: (member: { fullName: string; membershipNumber: string }) => `${member.fullName} · ${member.membershipNumber}`,
  },
  messages,
};
