import { ResourceCreate } from '../common';
import { AssignmentForm } from './AssignmentForm';

export function AssignmentCreate() {
  return (
    <ResourceCreate>
      <AssignmentForm creating />
    </ResourceCreate>
  );
}
