import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import { formViews, type ResourceModule } from '../common';
import { FieldVisitForm } from './FieldVisitForm';
import { FieldVisitList } from './FieldVisitList';
import { FieldVisitShow } from './FieldVisitShow';
import { messages } from './messages';

interface FieldVisitRecord {
  visitedOn: string;
  cadre?: { fullName: string };
  unit?: { name: string };
}

export const fieldVisits: ResourceModule = {
  name: 'fieldVisits',
  area: 'membership',
  definition: {
    list: FieldVisitList,
    show: FieldVisitShow,
    ...formViews(FieldVisitForm),
    icon: DirectionsWalkIcon,
    // "2020-01-22 · Trần Minh Hằng → Lâm Thao" (cadre and unit come from data.extraFields).
    recordRepresentation: (visit: FieldVisitRecord) =>
      [visit.visitedOn, visit.cadre && visit.unit ? `${visit.cadre.fullName} → ${visit.unit.name}` : null].filter(Boolean).join(' · '),
  },
  data: { extraFields: 'cadre { id fullName } unit { id name }' },
  messages,
};
