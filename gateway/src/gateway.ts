import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { startGraphQLServer, type Logger, type RunningServer } from '@sangathan/common';
import { serveConsole } from './console';

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  port: number;
  logger: Logger;
  /** Where the built console and playground are; they are served at /admin and /playground. */
  adminDist?: string;
}

/** Asks one subgraph for `{ __typename }`; throws when it does not answer properly. */
async function pingSubgraph(name: string, url: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
    signal: AbortSignal.timeout(2000),
  }).catch(() => null);
  if (!response?.ok) throw new Error(`${name} subgraph does not answer`);
}

/** One GraphQL endpoint over every subgraph, planned from the supergraph composed at build time. */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: options.subgraphUrls[name] ?? url }),
    logger: options.logger,
  });
  return startGraphQLServer({
    // @apollo/gateway 2 still types itself against gateway-interface 1; the interface is the same at run time.
    gateway: gateway as unknown as GatewayInterface,
    port: options.port,
    logger: options.logger,
    context: async () => ({}),
    ready: async () => {
      const failures = await Promise.allSettled(Object.entries(options.subgraphUrls).map(([name, url]) => pingSubgraph(name, url)));
      const reasons = failures.flatMap((failure) => (failure.status === 'rejected' ? [(failure.reason as Error).message] : []));
      if (reasons.length) throw new Error(reasons.join('; '));
    },
    configure: (app) => serveConsole(app, options.adminDist),
  });
}
