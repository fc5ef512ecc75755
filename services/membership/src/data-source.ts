import 'reflect-metadata';
import { createDataSource, embeddedServerUrl, EnvReader, QueryLog, withDatabase } from '@sangathan/common';
import type { DataSource } from 'typeorm';
import { loadConfig } from './config';
import { ENTITIES, MIGRATIONS } from './entities';

export function createMembershipDataSource(url: string, queryLog?: QueryLog): DataSource {
  return createDataSource({ url, entities: ENTITIES, migrations: MIGRATIONS, queryLog });
}

/**
 * For the TypeORM CLI (`npm run migration:run -w @sangathan/membership`): DATABASE_URL, or the
 * embedded server's membership database (which must be running, e.g. under `npm start`).
 */
function cliDataSource(): DataSource {
  const config = loadConfig(new EnvReader());
  return createMembershipDataSource(config.database.url ?? withDatabase(embeddedServerUrl(config.database.embedded), config.database.name));
}

export default cliDataSource();
