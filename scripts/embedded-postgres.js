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

main().catch((error) => {
  process.send?.({ error: error.message });
  process.exit(1);
});
