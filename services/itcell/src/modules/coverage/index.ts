import { defineModule } from '@sangathan/common';
import { CoverageService } from './coverage.service';

/** Team coverage below a unit (served as OrgUnit.itCoverage by the federation module). */
export const coverageModule = defineModule({
  name: 'coverage',
  services: { coverage: CoverageService },
});
