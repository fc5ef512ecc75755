import { defineModule, loadReference } from '@sangathan/common';
import { unitRecordTable } from '../../itcell-record-service';
import { Meeting, MeetingAttendee } from './meeting.entity';
import { MeetingResolver, MeetingSessionResolver } from './meeting.resolver';
import { MeetingService } from './meeting.service';

export const meetingModule = defineModule({
  name: 'meeting',
  entities: [Meeting, MeetingAttendee],
  resolvers: [MeetingResolver, MeetingSessionResolver],
  references: { Meeting: loadReference('meetings') },
  services: { meetings: MeetingService },
  unitCopyTables: [unitRecordTable('meeting')],
});
