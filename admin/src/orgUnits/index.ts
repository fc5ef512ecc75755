import LocationCityIcon from '@mui/icons-material/LocationCity';
import { formViews, rederiveLatin, type ResourceModule } from '../common';
import { OrgUnitForm } from './OrgUnitForm';
import { OrgUnitList } from './OrgUnitList';
import { OrgUnitShow } from './OrgUnitShow';
import { messages } from './messages';

export const orgUnits: ResourceModule = {
  name: 'orgUnits',
  area: 'membership',
  definition: {
    list: OrgUnitList,
    show: OrgUnitShow,
    ...formViews(OrgUnitForm, { edit: { transform: rederiveLatin('name') } }),
    icon: LocationCityIcon,
    recordRepresentation: (unit: { name: string }) => unit.name,
  },
  messages,
};
