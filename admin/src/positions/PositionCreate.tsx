import { ResourceCreate } from '../common';
import { PositionForm } from './PositionForm';

export function PositionCreate() {
  return (
    <ResourceCreate>
      <PositionForm creating />
    </ResourceCreate>
  );
}
