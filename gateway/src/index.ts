export { composeSupergraph } from './compose';
export { loadGatewayConfig, type GatewayConfig } from './config';
export { startGateway, type GatewayOptions } from './gateway';
export { readCommittedSupergraph, SUPERGRAPH_PATH } from './supergraph-file';
export { SUBGRAPHS, type SubgraphName } from './subgraphs';
export { DEFAULT_LIMITS, limitsWith, type LimitsConfig } from './limits';
