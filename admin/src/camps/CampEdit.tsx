import { ResourceEdit } from '../common';
import { CampForm } from './CampForm';

export function CampEdit() {
  return (
    <ResourceEdit>
      <CampForm />
    </ResourceEdit>
  );
}
