import { ResourceEdit } from '../common';
import { SocialTeamForm } from './SocialTeamForm';

export function SocialTeamEdit() {
  return (
    <ResourceEdit>
      <SocialTeamForm />
    </ResourceEdit>
  );
}
