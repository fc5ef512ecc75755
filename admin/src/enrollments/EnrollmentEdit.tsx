import { ResourceEdit } from '../common';
import { EnrollmentForm, enrollmentTransform } from './EnrollmentForm';

export function EnrollmentEdit() {
  return (
    <ResourceEdit transform={enrollmentTransform}>
      <EnrollmentForm />
    </ResourceEdit>
  );
}
