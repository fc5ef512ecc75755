import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { AssignmentCreate } from './AssignmentCreate';
import { AssignmentEdit } from './AssignmentEdit';
import { AssignmentList } from './AssignmentList';
import { AssignmentShow } from './AssignmentShow';
import type { ResourceModule } from '../common/resource';
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
    edit: AssignmentEdit,
    create: AssignmentCreate,
    icon: AssignmentIndIcon,
    // "Dương Kim Ngọc → Thành phố Việt Trì" (cadre and unit come from data.extraFields).
    recordRepresentation: (assignment: AssignmentRecord) =>
      assignment.cadre && assignment.unit ? `${assignment.cadre.fullName} → ${assignment.unit.name}` : assignment.startsOn,
  },
  data: { extraFields: 'cadre { id fullName } unit { id name }' },
  messages,
};
