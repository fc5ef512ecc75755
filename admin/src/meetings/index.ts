import EventIcon from '@mui/icons-material/Event';
import { MeetingCreate } from './MeetingCreate';
import { MeetingEdit } from './MeetingEdit';
import { MeetingList } from './MeetingList';
import { MeetingShow } from './MeetingShow';

export const meetings = {
  list: MeetingList,
  show: MeetingShow,
  edit: MeetingEdit,
  create: MeetingCreate,
  icon: EventIcon,
  recordRepresentation: (meeting: { title: string }) => meeting.title,
};
