import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import {
  Authenticator,
  CLIENT_ADDRESS_HEADER,
  GATEWAY_HEADER,
  gatewayAccessPlugin,
  RemoteCredentialStore,
  startGraphQLServer,
  TokenVerifier,
  type AuthConfig,
  type Identity,
  type Logger,
  type RunningServer,
} from '@sangathan/common';
import type express from 'express';
import { serveConsole } from './console';

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  port: number;
  logger: Logger;
  /** The internal secret it marks its subgraph requests with, and where membership serves the public keys. */
  auth: AuthConfig;
  /** Where the built console and playground are; they are served at /admin and /playground. */
  adminDist?: string;
  /** How long a stop lets in-flight requests finish (default 10 s). */
  drainTimeoutMs?: number;
}

/** What the gateway keeps of a client request: the verified caller and what it forwards to subgraphs. */
interface GatewayContext {
  identity: Identity | null;
  authorization?: string;
  cookie?: string;
  clientAddress: string;
  /** Set-Cookie headers from membership (sign-in, renewal, sign-out), passed back to the client. */
  setCookies: string[];
}

/** Only membership needs the refresh cookie, and only membership sets it. */
const COOKIE_SUBGRAPH = 'membership';

/**
 * A subgraph request carries the client's verified credentials as they came (each subgraph verifies
 * them again), the gateway's secret header, and the client's address.
 */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly internalSecret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    headers.set(GATEWAY_HEADER, this.internalSecret);
    if (!('clientAddress' in context)) return;
    const gatewayContext = context as GatewayContext;
    headers.set(CLIENT_ADDRESS_HEADER, gatewayContext.clientAddress);
    if (gatewayContext.authorization) headers.set('authorization', gatewayContext.authorization);
    if (this.subgraph === COOKIE_SUBGRAPH && gatewayContext.cookie) headers.set('cookie', gatewayContext.cookie);
  }

  override didReceiveResponse({
    response,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    if (this.subgraph === COOKIE_SUBGRAPH && 'setCookies' in context) {
      const cookies = response.http?.headers.get('set-cookie');
      if (cookies) (context as GatewayContext).setCookies.push(cookies);
    }
    return response;
  }
}

/**
 * Passes membership's Set-Cookie back to the client, and answers 401 when all that came back is
 * UNAUTHENTICATED (a failed sign-in or renewal), as for a request refused before planning.
 */
const forwardCookies: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        for (const cookie of contextValue.setCookies) response.http.headers.set('set-cookie', cookie);
        const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const errors = result?.errors ?? [];
        if (errors.length && !result?.data && errors.every((error) => error.extensions?.code === 'UNAUTHENTICATED'))
          response.http.status = 401;
      },
    };
  },
};

/** Asks one subgraph for `{ __typename }`; throws when it does not answer properly (the reason is logged, not shown). */
async function pingSubgraph(name: string, url: string, internalSecret: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [GATEWAY_HEADER]: internalSecret },
    body: JSON.stringify({ query: '{ __typename }' }),
    signal: AbortSignal.timeout(2000),
  }).catch((error: unknown) => {
    throw new Error(`${name} subgraph does not answer at ${url}`, { cause: error });
  });
  if (!response.ok) throw new Error(`${name} subgraph answered HTTP ${response.status} at ${url}`);
}

/** The public keys, as membership serves them: a client verifying our tokens need not know where membership is. */
function serveJwks(app: express.Express, jwksUrl: string): void {
  app.get('/.well-known/jwks.json', async (_req, res) => {
    const response = await fetch(jwksUrl, { signal: AbortSignal.timeout(3000) }).catch(() => null);
    if (!response?.ok) {
      res.status(503).json({ error: 'the membership service does not answer' });
      return;
    }
    res.set('cache-control', 'public, max-age=300').json(await response.json());
  });
}

/**
 * One GraphQL endpoint over every subgraph, planned from the supergraph composed at build time.
 * Credentials are verified before planning: bad ones are UNAUTHENTICATED (401) and no subgraph is asked;
 * without any, only login and refreshToken run.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const { auth } = options;
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new AuthenticatedDataSource(name, options.subgraphUrls[name] ?? url!, auth.internalSecret),
    logger: options.logger,
  });
  const authenticator = new Authenticator({
    verifier: TokenVerifier.fromUrl(auth.jwksUrl),
    store: new RemoteCredentialStore(new URL('/', options.subgraphUrls.membership).toString(), auth.internalSecret, 'gateway'),
    internalSecret: auth.internalSecret,
    statusCacheMs: auth.statusCacheMs,
    internalOnly: false,
  });
  return startGraphQLServer<GatewayContext>({
    // @apollo/gateway 2 still types itself against gateway-interface 1; the interface is the same at run time.
    gateway: gateway as unknown as GatewayInterface,
    port: options.port,
    logger: options.logger,
    context: async ({ req }) => ({
      identity: await authenticator.authenticate(req.headers),
      authorization: req.headers.authorization,
      cookie: req.headers.cookie,
      clientAddress: req.socket.remoteAddress ?? 'unknown',
      setCookies: [],
    }),
    plugins: [gatewayAccessPlugin(), forwardCookies],
    // /ready names each subgraph: up or down.
    readiness: Object.fromEntries(
      Object.entries(options.subgraphUrls).map(([name, url]) => [name, () => pingSubgraph(name, url, auth.internalSecret)]),
    ),
    drainTimeoutMs: options.drainTimeoutMs,
    configure: (app) => {
      serveJwks(app, auth.jwksUrl);
      serveConsole(app, options.adminDist);
    },
  });
}
