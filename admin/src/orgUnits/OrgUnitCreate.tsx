import { ResourceCreate } from '../common';
import { OrgUnitForm } from './OrgUnitForm';

export function OrgUnitCreate() {
  return (
    <ResourceCreate>
      <OrgUnitForm creating />
    </ResourceCreate>
  );
}
