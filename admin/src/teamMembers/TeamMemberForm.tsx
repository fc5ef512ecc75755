import { useWatch } from 'react-hook-form';
import { DateInput, Labeled, ReferenceField, required, useGetOne } from 'react-admin';
import { EnumInput, MemberInput, ResourceForm } from '../common';
import { TeamInput } from './TeamInput';

/** Members of the chosen team's organisation only: the API accepts no one else. */
function TeamMemberPicker() {
  const teamId = useWatch({ name: 'teamId' });
  const { data: team } = useGetOne('socialTeams', { id: teamId }, { enabled: !!teamId });
  return <MemberInput source="memberId" validate={required()} filter={team ? { organizationId: team.organizationId } : undefined} />;
}

/** Create picks the team and the member; afterwards only the role and its dates change (as in the API). */
export function TeamMemberForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating ? (
        <TeamInput source="teamId" validate={required()} />
      ) : (
        <Labeled source="teamId">
          <ReferenceField source="teamId" reference="socialTeams" link="show" />
        </Labeled>
      )}
      {creating ? (
        <TeamMemberPicker />
      ) : (
        <Labeled source="memberId">
          <ReferenceField source="memberId" reference="members" link="show" />
        </Labeled>
      )}
      <EnumInput source="role" enumName="TeamRole" validate={required()} />
      <DateInput source="since" />
      <DateInput source="until" helperText="resources.teamMembers.untilHelp" />
    </ResourceForm>
  );
}
