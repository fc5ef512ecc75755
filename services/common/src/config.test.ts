import { ConfigError, EnvReader, readDependentServiceConfig, readServiceConfig } from './config';

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
