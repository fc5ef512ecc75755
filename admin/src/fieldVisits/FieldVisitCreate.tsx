import { ResourceCreate } from '../common';
import { FieldVisitForm } from './FieldVisitForm';

export function FieldVisitCreate() {
  return (
    <ResourceCreate>
      <FieldVisitForm creating />
    </ResourceCreate>
  );
}
