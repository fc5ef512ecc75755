import { defineModule } from '@sangathan/common';
import { Assignment } from './assignment.entity';
import { AssignmentResolver } from './assignment.resolver';
import { AssignmentService } from './assignment.service';

export const assignmentModule = defineModule({
  name: 'assignment',
  entities: [Assignment],
  resolvers: [AssignmentResolver],
  services: { assignments: AssignmentService },
});
