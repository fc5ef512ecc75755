import { ResourceEdit } from '../common';
import { TrainerTeamForm } from './TrainerTeamForm';

export function TrainerTeamEdit() {
  return (
    <ResourceEdit>
      <TrainerTeamForm />
    </ResourceEdit>
  );
}
