import { BooleanField, ReferenceField } from 'react-admin';
import { RecordLayout } from '../audit';
import { EnumField, LocaleDateField, ResourceShow } from '../common';

export function TeamMemberShow() {
  return (
    <ResourceShow>
      <RecordLayout>
        <ReferenceField source="memberId" reference="members" link="show" />
        <ReferenceField source="teamId" reference="socialTeams" link="show" />
        <EnumField source="role" enumName="TeamRole" />
        <LocaleDateField source="since" />
        <LocaleDateField source="until" />
        <BooleanField source="current" />
      </RecordLayout>
    </ResourceShow>
  );
}
