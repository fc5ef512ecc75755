import HowToRegIcon from '@mui/icons-material/HowToReg';
import { EnrollmentCreate } from './EnrollmentCreate';
import { EnrollmentEdit } from './EnrollmentEdit';
import { EnrollmentList } from './EnrollmentList';
import { EnrollmentShow } from './EnrollmentShow';

/** "राम प्रकाश सोनकर · जिला पार्टी कार्यालय, मेरठ" (member and camp come with the record: resourceOverrides.enrollments). */
export const enrollmentRepresentation = (enrollment: { member?: { fullName: string }; camp?: { venue: string }; id?: string }) =>
  enrollment?.member ? `${enrollment.member.fullName} · ${enrollment.camp?.venue ?? ''}` : String(enrollment?.id ?? '');

export const enrollments = {
  list: EnrollmentList,
  show: EnrollmentShow,
  edit: EnrollmentEdit,
  create: EnrollmentCreate,
  icon: HowToRegIcon,
  recordRepresentation: enrollmentRepresentation,
};
