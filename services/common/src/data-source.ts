import { DataSource, type Logger as TypeOrmLogger, type MixedList, type EntitySchema } from 'typeorm';
import { AuditSubscriber } from './audit/audit-subscriber';
import type { DatabaseLimits } from './config';

/** Records every SQL statement a DataSource runs; tests use it to prove batching. */
export class QueryLog implements TypeOrmLogger {
  readonly queries: string[] = [];

  logQuery(query: string): void {
    this.queries.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  clear(): void {
    this.queries.length = 0;
  }

  /** SELECT statements that read from the given table. */
  selectsFrom(table: string): string[] {
    const pattern = new RegExp(`^\\s*SELECT[\\s\\S]*\\bFROM\\s+"${table}"`, 'i');
    return this.queries.filter((query) => pattern.test(query));
  }
}

export interface DataSourceOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  queryLog?: QueryLog;
  /**
   * Timeouts set on every connection (as startup parameters, so no extra round trip) and the pool
   * size. Without them: the server's own settings and a pool of 10 (migrations, the seed, the CLI).
   */
  limits?: DatabaseLimits;
}

/** node-postgres pool options for the limits: PostgreSQL settings per connection, and at most `poolSize` connections. */
function poolOptions(limits: DatabaseLimits | undefined) {
  if (!limits) return { max: 10 };
  return {
    max: limits.poolSize,
    statement_timeout: limits.statementTimeoutMs,
    lock_timeout: limits.lockTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
  };
}

/** A PostgreSQL DataSource; schema changes only through migrations, never synchronize. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    subscribers: [AuditSubscriber],
    logging: options.queryLog ? ['query'] : false,
    logger: options.queryLog,
    extra: { ...poolOptions(options.limits), application_name: 'sangathan' },
  });
}
