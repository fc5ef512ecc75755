import EventIcon from '@mui/icons-material/Event';
import { MeetingCreate } from './MeetingCreate';
import { MeetingEdit } from './MeetingEdit';
import { MeetingList } from './MeetingList';
import { MeetingShow } from './MeetingShow';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const meetings: ResourceModule = {
  name: 'meetings',
  area: 'itcell',
  definition: {
    list: MeetingList,
    show: MeetingShow,
    edit: MeetingEdit,
    create: MeetingCreate,
    icon: EventIcon,
    recordRepresentation: (meeting: { title: string }) => meeting.title,
  },
  data: {
    extraFields: 'sessions { title speakerIds }',
    // Sessions come back with __typename; the input takes only title and speakerIds.
    toInput: (data) => ({
      ...data,
      sessions: data.sessions?.map((session: { title: string; speakerIds?: string[] }) => ({
        title: session.title,
        speakerIds: session.speakerIds ?? [],
      })),
    }),
  },
  messages,
};
