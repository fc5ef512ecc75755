import { ResourceCreate } from '../common';
import { OutreachDriveForm } from './OutreachDriveForm';

export function OutreachDriveCreate() {
  return (
    <ResourceCreate>
      <OutreachDriveForm />
    </ResourceCreate>
  );
}
