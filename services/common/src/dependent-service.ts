import type { DataSource } from 'typeorm';
import type { DependentServiceConfig } from './config';
import { QueryLog } from './data-source';
import { resolveDatabase } from './database';
import { createLogger, type Logger } from './logger';
import { MembershipClient } from './membership-client';
import { onShutdownSignal, type RunningServer } from './server';
import { createTestDatabase, graphqlData, graphqlRequest, type GraphQLResponse } from './testing';
import { UnitCopyFollower, type UnitCopyTable } from './unit-copies';

/** What a subgraph that refers to membership's units and members (itcell, training) provides. */
export interface DependentServiceDefinition {
  name: string;
  createDataSource(url: string, queryLog?: QueryLog): DataSource;
  start(options: { dataSource: DataSource; port: number; logger: Logger; membershipUrl: string }): Promise<RunningServer>;
  unitCopyTables: UnitCopyTable[];
}

/** The process: database (embedded unless DATABASE_URL), migrations, HTTP, the unit-change follower; graceful stop. */
export async function runDependentService(definition: DependentServiceDefinition, config: DependentServiceConfig): Promise<void> {
  const logger = createLogger(config.name, config.logLevel);
  const database = await resolveDatabase(config.database, logger);
  const dataSource = definition.createDataSource(database.url);
  await dataSource.initialize();
  const migrations = await dataSource.runMigrations({ transaction: 'each' });
  if (migrations.length) logger.info({ migrations: migrations.map((m) => m.name) }, 'migrations applied');
  const server = await definition.start({ dataSource, port: config.port, logger, membershipUrl: config.membershipUrl });
  const follower = new UnitCopyFollower(dataSource, new MembershipClient(config.membershipUrl), definition.unitCopyTables, logger);
  follower.start(config.unitSyncIntervalMs);
  logger.info({ url: server.url }, `${definition.name} subgraph ready`);
  onShutdownSignal(logger, async () => {
    await follower.stop();
    await server.stop();
    await dataSource.destroy();
    await database.embedded?.stop();
  });
}

export interface DependentTestService {
  url: string;
  dataSource: DataSource;
  queryLog: QueryLog;
  /** Applies membership's pending unit changes now (the running service does it on a timer). */
  followUnitChanges(): Promise<number>;
  request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/** For tests: the service over real HTTP on a random port with a fresh database, asking the given membership service. */
export async function startDependentTestService(
  definition: DependentServiceDefinition,
  label: string,
  membershipUrl: string,
): Promise<DependentTestService> {
  const database = await createTestDatabase(label);
  const queryLog = new QueryLog();
  const dataSource = definition.createDataSource(database.url, queryLog);
  await dataSource.initialize();
  await dataSource.runMigrations();
  const logger = createLogger(definition.name, (process.env.TEST_LOG_LEVEL as 'error') ?? 'silent');
  const server = await definition.start({ dataSource, port: 0, logger, membershipUrl });
  const follower = new UnitCopyFollower(dataSource, new MembershipClient(membershipUrl), definition.unitCopyTables, logger);
  return {
    url: server.url,
    dataSource,
    queryLog,
    followUnitChanges: () => follower.syncOnce(),
    request: (query, variables) => graphqlRequest(server.url, query, variables),
    data: (query, variables) => graphqlData(server.url, query, variables),
    stop: async () => {
      await server.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
