import { ResourceCreate } from '../common';
import { TrainerTeamForm } from './TrainerTeamForm';

export function TrainerTeamCreate() {
  return (
    <ResourceCreate>
      <TrainerTeamForm creating />
    </ResourceCreate>
  );
}
