import PeopleIcon from '@mui/icons-material/People';
import { formViews, rederiveLatin, type ResourceModule } from '../common';
import { MemberForm } from './MemberForm';
import { MemberList } from './MemberList';
import { MemberShow } from './MemberShow';
import { messages } from './messages';

export const members: ResourceModule = {
  name: 'members',
  area: 'membership',
  definition: {
    list: MemberList,
    show: MemberShow,
    ...formViews(MemberForm, { edit: { transform: rederiveLatin('fullName') } }),
    icon: PeopleIcon,
    recordRepresentation: (member: { fullName: string; membershipNumber: string }) => `${member.fullName} · ${member.membershipNumber}`,
  },
  messages,
};
