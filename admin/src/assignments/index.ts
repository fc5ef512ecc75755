import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { AssignmentCreate } from './AssignmentCreate';
import { AssignmentEdit } from './AssignmentEdit';
import { AssignmentList } from './AssignmentList';
import { AssignmentShow } from './AssignmentShow';

interface AssignmentRecord {
  startsOn: string;
  cadre?: { fullName: string };
  unit?: { name: string };
}

export const assignments = {
  list: AssignmentList,
  show: AssignmentShow,
  edit: AssignmentEdit,
  create: AssignmentCreate,
  icon: AssignmentIndIcon,
  // "Dương Kim Ngọc → Thành phố Việt Trì" (cadre and unit come from resourceOverrides' extraFields).
  recordRepresentation: (assignment: AssignmentRecord) =>
    assignment.cadre && assignment.unit ? `${assignment.cadre.fullName} → ${assignment.unit.name}` : assignment.startsOn,
};
