import { EnvReader, LOG_LEVELS, readShutdownTimeout, type LogLevel } from '@sangathan/common';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

export interface GatewayConfig {
  port: number;
  logLevel: LogLevel;
  /** Where each subgraph answers; overrides the URLs written in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  /** SHUTDOWN_TIMEOUT_MS: how long a stop lets in-flight requests finish. */
  shutdownTimeoutMs: number;
}

/** Read once at start: GATEWAY_PORT (4000), MEMBERSHIP_URL, LOG_LEVEL, SHUTDOWN_TIMEOUT_MS. */
export function loadGatewayConfig(env = new EnvReader()): GatewayConfig {
  return {
    port: env.port('GATEWAY_PORT', 4000),
    logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    subgraphUrls: Object.fromEntries(
      SUBGRAPHS.map((subgraph) => [subgraph.name, env.url(subgraph.urlVariable, subgraph.defaultUrl)]),
    ) as Record<SubgraphName, string>,
    shutdownTimeoutMs: readShutdownTimeout(env),
  };
}
