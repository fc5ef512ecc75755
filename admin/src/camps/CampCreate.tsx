import { ResourceCreate } from '../common';
import { CampForm } from './CampForm';

export function CampCreate() {
  return (
    <ResourceCreate>
      <CampForm creating />
    </ResourceCreate>
  );
}
