// What `npm start`, `npm run seed` and the benchmarks share: the list of services and how to reach
// their databases. Uses the compiled workspaces (npm start builds first).
const { fork } = require('node:child_process');
const path = require('node:path');
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
    seed: async (module, dataSource, log, env) => {
      const summary = await module.seedMembership(dataSource, { log });
      // The first superadmin (ADMIN_EMAIL/ADMIN_PASSWORD, or a generated password) and the demo accounts.
      const accounts = await module.seedAccounts(dataSource, { adminEmail: env.ADMIN_EMAIL, adminPassword: env.ADMIN_PASSWORD, log });
      return { ...summary, signIn: accounts };
    },
  },
  {
    name: 'itcell',
    portVariable: 'ITCELL_PORT',
    defaultPort: 4002,
    urlVariable: 'ITCELL_URL',
    entry: 'services/itcell/dist/index.js',
    module: () => require('../services/itcell/dist/service.js'),
    createDataSource: (module, url) => module.createItcellDataSource(url),
    seed: (module, dataSource, log) => module.seedItcell(dataSource, { log }),
  },
  {
    name: 'training',
    portVariable: 'TRAINING_PORT',
    defaultPort: 4003,
    urlVariable: 'TRAINING_URL',
    entry: 'services/training/dist/index.js',
    module: () => require('../services/training/dist/service.js'),
    createDataSource: (module, url) => module.createTrainingDataSource(url),
    seed: (module, dataSource, log) => module.seedTraining(dataSource, { log }),
  },
];

/** A service's own database URL variable, e.g. MEMBERSHIP_DATABASE_URL (its role and database made by whoever runs the server). */
const ownUrlVariable = (service) => `${service.name.toUpperCase()}_DATABASE_URL`;

/**
 * The PostgreSQL server every service's database lives on: DATABASE_URL (a server URL; each service
 * uses the database named after it there), or the embedded server, run by scripts/embedded-postgres.js
 * in its own process group (see there why). None when every service has its own URL.
 */
async function resolveServer(env) {
  const reader = new common.EnvReader(env);
  const url = reader.optionalUrl('DATABASE_URL');
  if (url) return { serverUrl: url, stop: async () => undefined, embedded: false };
  if (SERVICES.every((service) => reader.optionalUrl(ownUrlVariable(service)))) {
    return { serverUrl: undefined, stop: async () => undefined, embedded: false };
  }
  const child = fork(path.join(__dirname, 'embedded-postgres.js'), { env, detached: true, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const started = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    exited.then((code) => reject(new Error(`embedded PostgreSQL exited (code ${code}) before it was ready`)));
  });
  if (started.error) throw new Error(`embedded PostgreSQL did not start: ${started.error}`);
  return {
    serverUrl: started.serverUrl,
    embedded: true,
    port: started.port,
    dataDir: started.dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Each service's database URL, as its own role: <NAME>_DATABASE_URL when set; otherwise the role and
 * the database named after the service are created on the server (or corrected: see
 * ensureServiceDatabase), with <NAME>_DB_PASSWORD or a password generated once into DATA_DIR/db-passwords.
 */
async function prepareDatabases(serverUrl, log, env = process.env) {
  const reader = new common.EnvReader(env);
  const { passwordsDir } = common.readEmbeddedPostgresConfig(reader);
  const urls = {};
  for (const service of SERVICES) {
    const own = reader.optionalUrl(ownUrlVariable(service));
    if (own) {
      urls[service.name] = own;
      continue;
    }
    const password = reader.optionalString(common.rolePasswordVariable(service.name)) ?? common.storedPassword(passwordsDir, service.name);
    const { reassigned } = await common.ensureServiceDatabase(serverUrl, service.name, password);
    if (reassigned) log(`${service.name}: ${reassigned} database object(s) made before roles now belong to the role ${service.name}`);
    urls[service.name] = common.roleUrl(serverUrl, service.name, password);
  }
  return urls;
}

/**
 * Runs each service's migrations and loads the demo data (idempotent), each as the service's own role
 * (`databaseUrls` from prepareDatabases). Returns what the start banner tells about sign-in: the
 * superadmin (with its password when just generated) and the demo accounts.
 */
async function migrateAndSeed(databaseUrls, log, env = process.env) {
  let accounts;
  for (const service of SERVICES) {
    const url = databaseUrls[service.name];
    await common.ensureDatabaseExists(url);
    const module = service.module();
    const dataSource = service.createDataSource(module, url);
    await dataSource.initialize();
    try {
      const applied = await common.runMigrationsOnce(dataSource, url);
      if (applied.length) log(`${service.name}: applied ${applied.length} migration(s)`);
      const { signIn, ...summary } = await service.seed(module, dataSource, (message) => log(`${service.name}: ${message}`), env);
      if (signIn) accounts = { ...signIn, demoAccounts: module.DEMO_ACCOUNTS, demoPassword: module.DEMO_PASSWORD };
      log(`${service.name}: ${summary.alreadySeeded ? 'demo data already present' : 'demo data loaded'} ${JSON.stringify(summary)}`);
    } finally {
      await dataSource.destroy();
    }
  }
  return accounts;
}

module.exports = { SERVICES, resolveServer, prepareDatabases, migrateAndSeed, common };
