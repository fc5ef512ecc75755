import CorporateFareIcon from '@mui/icons-material/CorporateFare';
import { formViews, type ResourceModule } from '../common';
import { OrganizationForm } from './OrganizationForm';
import { OrganizationList } from './OrganizationList';
import { OrganizationShow } from './OrganizationShow';
import { messages } from './messages';

export const organizations: ResourceModule = {
  name: 'organizations',
  area: 'membership',
  // Admins edit their organisation's settings; only a superadmin adds or removes an organisation.
  access: { create: 'SUPERADMIN', edit: 'ADMIN', delete: 'SUPERADMIN' },
  definition: {
    list: OrganizationList,
    show: OrganizationShow,
    ...formViews(OrganizationForm, { create: { record: { defaultLocale: 'en', unitLevels: [] } } }),
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
