import {
  createLogger,
  createTestDatabase,
  graphqlData,
  graphqlRequest,
  MembershipClient,
  QueryLog,
  UnitCopyFollower,
  type GraphQLResponse,
} from '@sangathan/common';
import { startMembershipTestService, type MembershipTestService } from '@sangathan/membership/test-support';
import type { DataSource } from 'typeorm';
import { createTrainingDataSource } from './data-source';
import { UNIT_COPY_TABLES } from './entities';
import { startTrainingService } from './service';

export interface TrainingTestService {
  url: string;
  dataSource: DataSource;
  queryLog: QueryLog;
  /** The real membership service this one asks and follows. */
  membership: MembershipTestService;
  /** Applies membership's pending unit changes now (the service does it on a timer). */
  followUnitChanges(): Promise<number>;
  request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/** training over real HTTP on a random port with a fresh database, in front of a real membership service. */
export async function startTrainingTestService(label = 'training', membership?: MembershipTestService): Promise<TrainingTestService> {
  const ownMembership = !membership;
  const membershipService = membership ?? (await startMembershipTestService(`${label}_membership`));
  const database = await createTestDatabase(label);
  const queryLog = new QueryLog();
  const dataSource = createTrainingDataSource(database.url, queryLog);
  await dataSource.initialize();
  await dataSource.runMigrations();
  const logger = createLogger('training', (process.env.TEST_LOG_LEVEL as 'error') ?? 'silent');
  const server = await startTrainingService({ dataSource, port: 0, logger, membershipUrl: membershipService.url });
  const follower = new UnitCopyFollower(dataSource, new MembershipClient(membershipService.url), UNIT_COPY_TABLES, logger);
  return {
    url: server.url,
    dataSource,
    queryLog,
    membership: membershipService,
    followUnitChanges: () => follower.syncOnce(),
    request: (query, variables) => graphqlRequest(server.url, query, variables),
    data: (query, variables) => graphqlData(server.url, query, variables),
    stop: async () => {
      await server.stop();
      await dataSource.destroy();
      await database.drop();
      if (ownMembership) await membershipService.stop();
    },
  };
}
