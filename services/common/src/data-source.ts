import { DataSource, type Logger as TypeOrmLogger, type MixedList, type EntitySchema } from 'typeorm';

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
  poolSize?: number;
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
    logging: options.queryLog ? ['query'] : false,
    logger: options.queryLog,
    extra: { max: options.poolSize ?? 10, application_name: 'sangathan' },
  });
}
