import { createLogger, graphqlData, graphqlRequest, type GraphQLResponse, type RunningServer } from '@sangathan/common';
import { composeSupergraph, startGateway } from '@sangathan/gateway';
import { startItcellTestService, type ItcellTestService } from '@sangathan/itcell/test-support';
import { startMembershipTestService, type MembershipTestService } from '@sangathan/membership/test-support';
import { startTrainingTestService, type TrainingTestService } from '@sangathan/training/test-support';

export interface TestSystem {
  gatewayUrl: string;
  gatewayBase: string;
  membership: MembershipTestService;
  itcell: ItcellTestService;
  training: TrainingTestService;
  request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/** Every subgraph on a fresh database and the gateway in front of them, all over real HTTP. */
export async function startTestSystem(label: string): Promise<TestSystem> {
  const membership = await startMembershipTestService(label);
  const itcell = await startItcellTestService(`${label}_itcell`, membership);
  const training = await startTrainingTestService(`${label}_training`, membership);
  const gateway: RunningServer = await startGateway({
    supergraphSdl: await composeSupergraph(),
    subgraphUrls: { membership: membership.url, itcell: itcell.url, training: training.url },
    port: 0,
    logger: createLogger('gateway', 'silent'),
  });
  return {
    gatewayUrl: gateway.url,
    gatewayBase: gateway.url.replace(/\/graphql$/, ''),
    membership,
    itcell,
    training,
    request: (query, variables) => graphqlRequest(gateway.url, query, variables),
    data: (query, variables) => graphqlData(gateway.url, query, variables),
    stop: async () => {
      await gateway.stop();
      await training.stop();
      await itcell.stop();
      await membership.stop();
    },
  };
}
