import path from 'node:path';
import { ConfigError, EnvReader, readDependentServiceConfig, readHttpConfig, readServiceConfig } from './config';

describe('readHttpConfig', () => {
  it('leaves introspection off and takes 5 MiB bodies unless told otherwise', () => {
    expect(readHttpConfig(new EnvReader({}))).toEqual({ introspection: false, bodyLimitBytes: 5 * 1024 * 1024 });
    expect(readHttpConfig(new EnvReader({ GRAPHQL_INTROSPECTION: 'true', BODY_LIMIT_KB: '64' }))).toEqual({
      introspection: true,
      bodyLimitBytes: 64 * 1024,
    });
    expect(readHttpConfig(new EnvReader({ GRAPHQL_INTROSPECTION: 'false' })).introspection).toBe(false);
  });

  it('fails fast on a value that is not true or false, or a limit out of range', () => {
    for (const value of ['yes', '1', 'TRUE', 'on'])
      expect(() => readHttpConfig(new EnvReader({ GRAPHQL_INTROSPECTION: value }))).toThrow(
        new ConfigError('GRAPHQL_INTROSPECTION', `must be true or false, got "${value}"`),
      );
    for (const value of ['0', '-5', '1.5', 'big', '2000000'])
      expect(() => readHttpConfig(new EnvReader({ BODY_LIMIT_KB: value }))).toThrow(
        /BODY_LIMIT_KB must be a whole number from 1 to 1048576/,
      );
  });
});

