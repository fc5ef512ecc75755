export { composeSupergraph, readCommittedSupergraph, SUPERGRAPH_PATH } from './compose';
export { loadGatewayConfig, type GatewayConfig } from './config';
export { startGateway, type GatewayOptions } from './gateway';
export { SUBGRAPHS, type SubgraphName } from './subgraphs';
