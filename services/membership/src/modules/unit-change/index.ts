import { defineModule } from '@sangathan/common';
import { UnitChange } from './unit-change.entity';
import { UnitChangeResolver } from './unit-change.resolver';

/** The feed of unit moves and level changes that itcell and training follow; written by OrgUnitService. */
export const unitChangeModule = defineModule({
  name: 'unit-change',
  entities: [UnitChange],
  resolvers: [UnitChangeResolver],
  // The whole feed, for the followers in itcell and training only.
  access: { unitChanges: 'service' },
});
