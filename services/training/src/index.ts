import 'reflect-metadata';
import { createLogger, MembershipClient, onShutdownSignal, resolveDatabase, UnitCopyFollower } from '@sangathan/common';
import { loadConfig } from './config';
import { createTrainingDataSource } from './data-source';
import { UNIT_COPY_TABLES } from './entities';
import { startTrainingService } from './service';

/** Starts the training subgraph: config, database, migrations, HTTP, and the unit-change follower. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.name, config.logLevel);
  const database = await resolveDatabase(config.database, logger);
  const dataSource = createTrainingDataSource(database.url);
  await dataSource.initialize();
  const migrations = await dataSource.runMigrations({ transaction: 'each' });
  if (migrations.length) logger.info({ migrations: migrations.map((m) => m.name) }, 'migrations applied');
  const server = await startTrainingService({ dataSource, port: config.port, logger, membershipUrl: config.membershipUrl });
  const follower = new UnitCopyFollower(dataSource, new MembershipClient(config.membershipUrl), UNIT_COPY_TABLES, logger);
  follower.start(config.unitSyncIntervalMs);
  logger.info({ url: server.url }, 'training subgraph ready');
  onShutdownSignal(logger, async () => {
    await follower.stop();
    await server.stop();
    await dataSource.destroy();
    await database.embedded?.stop();
  });
}

main().catch((error: unknown) => {
  console.error(`training failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
