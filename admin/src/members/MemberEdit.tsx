import { ResourceEdit } from '../common';
import { MemberForm } from './MemberForm';

export function MemberEdit() {
  return (
    <ResourceEdit>
      <MemberForm />
    </ResourceEdit>
  );
}
