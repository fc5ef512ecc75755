import { ResourceEdit } from '../common';
import { MeetingForm } from './MeetingForm';

export function MeetingEdit() {
  return (
    <ResourceEdit>
      <MeetingForm />
    </ResourceEdit>
  );
}