describe('readDependentServiceConfig', () => {
  it('defaults to the local membership service and a 5 s unit sync, with the given port', () => {
    expect(readDependentServiceConfig('itcell', 'ITCELL_PORT', 4002, new EnvReader({}))).toMatchObject({
      name: 'itcell',
      port: 4002,
      membershipUrl: 'http://localhost:4001/graphql',
      unitSyncIntervalMs: 5000,
      database: { name: 'itcell', url: undefined },
    });
  });

  it('fails fast naming the bad variable', () => {
    const read = (env: Record<string, string>) => () => readDependentServiceConfig('itcell', 'ITCELL_PORT', 4002, new EnvReader(env));
    expect(read({ UNIT_SYNC_INTERVAL_MS: '10' })).toThrow(
      new ConfigError('UNIT_SYNC_INTERVAL_MS', 'must be a whole number from 100 to 3600000, got "10"'),
    );
    expect(read({ MEMBERSHIP_URL: 'membership' })).toThrow(/MEMBERSHIP_URL must be a URL/);
    expect(read({ ITCELL_PORT: '99999' })).toThrow(/ITCELL_PORT must be a port number/);
    expect(read({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL must be a URL/);
  });
});

describe('readServiceConfig', () => {
  it('listens on this machine only unless LISTEN_HOST says otherwise', () => {
    expect(readServiceConfig('membership', 'MEMBERSHIP_PORT', 4001, new EnvReader({})).host).toBe('127.0.0.1');
    expect(readServiceConfig('membership', 'MEMBERSHIP_PORT', 4001, new EnvReader({ LISTEN_HOST: '0.0.0.0' })).host).toBe('0.0.0.0');
  });

  it('generates the embedded passwords into DATA_DIR unless EMBEDDED_PG_PASSWORD and <NAME>_DB_PASSWORD are set', () => {
    expect(readServiceConfig('itcell', 'ITCELL_PORT', 4002, new EnvReader({ DATA_DIR: '/srv/data' })).database).toEqual({
      url: undefined,
      name: 'itcell',
      rolePassword: undefined,
      embedded: {
        port: 5433,
        dataDir: path.resolve('/srv/data/postgres'),
        password: undefined,
        passwordsDir: path.resolve('/srv/data/db-passwords'),
      },
      limits: { statementTimeoutMs: 15000, lockTimeoutMs: 5000, idleInTransactionTimeoutMs: 60000, poolSize: 10 },
    });
    const configured = readServiceConfig(
      'itcell',
      'ITCELL_PORT',
      4002,
      new EnvReader({ EMBEDDED_PG_PASSWORD: 'su', ITCELL_DB_PASSWORD: 'role' }),
    );
    expect(configured.database).toMatchObject({ rolePassword: 'role', embedded: { password: 'su' } });
  });
});

describe('database limits and the drain timeout', () => {
  const read = (env: Record<string, string>) => readServiceConfig('membership', 'MEMBERSHIP_PORT', 4001, new EnvReader(env));

  it('defaults to 15 s per statement, 5 s per lock wait, 60 s idle in a transaction, 10 connections, a 10 s drain', () => {
    expect(read({})).toMatchObject({
      database: { limits: { statementTimeoutMs: 15000, lockTimeoutMs: 5000, idleInTransactionTimeoutMs: 60000, poolSize: 10 } },
      shutdownTimeoutMs: 10000,
    });
  });

  it('reads each from its variable; 0 turns a timeout off', () => {
    expect(
      read({
        DB_STATEMENT_TIMEOUT_MS: '0',
        DB_LOCK_TIMEOUT_MS: '250',
        DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '30000',
        DB_POOL_SIZE: '4',
        SHUTDOWN_TIMEOUT_MS: '2500',
      }),
    ).toMatchObject({
      database: { limits: { statementTimeoutMs: 0, lockTimeoutMs: 250, idleInTransactionTimeoutMs: 30000, poolSize: 4 } },
      shutdownTimeoutMs: 2500,
    });
  });

  it('fails fast naming the bad variable', () => {
    expect(() => read({ DB_POOL_SIZE: '0' })).toThrow(new ConfigError('DB_POOL_SIZE', 'must be a whole number from 1 to 1000, got "0"'));
    expect(() => read({ DB_STATEMENT_TIMEOUT_MS: '15s' })).toThrow(/DB_STATEMENT_TIMEOUT_MS must be a whole number/);
    expect(() => read({ DB_LOCK_TIMEOUT_MS: '-1' })).toThrow(/DB_LOCK_TIMEOUT_MS must be a whole number/);
    expect(() => read({ DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'never' })).toThrow(/DB_IDLE_IN_TRANSACTION_TIMEOUT_MS must be a whole number/);
    expect(() => read({ SHUTDOWN_TIMEOUT_MS: '1e9' })).toThrow(/SHUTDOWN_TIMEOUT_MS must be a whole number/);
  });
});

describe('AUDIT_RETENTION_DAYS', () => {
  const read = (env: Record<string, string>) => readServiceConfig('membership', 'MEMBERSHIP_PORT', 4001, new EnvReader(env)).audit;

  it('keeps audit entries five years (1825 days) unless told; 0 keeps them for ever', () => {
    expect(read({})).toEqual({ retentionDays: 1825 });
    expect(read({ AUDIT_RETENTION_DAYS: '' })).toEqual({ retentionDays: 1825 });
    expect(read({ AUDIT_RETENTION_DAYS: '0' })).toEqual({ retentionDays: 0 });
    expect(read({ AUDIT_RETENTION_DAYS: ' 90 ' })).toEqual({ retentionDays: 90 });
    expect(read({ AUDIT_RETENTION_DAYS: '36500' })).toEqual({ retentionDays: 36500 });
    expect(readDependentServiceConfig('training', 'TRAINING_PORT', 4003, new EnvReader({ AUDIT_RETENTION_DAYS: '30' })).audit).toEqual({
      retentionDays: 30,
    });
  });

  it('fails fast on a negative, fractional, non-numeric or over-100-year value', () => {
    for (const value of ['-1', '1.5', 'forever', '5y', '36501'])
      expect(() => read({ AUDIT_RETENTION_DAYS: value })).toThrow(
        new ConfigError('AUDIT_RETENTION_DAYS', `must be a whole number from 0 to 36500, got "${value}"`),
      );
  });
});
