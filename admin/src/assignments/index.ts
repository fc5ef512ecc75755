import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { formViews, type ResourceModule } from '../common';
import { AssignmentForm } from './AssignmentForm';
import { AssignmentList } from './AssignmentList';
import { AssignmentShow } from './AssignmentShow';
import { messages } from './messages';

interface AssignmentRecord {
  startsOn: string;
  cadre?: { fullName: string };
  unit?: { name: string };
}

export const assignments: ResourceModule = {
  name: 'assignments',
  area: 'membership',
  definition: {
    list: AssignmentList,
    show: AssignmentShow,
    ...formViews(AssignmentForm),
    icon: AssignmentIndIcon,
    // "Dương Kim Ngọc → Thành phố Việt Trì" (cadre and unit come from data.extraFields).
    recordRepresentation: (assignment: AssignmentRecord) =>
      assignment.cadre && assignment.unit ? `${assignment.cadre.fullName} → ${assignment.unit.name}` : assignment.startsOn,
  },
  data: { extraFields: 'cadre { id fullName } unit { id name }' },
  messages,
};
