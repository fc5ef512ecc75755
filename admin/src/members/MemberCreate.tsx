import { ResourceCreate } from '../common';
import { MemberForm } from './MemberForm';

export function MemberCreate() {
  return (
    <ResourceCreate>
      <MemberForm creating />
    </ResourceCreate>
  );
}
