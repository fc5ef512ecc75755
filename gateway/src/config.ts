import { EnvReader, LOG_LEVELS, readHttpConfig, readShutdownTimeout, type HttpConfig, type LogLevel } from '@sangathan/common';
import { DEFAULT_SUBGRAPH_REQUESTS, type SubgraphRequestOptions } from './subgraph-requests';
import { readLimitsConfig, type LimitsConfig } from './limits';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

export interface GatewayConfig {
  port: number;
  /** GATEWAY_HOST: the address to listen on; every interface when unset. */
  host?: string;
  logLevel: LogLevel;
  /** Where each subgraph answers; overrides the URLs written in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  subgraphRequests: SubgraphRequestOptions;
  /** GATEWAY_MAX_* and RATE_LIMIT_* (see limits/config.ts). */
  limits: LimitsConfig;
  http: HttpConfig;
  /** SHUTDOWN_TIMEOUT_MS: how long a stop lets in-flight requests finish. */
  shutdownTimeoutMs: number;
}

/** Read once at start: GATEWAY_PORT (4000), GATEWAY_HOST, the subgraph URLs, SUBGRAPH_TIMEOUT_MS, SUBGRAPH_MAX_CONNECTIONS, LOG_LEVEL, GRAPHQL_INTROSPECTION, BODY_LIMIT_KB, SHUTDOWN_TIMEOUT_MS. */
export function loadGatewayConfig(env = new EnvReader()): GatewayConfig {
  return {
    port: env.port('GATEWAY_PORT', 4000),
    host: env.optionalString('GATEWAY_HOST'),
    logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    subgraphUrls: Object.fromEntries(
      SUBGRAPHS.map((subgraph) => [subgraph.name, env.url(subgraph.urlVariable, subgraph.defaultUrl)]),
    ) as Record<SubgraphName, string>,
    subgraphRequests: {
      timeoutMs: env.integer('SUBGRAPH_TIMEOUT_MS', DEFAULT_SUBGRAPH_REQUESTS.timeoutMs, 1, 600_000),
      maxConnections: env.integer('SUBGRAPH_MAX_CONNECTIONS', DEFAULT_SUBGRAPH_REQUESTS.maxConnections, 1, 10_000),
    },
    limits: readLimitsConfig(env),
    http: readHttpConfig(env),
    shutdownTimeoutMs: readShutdownTimeout(env),
  };
}
