import { startGraphQLServer, type Logger, type RunningServer } from '@sangathan/common';
import type { DataSource } from 'typeorm';
import { createContext, type MembershipContext } from './context';
import { buildMembershipSchema } from './schema';

export { createContext, createServices, type MembershipContext, type MembershipServices } from './context';
export { loadConfig, SERVICE_NAME } from './config';
export { createMembershipDataSource } from './data-source';
export { ENTITIES, MIGRATIONS } from './entities';
export { buildMembershipSchema } from './schema';
export {
  buildDemoOrganizations,
  DATA_AS_OF,
  memberSeedId,
  PHU_THO_UNION_ID,
  seedId,
  seedMembership,
  unitSeedId,
  UP_PARTY_ID,
  type OrganizationSeed,
  type SeedSummary,
} from './seed/seed';

/** Serves the membership subgraph over an initialised DataSource (migrations already run). */
export async function startMembershipService(options: { dataSource: DataSource; port: number; logger: Logger }): Promise<RunningServer> {
  const schema = await buildMembershipSchema();
  return startGraphQLServer<MembershipContext>({
    schema,
    port: options.port,
    logger: options.logger,
    context: async () => createContext(options.dataSource),
    ready: async () => {
      await options.dataSource.query('SELECT 1');
    },
  });
}
