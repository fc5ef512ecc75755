import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import {
  Authenticator,
  CLIENT_ADDRESS_HEADER,
  currentRequestId,
  GATEWAY_HEADER,
  gatewayAccessPlugin,
  isClientErrorCode,
  RemoteCredentialStore,
  REQUEST_ID_HEADER,
  startGraphQLServer,
  TokenVerifier,
  type AuthConfig,
  type HttpConfig,
  type Identity,
  type Logger,
  type RunningServer,
} from '@sangathan/common';
import type express from 'express';
import { GraphQLError, parse } from 'graphql';
import { serveConsole } from './console';
import {
  DEFAULT_SUBGRAPH_REQUESTS,
  SubgraphConnections,
  SubgraphUnavailable,
  unavailableErrors,
  type SubgraphRequestOptions,
} from './subgraph-requests';
import { GatewayLimits, type LimitsConfig } from './limits';

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  port: number;
  /** The address to listen on; every interface when unset. */
  host?: string;
  logger: Logger;
  /** The internal secret it marks its subgraph requests with, and where membership serves the public keys. */
  auth: AuthConfig;
  /** Where the built console and playground are; they are served at /admin and /playground. */
  adminDist?: string;
  /** Deadline and connection pool of each subgraph request (SUBGRAPH_TIMEOUT_MS, SUBGRAPH_MAX_CONNECTIONS). */
  subgraphRequests?: Partial<SubgraphRequestOptions>;
  /** Operation limits and rate limits; DEFAULT_LIMITS when absent. */
  limits?: LimitsConfig;
  /** Introspection (off unless given) and the body limit. The gateway plans from the supergraph: it never introspects a subgraph. */
  http?: Partial<HttpConfig>;
  /** How long a stop lets in-flight requests finish (default 10 s). */
  drainTimeoutMs?: number;
}

/** What the gateway keeps of a client request: the verified caller and what it forwards to subgraphs. */
interface GatewayContext {
  identity: Identity | null;
  authorization?: string;
  cookie?: string;
  clientAddress: string;
  /** The request's id, passed to every subgraph, which takes it as its own. */
  requestId?: string;
  /** Set-Cookie headers from membership (sign-in, renewal, sign-out), passed back to the client. */
  setCookies: string[];
}

/** Only membership needs the refresh cookie, and only membership sets it. */
const COOKIE_SUBGRAPH = 'membership';

/**
 * A subgraph request carries the client's verified credentials as they came (each subgraph verifies
 * them again), the gateway's secret header, and the client's address. It goes over the subgraph's
 * pool of kept-alive connections with a deadline; a subgraph that does not answer makes the fields
 * asked of it null with SERVICE_UNAVAILABLE errors, and the rest of the answer stands.
 */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly internalSecret: string,
    connections: SubgraphConnections,
  ) {
    super({ url, fetcher: connections.fetch as unknown as RemoteGraphQLDataSource['fetcher'] });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      // Only a client's operation has fields to answer for; anything else fails as it did.
      if (!(error instanceof SubgraphUnavailable) || !('incomingRequestContext' in options)) throw error;
      return { errors: unavailableErrors(options.document ?? parse(options.request.query!), options.request.variables, error) };
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    headers.set(GATEWAY_HEADER, this.internalSecret);
    if (!('clientAddress' in context)) return;
    const gatewayContext = context as GatewayContext;
    headers.set(CLIENT_ADDRESS_HEADER, gatewayContext.clientAddress);
    if (gatewayContext.requestId) headers.set(REQUEST_ID_HEADER, gatewayContext.requestId);
    if (gatewayContext.authorization) headers.set('authorization', gatewayContext.authorization);
    if (this.subgraph === COOKIE_SUBGRAPH && gatewayContext.cookie) headers.set('cookie', gatewayContext.cookie);
  }

  /**
   * A subgraph's 4xx answer carries its own errors, already formatted for clients (e.g. a date "2020-13-01" that
   * its Date scalar rejects, which the gateway cannot check): the first is passed on with its code, rather than a
   * bare "400: Bad Request" reported as an internal error, or a 401 carrying the subgraph's address.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    if (response.status < 400 || response.status >= 500) return super.errorFromResponse(response);
    const body = await this.parseBody(response).catch(() => undefined);
    const first = (body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined)?.errors?.[0];
    const code = first?.extensions?.code;
    if (typeof first?.message === 'string' && isClientErrorCode(code)) return new GraphQLError(first.message, { extensions: { code } });
    // No code: the gateway reports it as internal and logs it with what the subgraph said.
    return new GraphQLError(`${response.status}: ${response.statusText}`, {
      extensions: { response: { url: response.url, status: response.status, body } },
    });
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
  const subgraphRequests = { ...DEFAULT_SUBGRAPH_REQUESTS, ...options.subgraphRequests };
  const pools: SubgraphConnections[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const pool = new SubgraphConnections(name, subgraphRequests, options.logger);
      pools.push(pool);
      return new AuthenticatedDataSource(name, options.subgraphUrls[name] ?? url!, auth.internalSecret, pool);
    },
    logger: options.logger,
  });
  const authenticator = new Authenticator({
    verifier: TokenVerifier.fromUrl(auth.jwksUrl),
    store: new RemoteCredentialStore(new URL('/', options.subgraphUrls.membership).toString(), auth.internalSecret, 'gateway'),
    internalSecret: auth.internalSecret,
    statusCacheMs: auth.statusCacheMs,
    internalOnly: false,
  });
  const limits = new GatewayLimits(options.limits);
  const server = await startGraphQLServer<GatewayContext>({
    // @apollo/gateway 2 still types itself against gateway-interface 1; the interface is the same at run time.
    gateway: gateway as unknown as GatewayInterface,
    port: options.port,
    host: options.host,
    logger: options.logger,
    introspection: options.http?.introspection,
    bodyLimitBytes: options.http?.bodyLimitBytes,
    context: async ({ req }) => ({
      identity: await limits.admit(req, () => authenticator.authenticate(req.headers)),
      authorization: req.headers.authorization,
      cookie: req.headers.cookie,
      clientAddress: req.socket.remoteAddress ?? 'unknown',
      requestId: currentRequestId(),
      setCookies: [],
    }),
    plugins: [gatewayAccessPlugin(), limits.plugin(), forwardCookies],
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
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await Promise.all(pools.map((pool) => pool.close()));
    },
  };
}
