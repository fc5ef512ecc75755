import CorporateFareIcon from '@mui/icons-material/CorporateFare';
import { OrganizationCreate } from './OrganizationCreate';
import { OrganizationEdit } from './OrganizationEdit';
import { OrganizationList } from './OrganizationList';
import { OrganizationShow } from './OrganizationShow';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const organizations: ResourceModule = {
  name: 'organizations',
  area: 'membership',
  definition: {
    list: OrganizationList,
    show: OrganizationShow,
    edit: OrganizationEdit,
    create: OrganizationCreate,
    icon: CorporateFareIcon,
    recordRepresentation: (organization: { name: string }) => organization.name,
  },
  // An organisation's own unit levels; the form's rows carry Apollo's __typename, the input takes key, label, rank.
  data: {
    extraFields: 'unitLevels { key label rank }',
    toInput: (data) => ({
      ...data,
      unitLevels: data.unitLevels?.map(({ key, label, rank }: { key: string; label: string; rank: number }) => ({
        key,
        label,
        rank: Number(rank),
      })),
    }),
  },
  messages,
};
