import { Datagrid, ReferenceField, ReferenceManyField, Tab, TabbedShowLayout, TextField } from 'react-admin';
import { EnumField, LocaleDateField, ResourceShow } from '../common';

/** One page, three services: positions (membership), social roles (itcell) and enrolments (training). */
export function MemberShow() {
  return (
    <ResourceShow>
      <TabbedShowLayout>
        <Tab label="resources.members.tabs.profile">
          <TextField source="fullName" />
          <TextField source="fullNameLatin" />
          <TextField source="membershipNumber" />
          <ReferenceField source="unitId" reference="orgUnits" link="show" />
          <TextField source="phone" />
          <TextField source="email" />
          <EnumField source="gender" enumName="Gender" />
          <LocaleDateField source="dateOfBirth" />
          <LocaleDateField source="joinedOn" />
          <EnumField source="status" enumName="MemberStatus" />
          <TextField source="tags" />
        </Tab>
        <Tab label="resources.members.tabs.positions" path="positions">
          <ReferenceManyField reference="positions" target="memberId" label={false}>
            <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>—</p>}>
              <EnumField source="title" enumName="PositionTitle" />
              <TextField source="label" />
              <ReferenceField source="unitId" reference="orgUnits" link="show" />
              <LocaleDateField source="startsOn" />
              <LocaleDateField source="endsOn" />
            </Datagrid>
          </ReferenceManyField>
        </Tab>
        <Tab label="resources.members.tabs.socialRoles" path="social-roles">
          <ReferenceManyField reference="teamMembers" target="memberId" label={false}>
            <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>—</p>}>
              <ReferenceField source="teamId" reference="socialTeams" link="show" />
              <EnumField source="role" enumName="TeamRole" />
              <LocaleDateField source="since" />
              <LocaleDateField source="until" />
            </Datagrid>
          </ReferenceManyField>
        </Tab>
        <Tab label="resources.members.tabs.enrollments" path="enrollments">
          <ReferenceManyField reference="enrollments" target="memberId" label={false}>
            <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>—</p>}>
              <ReferenceField source="campId" reference="camps" link="show" />
              <EnumField source="status" enumName="EnrollmentStatus" />
              <LocaleDateField source="completedOn" />
            </Datagrid>
          </ReferenceManyField>
        </Tab>
      </TabbedShowLayout>
    </ResourceShow>
  );
}
