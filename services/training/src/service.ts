import { MembershipClient, startGraphQLServer, type Logger, type RunningServer } from '@sangathan/common';
import type { DataSource } from 'typeorm';
import { createContext, type TrainingContext } from './context';
import { buildTrainingSchema } from './schema';

export { createContext, createServices, type TrainingContext, type TrainingServices } from './context';
export { loadConfig, SERVICE_NAME } from './config';
export { createTrainingDataSource } from './data-source';
export { ENTITIES, MIGRATIONS, UNIT_COPY_TABLES } from './entities';
export { buildTrainingSchema } from './schema';
export { seedTraining, type TrainingSeedSummary } from './seed/seed';

/** Serves the training subgraph over an initialised DataSource (migrations already run). */
export async function startTrainingService(options: {
  dataSource: DataSource;
  port: number;
  logger: Logger;
  membershipUrl: string;
}): Promise<RunningServer> {
  const schema = await buildTrainingSchema();
  const membership = new MembershipClient(options.membershipUrl);
  return startGraphQLServer<TrainingContext>({
    schema,
    port: options.port,
    logger: options.logger,
    context: async () => createContext(options.dataSource, membership),
    ready: async () => {
      await options.dataSource.query('SELECT 1');
    },
  });
}
