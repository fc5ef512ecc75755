import { useLocation } from 'react-router-dom';
import { ResourceCreate } from '../common';
import { TeamMemberForm } from './TeamMemberForm';

/** Opened from a team's page (with the team prefilled), it goes back to that team after saving. */
export function TeamMemberCreate() {
  const location = useLocation();
  const fromTeam = (location.state as { record?: { teamId?: string } } | null)?.record?.teamId;
  return (
    <ResourceCreate redirect={fromTeam ? (_resource, _id, data) => `socialTeams/${data?.teamId ?? fromTeam}/show` : 'show'}>
      <TeamMemberForm creating />
    </ResourceCreate>
  );
}
