import LocationCityIcon from '@mui/icons-material/LocationCity';
import { OrgUnitCreate } from './OrgUnitCreate';
import { OrgUnitEdit } from './OrgUnitEdit';
import { OrgUnitList } from './OrgUnitList';
import { OrgUnitShow } from './OrgUnitShow';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const orgUnits: ResourceModule = {
  name: 'orgUnits',
  area: 'membership',
  definition: {
    list: OrgUnitList,
    show: OrgUnitShow,
    edit: OrgUnitEdit,
    create: OrgUnitCreate,
    icon: LocationCityIcon,
    recordRepresentation: (unit: { name: string }) => unit.name,
  },
  messages,
};
