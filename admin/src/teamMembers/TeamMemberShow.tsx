import { BooleanField, ReferenceField, SimpleShowLayout } from 'react-admin';
import { EnumField, LocaleDateField, ResourceShow } from '../common';

export function TeamMemberShow() {
  return (
    <ResourceShow>
      <SimpleShowLayout>
        <ReferenceField source="memberId" reference="members" link="show" />
        <ReferenceField source="teamId" reference="socialTeams" link="show" />
        <EnumField source="role" enumName="TeamRole" />
        <LocaleDateField source="since" />
        <LocaleDateField source="until" />
        <BooleanField source="current" />
      </SimpleShowLayout>
    </ResourceShow>
  );
}
