import { defineModule } from '@sangathan/common';
import { FieldVisit } from './field-visit.entity';
import { FieldVisitResolver } from './field-visit.resolver';
import { FieldVisitService } from './field-visit.service';

export const fieldVisitModule = defineModule({
  name: 'field-visit',
  entities: [FieldVisit],
  resolvers: [FieldVisitResolver],
  services: { fieldVisits: FieldVisitService },
});
