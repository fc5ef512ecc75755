import {
  createLogger,
  graphqlData,
  graphqlRequest,
  type GraphQLResponse,
  type Logger,
  type RequestOptions,
  type RunningServer,
} from '@sangathan/common';
import { composeSupergraph, startGateway, type GatewayOptions, type LimitsConfig } from '@sangathan/gateway';
import { startItcellTestService, type ItcellTestService } from '@sangathan/itcell/test-support';
import { startMembershipTestService, type MembershipTestService } from '@sangathan/membership/test-support';
import { startTrainingTestService, type TrainingTestService } from '@sangathan/training/test-support';

export interface TestSystem {
  gatewayUrl: string;
  gatewayBase: string;
  membership: MembershipTestService;
  itcell: ItcellTestService;
  training: TrainingTestService;
  /** The superadmin signed in at membership; `request` and `data` send its token unless told otherwise. */
  admin: { email: string; password: string };
  token: string;
  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<T>;
  stop(): Promise<void>;
}

export interface TestSystemOptions {
  /** How long the gateway and subgraphs trust a session's status (0: asked every time, as tests of revocation need). */
  statusCacheMs?: number;
  /** Introspection and suggestions on the gateway and membership; off, as in production, unless asked for. */
  introspection?: boolean;
  /** Where the gateway's and membership's logs go (silent unless given). */
  logger?: (service: 'gateway' | 'membership') => Logger;
  /** The gateway's operation limits and rate limits (DEFAULT_LIMITS unless given). */
  limits?: LimitsConfig;
}

/** Every subgraph on a fresh database and the gateway in front of them, all over real HTTP. */
export async function startTestSystem(label: string, options: TestSystemOptions = {}): Promise<TestSystem> {
  const membership = await startMembershipTestService(label, {
    statusCacheMs: options.statusCacheMs,
    introspection: options.introspection,
    logger: options.logger?.('membership'),
  });
  const itcell = await startItcellTestService(`${label}_itcell`, membership);
  const training = await startTrainingTestService(`${label}_training`, membership);
  const gateway = await startGatewayOver(
    { membership, itcell, training },
    {
      logger: options.logger?.('gateway'),
      http: { introspection: options.introspection },
      limits: options.limits,
      statusCacheMs: options.statusCacheMs,
    },
  );
  return {
    gatewayUrl: gateway.url,
    gatewayBase: gateway.url.replace(/\/graphql$/, ''),
    membership,
    itcell,
    training,
    admin: membership.admin,
    token: membership.token!,
    request: (query, variables, options) => graphqlRequest(gateway.url, query, variables, { token: membership.token, ...options }),
    data: (query, variables, options) => graphqlData(gateway.url, query, variables, { token: membership.token, ...options }),
    stop: async () => {
      await gateway.stop();
      await training.stop();
      await itcell.stop();
      await membership.stop();
    },
  };
}

export interface GatewayOverOptions extends Partial<Omit<GatewayOptions, 'auth'>> {
  /** How long the gateway trusts a session's status (0 unless given). */
  statusCacheMs?: number;
}

/**
 * A gateway on a random port over the system's subgraphs, trusting membership's keys; `subgraphUrls`
 * puts something in front of them (a proxy that counts, a switch that cuts). Silent unless given a logger.
 */
export async function startGatewayOver(
  services: Pick<TestSystem, 'membership' | 'itcell' | 'training'>,
  { statusCacheMs = 0, ...options }: GatewayOverOptions = {},
): Promise<RunningServer> {
  const { membership, itcell, training } = services;
  return startGateway({
    supergraphSdl: await composeSupergraph(),
    subgraphUrls: { membership: membership.url, itcell: itcell.url, training: training.url },
    port: 0,
    ...options,
    logger: options.logger ?? createLogger('gateway', 'silent'),
    auth: {
      internalSecret: membership.auth.internalSecret,
      jwksUrl: new URL('/.well-known/jwks.json', membership.url).toString(),
      statusCacheMs,
    },
  });
}

/** Forgets the SQL every service of the system ran so far (see `dataQueries`). */
export function clearQueryLogs(system: TestSystem): void {
  for (const service of [system.membership, system.itcell, system.training]) service.queryLog.clear();
}

/** SQL the services ran since `clearQueryLogs`, but for credential checks: a refused request must not reach any data. */
export function dataQueries(system: TestSystem): string[] {
  return [system.membership, system.itcell, system.training].flatMap((service) =>
    service.queryLog.queries.filter((sql) => !/account_session|partner_token/.test(sql)),
  );
}
