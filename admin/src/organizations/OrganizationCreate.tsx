import { ResourceCreate } from '../common';
import { OrganizationForm } from './OrganizationForm';

export function OrganizationCreate() {
  return (
    <ResourceCreate record={{ defaultLocale: 'en', unitLevels: [] }}>
      <OrganizationForm />
    </ResourceCreate>
  );
}
