import { ResourceEdit } from '../common';
import { OrganizationForm } from './OrganizationForm';

export function OrganizationEdit() {
  return (
    <ResourceEdit>
      <OrganizationForm />
    </ResourceEdit>
  );
}
