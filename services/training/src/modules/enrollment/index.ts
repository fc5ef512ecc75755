import { defineModule } from '@sangathan/common';
import { Enrollment } from './enrollment.entity';
import { EnrollmentResolver } from './enrollment.resolver';
import { EnrollmentService } from './enrollment.service';

export const enrollmentModule = defineModule({
  name: 'enrollment',
  entities: [Enrollment],
  resolvers: [EnrollmentResolver],
  services: { enrollments: EnrollmentService },
});
