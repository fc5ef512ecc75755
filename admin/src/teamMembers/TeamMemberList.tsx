import { BooleanField, NullableBooleanInput, ReferenceField, useTranslate } from 'react-admin';
import { EnumArrayInput, EnumField, LocaleDateField, MemberInput, ResourceList, withinUnitFilter } from '../common';
import { TeamInput } from './TeamInput';

const filters = [
  withinUnitFilter,
  <TeamInput key="teamId" source="teamId" alwaysOn />,
  <EnumArrayInput key="roles" source="roles" enumName="TeamRole" />,
  <MemberInput key="memberId" source="memberId" />,
  <NullableBooleanInput key="current" source="current" />,
];

export function TeamMemberList() {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'since', order: 'DESC' }}
      primaryText={(role) => role.member?.fullName}
      secondaryText={(role) => `${translate(`enums.TeamRole.${role.role}`)} · ${role.team?.name ?? ''}`}
    >
      <ReferenceField source="memberId" reference="members" link="show" sortable={false} />
      <ReferenceField source="teamId" reference="socialTeams" link="show" sortable={false} />
      <EnumField source="role" enumName="TeamRole" />
      <LocaleDateField source="since" />
      <LocaleDateField source="until" />
      <BooleanField source="current" sortable={false} />
    </ResourceList>
  );
}
