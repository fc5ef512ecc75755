import EventIcon from '@mui/icons-material/Event';
import { formViews, type ResourceModule } from '../common';
import { MeetingForm } from './MeetingForm';
import { MeetingList } from './MeetingList';
import { MeetingShow } from './MeetingShow';
import { messages } from './messages';

export const meetings: ResourceModule = {
  name: 'meetings',
  area: 'itcell',
  definition: {
    list: MeetingList,
    show: MeetingShow,
    ...formViews(MeetingForm),
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
