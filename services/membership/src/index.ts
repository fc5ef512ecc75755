import 'reflect-metadata';
import { createLogger, onShutdownSignal, resolveDatabase } from '@sangathan/common';
import { loadConfig } from './config';
import { createMembershipDataSource } from './data-source';
import { startMembershipService } from './service';

/** Starts the membership subgraph: config, database (embedded unless DATABASE_URL), migrations, HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.name, config.logLevel);
  const database = await resolveDatabase(config.database, logger);
  const dataSource = createMembershipDataSource(database.url);
  await dataSource.initialize();
  const migrations = await dataSource.runMigrations({ transaction: 'each' });
  if (migrations.length) logger.info({ migrations: migrations.map((m) => m.name) }, 'migrations applied');
  const server = await startMembershipService({ dataSource, port: config.port, logger });
  logger.info({ url: server.url }, 'membership subgraph ready');
  onShutdownSignal(logger, async () => {
    await server.stop();
    await dataSource.destroy();
    await database.embedded?.stop();
  });
}

main().catch((error: unknown) => {
  console.error(`membership failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
