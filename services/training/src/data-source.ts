import 'reflect-metadata';
import { createDataSource, embeddedServerUrl, EnvReader, QueryLog, withDatabase } from '@sangathan/common';
import type { DataSource } from 'typeorm';
import { loadConfig } from './config';
import { ENTITIES, MIGRATIONS } from './entities';

export function createTrainingDataSource(url: string, queryLog?: QueryLog): DataSource {
  return createDataSource({ url, entities: ENTITIES, migrations: MIGRATIONS, queryLog });
}

/** For the TypeORM CLI: DATABASE_URL, or the embedded server's training database (which must be running). */
function cliDataSource(): DataSource {
  const config = loadConfig(new EnvReader());
  return createTrainingDataSource(config.database.url ?? withDatabase(embeddedServerUrl(config.database.embedded), config.database.name));
}

export default cliDataSource();
