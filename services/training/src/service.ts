import {
  DataScope,
  NO_REQUEST,
  serviceIdentity,
  buildModuleSchema,
  createServiceDataSource,
  createServices as createModuleServices,
  entitiesOf,
  MembershipLookups,
  startService,
  unitCopyTablesOf,
  type MembershipClient,
  type QueryLog,
  type StartServiceOptions,
} from '@sangathan/common';
import type { DataSource } from 'typeorm';
import type { TrainingContext, TrainingServices } from './context';
import { MODULES, TRAINING_SERVICE } from './definition';

export { type TrainingContext, type TrainingServices } from './context';
export { loadConfig, SERVICE_NAME } from './config';
export { MIGRATIONS, MODULES, TRAINING_SERVICE } from './definition';
export { seedTraining, type TrainingSeedSummary } from './seed/seed';

export const ENTITIES = entitiesOf(MODULES);

/** Tables holding copies of unit ancestry, rewritten when membership reports a unit change. */
export const UNIT_COPY_TABLES = unitCopyTablesOf(MODULES);

export function createTrainingDataSource(url: string, queryLog?: QueryLog): DataSource {
  return createServiceDataSource(TRAINING_SERVICE, url, queryLog);
}

/** The training subgraph schema; needs no database, so composition can build it offline. */
export function buildTrainingSchema() {
  return buildModuleSchema(MODULES);
}

/** Serves the training subgraph over an initialised DataSource (migrations already run). */
export function startTrainingService(options: StartServiceOptions & { membershipUrl: string }) {
  return startService(TRAINING_SERVICE, options);
}

/** One request's services outside a request (scripts, tests), asking the given membership service. */
export function createServices(dataSource: DataSource, membershipClient: MembershipClient): TrainingServices {
  const identity = serviceIdentity('training');
  return createModuleServices<TrainingServices>(
    MODULES,
    { dataSource, identity, request: NO_REQUEST },
    { membership: new MembershipLookups(membershipClient, new DataScope(identity)) },
  );
}

export function createContext(dataSource: DataSource, membershipClient: MembershipClient): TrainingContext {
  return { services: createServices(dataSource, membershipClient) };
}
