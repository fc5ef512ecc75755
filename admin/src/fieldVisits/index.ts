import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import { FieldVisitCreate } from './FieldVisitCreate';
import { FieldVisitEdit } from './FieldVisitEdit';
import { FieldVisitList } from './FieldVisitList';
import { FieldVisitShow } from './FieldVisitShow';

interface FieldVisitRecord {
  visitedOn: string;
  cadre?: { fullName: string };
  unit?: { name: string };
}

export const fieldVisits = {
  list: FieldVisitList,
  show: FieldVisitShow,
  edit: FieldVisitEdit,
  create: FieldVisitCreate,
  icon: DirectionsWalkIcon,
  // "2020-01-22 · Trần Minh Hằng → Lâm Thao" (cadre and unit come from resourceOverrides' extraFields).
  recordRepresentation: (visit: FieldVisitRecord) =>
    [visit.visitedOn, visit.cadre && visit.unit ? `${visit.cadre.fullName} → ${visit.unit.name}` : null].filter(Boolean).join(' · '),
};
