import { ResourceEdit } from '../common';
import { FieldVisitForm } from './FieldVisitForm';

export function FieldVisitEdit() {
  return (
    <ResourceEdit>
      <FieldVisitForm />
    </ResourceEdit>
  );
}
