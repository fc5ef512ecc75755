import path from 'node:path';
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
