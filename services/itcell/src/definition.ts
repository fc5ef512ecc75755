import type { DependentServiceDefinition } from '@sangathan/common';
import { createItcellDataSource } from './data-source';
import { UNIT_COPY_TABLES } from './entities';
import { startItcellService } from './service';

/** How the itcell process and its tests start the service. */
export const ITCELL_SERVICE: DependentServiceDefinition = {
  name: 'itcell',
  createDataSource: createItcellDataSource,
  start: startItcellService,
  unitCopyTables: UNIT_COPY_TABLES,
};
