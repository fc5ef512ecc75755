import { EnvReader, LOG_LEVELS, type LogLevel } from '@sangathan/common';
import { readLimitsConfig, type LimitsConfig } from './limits';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

export interface GatewayConfig {
  port: number;
  logLevel: LogLevel;
  /** Where each subgraph answers; overrides the URLs written in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  /** GATEWAY_MAX_* and RATE_LIMIT_* (see limits/config.ts). */
  limits: LimitsConfig;
}

/** Read once at start: GATEWAY_PORT (4000), MEMBERSHIP_URL, LOG_LEVEL. */
export function loadGatewayConfig(env = new EnvReader()): GatewayConfig {
  return {
    port: env.port('GATEWAY_PORT', 4000),
    logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    subgraphUrls: Object.fromEntries(
      SUBGRAPHS.map((subgraph) => [subgraph.name, env.url(subgraph.urlVariable, subgraph.defaultUrl)]),
    ) as Record<SubgraphName, string>,
    limits: readLimitsConfig(env),
  };
}
