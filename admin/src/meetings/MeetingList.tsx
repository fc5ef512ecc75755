import { DateTimeInput, ReferenceField, TextField, useTranslate } from 'react-admin';
import {
  EnumArrayInput,
  EnumField,
  LocaleDateField,
  LocaleNumberField,
  MemberInput,
  ResourceList,
  UnitInput,
  searchFilter,
  withinUnitFilter,
  LevelsFilterInput,
} from '../common';
import { parseLocalDateTime } from './dateTime';

const filters = [
  searchFilter,
  withinUnitFilter,
  <EnumArrayInput key="kinds" source="kinds" enumName="MeetingKind" />,
  <LevelsFilterInput key="unitLevels" source="unitLevels" />,
  <UnitInput key="unitId" source="unitId" />,
  <DateTimeInput key="from" source="from" parse={parseLocalDateTime} />,
  <DateTimeInput key="to" source="to" parse={parseLocalDateTime} />,
  <MemberInput key="chairId" source="chairId" />,
  <MemberInput key="attendeeId" source="attendeeId" />,
  <MemberInput key="speakerId" source="speakerId" />,
];

export function MeetingList() {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'startsAt', order: 'DESC' }}
      primaryText={(meeting) => meeting.title}
      secondaryText={(meeting) => `${translate(`enums.MeetingKind.${meeting.kind}`)} · ${new Date(meeting.startsAt).toLocaleDateString()}`}
    >
      <TextField source="title" />
      <EnumField source="kind" enumName="MeetingKind" />
      <LocaleDateField source="startsAt" showTime options={{ dateStyle: 'medium', timeStyle: 'short' }} />
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <TextField source="venue" sortable={false} />
      <ReferenceField source="chairId" reference="members" link="show" sortable={false} />
      <LocaleNumberField source="attendeeCount" />
    </ResourceList>
  );
}
