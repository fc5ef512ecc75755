import { ArrayField, Datagrid, Labeled, ReferenceArrayField, ReferenceField, SingleFieldList, TextField, ChipField } from 'react-admin';
import { RecordLayout } from '../audit';
import { EnumField, LocaleDateField, LocaleNumberField, ResourceShow } from '../common';
import { MeetingAttendees } from './MeetingAttendees';

export function MeetingShow() {
  return (
    <ResourceShow>
      <RecordLayout>
        <TextField source="title" />
        <EnumField source="kind" enumName="MeetingKind" />
        <LocaleDateField source="startsAt" showTime options={{ dateStyle: 'full', timeStyle: 'short' }} />
        <ReferenceField source="unitId" reference="orgUnits" link="show" />
        <TextField source="venue" />
        <ReferenceField source="chairId" reference="members" link="show" />
        <ArrayField source="sessions">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<p>—</p>}>
            <TextField source="title" label="resources.meetings.fields.sessionTitle" />
            <ReferenceArrayField source="speakerIds" reference="members" label="resources.meetings.fields.speakerIds">
              <SingleFieldList linkType="show">
                <ChipField source="fullName" size="small" />
              </SingleFieldList>
            </ReferenceArrayField>
          </Datagrid>
        </ArrayField>
        <TextField source="minutes" sx={{ whiteSpace: 'pre-wrap' }} />
        <LocaleNumberField source="attendeeCount" />
        <Labeled label="resources.meetings.attendance.title" fullWidth>
          <MeetingAttendees />
        </Labeled>
      </RecordLayout>
    </ResourceShow>
  );
}
