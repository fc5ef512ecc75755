import { Box } from '@mui/material';
import {
  BooleanField,
  CreateButton,
  Labeled,
  NumberField,
  Pagination,
  ReferenceField,
  TextField,
  UrlField,
  useRecordContext,
} from 'react-admin';
import { RecordLayout } from '../audit';
import { EnumField, LocaleDateField, LocaleNumberField, ResourceShow, UnitLevelField, RelatedList } from '../common';

/** Opens the team-member form with this team already chosen. */
function AddMemberButton() {
  const team = useRecordContext();
  if (!team) return null;
  return (
    <Box sx={{ display: 'flex', mt: 1 }}>
      <CreateButton resource="teamMembers" label="resources.socialTeams.addMember" state={{ record: { teamId: team.id } }} />
    </Box>
  );
}

function AddAccountButton() {
  const team = useRecordContext();
  if (!team) return null;
  return (
    <Box sx={{ display: 'flex', mt: 1 }}>
      <CreateButton
        resource="socialAccounts"
        label="resources.socialTeams.addAccount"
        state={{ record: { ownerKind: 'team', ownerTeamId: team.id } }}
      />
    </Box>
  );
}

export function SocialTeamShow() {
  return (
    <ResourceShow>
      <RecordLayout>
        <TextField source="name" />
        <ReferenceField source="unitId" reference="orgUnits" link="show" />
        <UnitLevelField source="unitLevel" />
        <EnumField source="status" enumName="TeamStatus" />
        <LocaleDateField source="formedOn" />
        <NumberField source="currentMembers.total" label="resources.socialTeams.fields.currentMembers" />
        <Labeled label="resources.socialTeams.roles" fullWidth>
          <>
            <RelatedList
              reference="teamMembers"
              target="teamId"
              sort={{ field: 'since', order: 'ASC' }}
              perPage={25}
              pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
              data-testid="team-roles"
            >
              <ReferenceField source="memberId" reference="members" link="show" />
              <EnumField source="role" enumName="TeamRole" />
              <LocaleDateField source="since" />
              <LocaleDateField source="until" />
              <BooleanField source="current" sortable={false} />
            </RelatedList>
            <AddMemberButton />
          </>
        </Labeled>
        <Labeled label="resources.socialTeams.accounts" fullWidth>
          <>
            <RelatedList reference="socialAccounts" target="ownerTeamId" sort={{ field: 'followers', order: 'DESC' }}>
              <EnumField source="platform" enumName="SocialPlatform" />
              <TextField source="handle" />
              <UrlField source="url" target="_blank" rel="noopener" />
              <LocaleNumberField source="followers" />
              <BooleanField source="verified" sortable={false} />
            </RelatedList>
            <AddAccountButton />
          </>
        </Labeled>
      </RecordLayout>
    </ResourceShow>
  );
}
