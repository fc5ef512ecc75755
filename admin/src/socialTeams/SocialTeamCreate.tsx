import { ResourceCreate } from '../common';
import { SocialTeamForm } from './SocialTeamForm';

export function SocialTeamCreate() {
  return (
    <ResourceCreate>
      <SocialTeamForm creating />
    </ResourceCreate>
  );
}
