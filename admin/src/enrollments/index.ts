import HowToRegIcon from '@mui/icons-material/HowToReg';
import { EnrollmentCreate } from './EnrollmentCreate';
import { EnrollmentEdit } from './EnrollmentEdit';
import { EnrollmentList } from './EnrollmentList';
import { EnrollmentShow } from './EnrollmentShow';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

/** "राम प्रकाश सोनकर · जिला पार्टी कार्यालय, मेरठ" (member and camp come with the record: data below). */
export const enrollmentRepresentation = (enrollment: { member?: { fullName: string }; camp?: { venue: string }; id?: string }) =>
  enrollment?.member ? `${enrollment.member.fullName} · ${enrollment.camp?.venue ?? ''}` : String(enrollment?.id ?? '');

export const enrollments: ResourceModule = {
  name: 'enrollments',
  area: 'training',
  definition: {
    list: EnrollmentList,
    show: EnrollmentShow,
    edit: EnrollmentEdit,
    create: EnrollmentCreate,
    icon: HowToRegIcon,
    recordRepresentation: enrollmentRepresentation,
  },
  data: { extraFields: 'member { id fullName fullNameLatin membershipNumber } camp { id venue startsOn }' },
  messages,
};
