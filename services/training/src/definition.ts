import type { DependentServiceDefinition } from '@sangathan/common';
import { createTrainingDataSource } from './data-source';
import { UNIT_COPY_TABLES } from './entities';
import { startTrainingService } from './service';

/** How the training process and its tests start the service. */
export const TRAINING_SERVICE: DependentServiceDefinition = {
  name: 'training',
  createDataSource: createTrainingDataSource,
  start: startTrainingService,
  unitCopyTables: UNIT_COPY_TABLES,
};
