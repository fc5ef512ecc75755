import { defineModule, loadReference } from '@sangathan/common';
import { Camp } from './camp.entity';
import { CampResolver } from './camp.resolver';
import { CampService } from './camp.service';

export const campModule = defineModule({
  name: 'camp',
  entities: [Camp],
  resolvers: [CampResolver],
  references: { Camp: loadReference('camps') },
  services: { camps: CampService },
  unitCopyTables: [{ table: 'camp', unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' }],
});
