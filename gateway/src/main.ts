import { createLogger, onShutdownSignal, readAuthConfig } from '@sangathan/common';
import { readCommittedSupergraph } from './supergraph-file';
import { loadGatewayConfig } from './config';
import { startGateway } from './gateway';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway', config.logLevel);
  const server = await startGateway({
    supergraphSdl: readCommittedSupergraph(),
    subgraphUrls: config.subgraphUrls,
    subgraphRequests: config.subgraphRequests,
    port: config.port,
    host: config.host,
    logger,
    auth: await readAuthConfig(),
    limits: config.limits,
    http: config.http,
    drainTimeoutMs: config.shutdownTimeoutMs,
  });
  logger.info({ url: server.url }, 'gateway ready');
  onShutdownSignal(logger, () => server.stop(), { timeoutMs: config.shutdownTimeoutMs });
}

main().catch((error: unknown) => {
  console.error(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
