import type { DataSource } from 'typeorm';
import type { DependentServiceConfig, ServiceConfig } from './config';
import { createDataSource, QueryLog } from './data-source';
import { embeddedServerUrl, resolveDatabase, withDatabase } from './database';
import { createLogger, type Logger } from './logger';
import { MembershipClient, MembershipLookups } from './membership-client';
import { onShutdownSignal, startGraphQLServer, type RunningServer } from './server';
import { buildModuleSchema, createServices, entitiesOf, unitCopyTablesOf, type ServiceModule } from './service-module';
import { createTestDatabase, graphqlData, graphqlRequest, type GraphQLResponse } from './testing';
import { UnitCopyFollower } from './unit-copies';

/** A subgraph service, described once: its modules and migrations. The process, the CLI and the tests all start it from this. */
export interface ServiceDefinition {
  name: string;
  modules: readonly ServiceModule[];
  /** Listed explicitly (not globbed) so ts-jest, tsc output and the CLI load the same set. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: readonly Function[];
  /**
   * The service refers to membership's units and members (itcell, training): its requests get batched
   * lookups in membership as `services.membership`, and its unit copies follow membership's unit changes.
   */
  followsMembership: boolean;
}

export function createServiceDataSource(definition: ServiceDefinition, url: string, queryLog?: QueryLog): DataSource {
  return createDataSource({ url, entities: entitiesOf(definition.modules), migrations: [...definition.migrations], queryLog });
}

/** For the TypeORM CLI (`npm run migration:run -w …`): DATABASE_URL, or the service's database on the running embedded server. */
export function cliDataSource(definition: ServiceDefinition, config: ServiceConfig): DataSource {
  return createServiceDataSource(
    definition,
    config.database.url ?? withDatabase(embeddedServerUrl(config.database.embedded), config.database.name),
  );
}

export interface StartServiceOptions {
  dataSource: DataSource;
  port: number;
  logger: Logger;
  /** Required when the service follows membership. */
  membershipUrl?: string;
}

function membershipClient(definition: ServiceDefinition, membershipUrl: string | undefined): MembershipClient | undefined {
  if (!definition.followsMembership) return undefined;
  if (!membershipUrl) throw new Error(`${definition.name} needs the membership service's URL`);
  return new MembershipClient(membershipUrl);
}

/** Serves the subgraph over an initialised DataSource (migrations already run); every request gets its own services. */
export async function startService(definition: ServiceDefinition, options: StartServiceOptions): Promise<RunningServer> {
  const schema = await buildModuleSchema(definition.modules);
  const client = membershipClient(definition, options.membershipUrl);
  return startGraphQLServer({
    schema,
    port: options.port,
    logger: options.logger,
    context: async () => ({
      services: createServices(
        definition.modules,
        { dataSource: options.dataSource },
        client ? { membership: new MembershipLookups(client) } : {},
      ),
    }),
    ready: async () => {
      await options.dataSource.query('SELECT 1');
    },
  });
}

function unitCopyFollower(definition: ServiceDefinition, dataSource: DataSource, membershipUrl: string | undefined, logger: Logger) {
  const client = membershipClient(definition, membershipUrl);
  return client ? new UnitCopyFollower(dataSource, client, unitCopyTablesOf(definition.modules), logger) : undefined;
}

/** The process: database (embedded unless DATABASE_URL), migrations, HTTP, the unit-change follower where there is one; graceful stop. */
export async function runService(definition: ServiceDefinition, config: ServiceConfig | DependentServiceConfig): Promise<void> {
  const logger = createLogger(config.name, config.logLevel);
  const database = await resolveDatabase(config.database, logger);
  const dataSource = createServiceDataSource(definition, database.url);
  await dataSource.initialize();
  const migrations = await dataSource.runMigrations({ transaction: 'each' });
  if (migrations.length) logger.info({ migrations: migrations.map((m) => m.name) }, 'migrations applied');
  const membershipUrl = 'membershipUrl' in config ? config.membershipUrl : undefined;
  const server = await startService(definition, { dataSource, port: config.port, logger, membershipUrl });
  const follower = unitCopyFollower(definition, dataSource, membershipUrl, logger);
  if (follower && 'unitSyncIntervalMs' in config) follower.start(config.unitSyncIntervalMs);
  logger.info({ url: server.url }, `${definition.name} subgraph ready`);
  onShutdownSignal(logger, async () => {
    await follower?.stop();
    await server.stop();
    await dataSource.destroy();
    await database.embedded?.stop();
  });
}

/** `runService` as a process entry: a start failure is one line and exit code 1. */
export function runServiceProcess(definition: ServiceDefinition, loadConfig: () => ServiceConfig | DependentServiceConfig): void {
  Promise.resolve()
    .then(() => runService(definition, loadConfig()))
    .catch((error: unknown) => {
      console.error(`${definition.name} failed to start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}

export interface TestService {
  url: string;
  dataSource: DataSource;
  queryLog: QueryLog;
  /** Applies membership's pending unit changes now (the running service does it on a timer); 0 for membership itself. */
  followUnitChanges(): Promise<number>;
  request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/** For tests: the service over real HTTP on a random port with a fresh migrated database (asking the given membership service, if it follows one). */
export async function startTestService(definition: ServiceDefinition, label: string, membershipUrl?: string): Promise<TestService> {
  const database = await createTestDatabase(label);
  const queryLog = new QueryLog();
  const dataSource = createServiceDataSource(definition, database.url, queryLog);
  await dataSource.initialize();
  await dataSource.runMigrations();
  const logger = createLogger(definition.name, (process.env.TEST_LOG_LEVEL as 'error') ?? 'silent');
  const server = await startService(definition, { dataSource, port: 0, logger, membershipUrl });
  const follower = unitCopyFollower(definition, dataSource, membershipUrl, logger);
  return {
    url: server.url,
    dataSource,
    queryLog,
    followUnitChanges: async () => (follower ? follower.syncOnce() : 0),
    request: (query, variables) => graphqlRequest(server.url, query, variables),
    data: (query, variables) => graphqlData(server.url, query, variables),
    stop: async () => {
      await server.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
