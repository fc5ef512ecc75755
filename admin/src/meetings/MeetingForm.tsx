import { ArrayInput, DateTimeInput, SimpleFormIterator, TextInput, required } from 'react-admin';
import { EnumInput, MemberInput, MembersInput, ResourceForm, UnitInput } from '../common';
import { parseLocalDateTime } from './dateTime';

/**
 * Attendance is given here only when creating: afterwards the API changes it with add/removeMeetingAttendees,
 * which the meeting's page offers.
 */
export function MeetingForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      <EnumInput source="kind" enumName="MeetingKind" validate={required()} />
      <TextInput source="title" validate={required()} fullWidth />
      <UnitInput source="unitId" validate={required()} />
      <DateTimeInput source="startsAt" validate={required()} parse={parseLocalDateTime} />
      <TextInput source="venue" />
      <MemberInput source="chairId" />
      <ArrayInput source="sessions">
        <SimpleFormIterator inline>
          <TextInput source="title" label="resources.meetings.fields.sessionTitle" validate={required()} />
          <MembersInput source="speakerIds" label="resources.meetings.fields.speakerIds" />
        </SimpleFormIterator>
      </ArrayInput>
      {creating && <MembersInput source="attendeeIds" />}
      <TextInput source="minutes" multiline minRows={3} fullWidth />
    </ResourceForm>
  );
}
