import { ResourceEdit } from '../common';
import { PositionForm } from './PositionForm';

export function PositionEdit() {
  return (
    <ResourceEdit>
      <PositionForm />
    </ResourceEdit>
  );
}
