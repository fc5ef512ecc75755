import { ResourceEdit } from '../common';
import { OutreachDriveForm } from './OutreachDriveForm';

export function OutreachDriveEdit() {
  return (
    <ResourceEdit>
      <OutreachDriveForm />
    </ResourceEdit>
  );
}
