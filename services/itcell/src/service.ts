import { MembershipClient, startGraphQLServer, type Logger, type RunningServer } from '@sangathan/common';
import type { DataSource } from 'typeorm';
import { createContext, type ItcellContext } from './context';
import { buildItcellSchema } from './schema';

export { createContext, createServices, type ItcellContext, type ItcellServices } from './context';
export { loadConfig, SERVICE_NAME } from './config';
export { createItcellDataSource } from './data-source';
export { ENTITIES, MIGRATIONS, UNIT_COPY_TABLES } from './entities';
export { buildItcellSchema } from './schema';
export { seedItcell, type ItcellSeedSummary } from './seed/seed';

/** Serves the itcell subgraph over an initialised DataSource (migrations already run). */
export async function startItcellService(options: {
  dataSource: DataSource;
  port: number;
  logger: Logger;
  membershipUrl: string;
}): Promise<RunningServer> {
  const schema = await buildItcellSchema();
  const membership = new MembershipClient(options.membershipUrl);
  return startGraphQLServer<ItcellContext>({
    schema,
    port: options.port,
    logger: options.logger,
    context: async () => createContext(options.dataSource, membership),
    ready: async () => {
      await options.dataSource.query('SELECT 1');
    },
  });
}
