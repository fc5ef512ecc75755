// What `npm start`, `npm run seed` and the benchmarks share: the list of services and how to reach
// their databases. Uses the compiled workspaces (npm start builds first).
const common = require('../services/common/dist');

/** Subgraph services, in start order; each owns one database named after it. */
const SERVICES = [
  {
    name: 'membership',
    portVariable: 'MEMBERSHIP_PORT',
    defaultPort: 4001,
    urlVariable: 'MEMBERSHIP_URL',
    entry: 'services/membership/dist/index.js',
    module: () => require('../services/membership/dist/service.js'),
    createDataSource: (module, url) => module.createMembershipDataSource(url),
    seed: (module, dataSource, log) => module.seedMembership(dataSource, { log }),
  },
];

/**
 * The PostgreSQL server every service's database lives on: DATABASE_URL (a server URL; each service
 * uses the database named after it there), or the embedded server, started here if needed.
 */
async function resolveServer(env, logger) {
  const reader = new common.EnvReader(env);
  const url = reader.optionalUrl('DATABASE_URL');
  if (url) return { serverUrl: url, stop: async () => undefined, embedded: false };
  const config = common.readEmbeddedPostgresConfig(reader);
  const server = await common.startEmbeddedPostgres(config, { logger });
  return { serverUrl: server.serverUrl, stop: () => server.stop(), embedded: true, port: config.port, dataDir: config.dataDir };
}

/** Creates each service's database, runs its migrations and loads the demo data (idempotent). */
async function migrateAndSeed(serverUrl, log) {
  for (const service of SERVICES) {
    const url = common.withDatabase(serverUrl, service.name);
    await common.ensureDatabaseExists(url);
    const module = service.module();
    const dataSource = service.createDataSource(module, url);
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length) log(`${service.name}: applied ${applied.length} migration(s)`);
      const summary = await service.seed(module, dataSource, (message) => log(`${service.name}: ${message}`));
      log(`${service.name}: ${summary.alreadySeeded ? 'demo data already present' : 'demo data loaded'} ${JSON.stringify(summary)}`);
    } finally {
      await dataSource.destroy();
    }
  }
}

module.exports = { SERVICES, resolveServer, migrateAndSeed, common };
