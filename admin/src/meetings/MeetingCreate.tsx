import { ResourceCreate } from '../common';
import { MeetingForm } from './MeetingForm';

export function MeetingCreate() {
  return (
    <ResourceCreate>
      <MeetingForm creating />
    </ResourceCreate>
  );
}
