import { EnvReader, LOG_LEVELS, readHttpConfig, type HttpConfig, type LogLevel } from '@sangathan/common';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

export interface GatewayConfig {
  port: number;
  logLevel: LogLevel;
  /** Where each subgraph answers; overrides the URLs written in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  http: HttpConfig;
}

/** Read once at start: GATEWAY_PORT (4000), the subgraphs' URLs, LOG_LEVEL, GRAPHQL_INTROSPECTION, BODY_LIMIT_KB. */
export function loadGatewayConfig(env = new EnvReader()): GatewayConfig {
  return {
    port: env.port('GATEWAY_PORT', 4000),
    logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    subgraphUrls: Object.fromEntries(
      SUBGRAPHS.map((subgraph) => [subgraph.name, env.url(subgraph.urlVariable, subgraph.defaultUrl)]),
    ) as Record<SubgraphName, string>,
    http: readHttpConfig(env),
  };
}
