import { ResourceCreate } from '../common';
import { EnrollmentForm, enrollmentTransform } from './EnrollmentForm';

export function EnrollmentCreate() {
  return (
    <ResourceCreate transform={enrollmentTransform}>
      <EnrollmentForm creating />
    </ResourceCreate>
  );
}
