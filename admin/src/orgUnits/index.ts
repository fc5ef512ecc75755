import LocationCityIcon from '@mui/icons-material/LocationCity';
import { ADMINS_CHANGE } from '../auth/permissions';
import { formViews, rederiveLatin, type ResourceModule } from '../common';
import { OrgUnitForm } from './OrgUnitForm';
import { OrgUnitList } from './OrgUnitList';
import { OrgUnitShow } from './OrgUnitShow';
import { messages } from './messages';

export const orgUnits: ResourceModule = {
  name: 'orgUnits',
  area: 'membership',
  // Units are organisation settings: everyone reads them, admins change them.
  access: ADMINS_CHANGE,
  definition: {
    list: OrgUnitList,
    show: OrgUnitShow,
    ...formViews(OrgUnitForm, { edit: { transform: rederiveLatin('name') } }),
    icon: LocationCityIcon,
    recordRepresentation: (unit: { name: string }) => unit.name,
  },
  messages,
};
