import LocationCityIcon from '@mui/icons-material/LocationCity';
import { OrgUnitCreate } from './OrgUnitCreate';
import { OrgUnitEdit } from './OrgUnitEdit';
import { OrgUnitList } from './OrgUnitList';
import { OrgUnitShow } from './OrgUnitShow';

export const orgUnits = {
  list: OrgUnitList,
  show: OrgUnitShow,
  edit: OrgUnitEdit,
  create: OrgUnitCreate,
  icon: LocationCityIcon,
  recordRepresentation: (unit: { name: string }) => unit.name,
};
