import {
  buildModuleSchema,
  createServiceDataSource,
  entitiesOf,
  startService,
  unitCopyTablesOf,
  type QueryLog,
  type StartServiceOptions,
} from '@sangathan/common';
import type { DataSource } from 'typeorm';
import { ITCELL_SERVICE, MODULES } from './definition';

export { type ItcellContext, type ItcellServices } from './context';
export { loadConfig, SERVICE_NAME } from './config';
export { ITCELL_SERVICE, MIGRATIONS, MODULES } from './definition';
export { seedItcell, type ItcellSeedSummary } from './seed/seed';

export const ENTITIES = entitiesOf(MODULES);

/** Tables holding copies of unit ancestry, rewritten when membership reports a unit change. */
export const UNIT_COPY_TABLES = unitCopyTablesOf(MODULES);

export function createItcellDataSource(url: string, queryLog?: QueryLog): DataSource {
  return createServiceDataSource(ITCELL_SERVICE, url, queryLog);
}

/** The itcell subgraph schema; needs no database, so composition can build it offline. */
export function buildItcellSchema() {
  return buildModuleSchema(MODULES);
}

/** Serves the itcell subgraph over an initialised DataSource (migrations already run), asking membership at `membershipUrl`. */
export function startItcellService(options: StartServiceOptions & { membershipUrl: string }) {
  return startService(ITCELL_SERVICE, options);
}
