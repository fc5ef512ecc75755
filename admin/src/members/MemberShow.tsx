import { Typography } from '@mui/material';
import { BooleanField, Labeled, NumberField, Pagination, ReferenceField, Tab, TextArrayField, TextField, useTranslate } from 'react-admin';
import { RecordTabs } from '../audit';
import { EnumField, LocaleDateField, ResourceShow, RelatedList } from '../common';
import { usePersonalData } from '../auth/hooks';
import { AssignmentsGrid, FieldVisitsGrid } from '../fieldVisits/FieldWorkGrids';

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
      {translate('resources.members.empty')}
    </Typography>
  );
};

/**
 * One page, three services: positions (membership), social roles (itcell) and enrolments (training),
 * plus a cadre's supervision assignments and field visits (membership).
 */
export function MemberShow() {
  const personal = usePersonalData();
  return (
    <ResourceShow>
      <RecordTabs>
        <Tab label="resources.members.tabs.profile">
          <TextField source="fullName" />
          <TextField source="fullNameLatin" />
          <TextField source="membershipNumber" />
          <ReferenceField source="organizationId" reference="organizations" link="show" />
          <ReferenceField source="unitId" reference="orgUnits" link="show" />
          {personal && <TextField source="phone" emptyText="—" />}
          {personal && <TextField source="email" emptyText="—" />}
          <EnumField source="gender" enumName="Gender" />
          {personal && <LocaleDateField source="dateOfBirth" emptyText="—" />}
          <LocaleDateField source="joinedOn" />
          <EnumField source="status" enumName="MemberStatus" />
          <TextArrayField source="tags" />
        </Tab>
        <Tab label="resources.members.tabs.positions" path="positions">
          <RelatedList reference="positions" target="memberId" label={false} sort={{ field: 'startsOn', order: 'DESC' }} empty={<Empty />}>
            <EnumField source="title" enumName="PositionTitle" />
            <TextField source="label" sortable={false} />
            <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
            <LocaleDateField source="startsOn" />
            <LocaleDateField source="endsOn" />
            <BooleanField source="active" sortable={false} />
          </RelatedList>
        </Tab>
        <Tab label="resources.members.tabs.socialRoles" path="social-roles">
          <RelatedList reference="teamMembers" target="memberId" label={false} sort={{ field: 'since', order: 'DESC' }} empty={<Empty />}>
            <ReferenceField source="teamId" reference="socialTeams" link="show" sortable={false} />
            <EnumField source="role" enumName="TeamRole" />
            <LocaleDateField source="since" />
            <LocaleDateField source="until" />
            <BooleanField source="current" sortable={false} />
          </RelatedList>
        </Tab>
        <Tab label="resources.members.tabs.enrollments" path="enrollments">
          <NumberField source="trainingsCompleted" emptyText="sangathan.unavailable.notAvailable" />
          <RelatedList reference="enrollments" target="memberId" label={false} pagination={<Pagination />} empty={<Empty />}>
            <ReferenceField source="campId" reference="camps" link="show" sortable={false}>
              <TextField source="venue" />
            </ReferenceField>
            <ReferenceField source="campId" reference="camps" link={false} sortable={false} label="resources.members.fields.campStartsOn">
              <LocaleDateField source="startsOn" />
            </ReferenceField>
            <EnumField source="status" enumName="EnrollmentStatus" />
            <LocaleDateField source="completedOn" />
          </RelatedList>
        </Tab>
        <Tab label="resources.members.tabs.fieldWork" path="field-work">
          <Labeled label="resources.members.sections.assignments" fullWidth>
            <AssignmentsGrid of="cadre" empty={<Empty />} />
          </Labeled>
          <Labeled label="resources.members.sections.fieldVisits" fullWidth>
            <FieldVisitsGrid of="cadre" empty={<Empty />} />
          </Labeled>
        </Tab>
      </RecordTabs>
    </ResourceShow>
  );
}
