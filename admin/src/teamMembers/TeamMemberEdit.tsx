import { ResourceEdit } from '../common';
import { TeamMemberForm } from './TeamMemberForm';

export function TeamMemberEdit() {
  return (
    <ResourceEdit>
      <TeamMemberForm />
    </ResourceEdit>
  );
}
