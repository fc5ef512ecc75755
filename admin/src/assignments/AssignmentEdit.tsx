import { ResourceEdit } from '../common';
import { AssignmentForm } from './AssignmentForm';

export function AssignmentEdit() {
  return (
    <ResourceEdit>
      <AssignmentForm />
    </ResourceEdit>
  );
}
