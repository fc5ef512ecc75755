import { defineModule } from '@sangathan/common';
import { DuplicateCandidate } from './duplicate-candidate.entity';
import { DuplicateRun } from './duplicate-run.entity';
import { DuplicateResolver } from './duplicate.resolver';
import { DuplicateService } from './duplicate.service';

export const duplicateModule = defineModule({
  name: 'duplicate',
  entities: [DuplicateCandidate, DuplicateRun],
  resolvers: [DuplicateResolver],
  services: { duplicates: DuplicateService },
});
