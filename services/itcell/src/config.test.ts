import { EnvReader } from '@sangathan/common';
import { loadConfig } from './config';

describe('itcell config', () => {
  it('defaults to port 4002, the local membership service and a 5 s unit sync', () => {
    expect(loadConfig(new EnvReader({}))).toMatchObject({
      port: 4002,
      membershipUrl: 'http://localhost:4001/graphql',
      unitSyncIntervalMs: 5000,
    });
  });

  it('fails fast naming the bad variable', () => {
    expect(() => loadConfig(new EnvReader({ UNIT_SYNC_INTERVAL_MS: '10' }))).toThrow(
      'Invalid configuration: UNIT_SYNC_INTERVAL_MS must be a whole number from 100 to 3600000, got "10"',
    );
    expect(() => loadConfig(new EnvReader({ MEMBERSHIP_URL: 'membership' }))).toThrow(/MEMBERSHIP_URL must be a URL/);
    expect(() => loadConfig(new EnvReader({ ITCELL_PORT: '99999' }))).toThrow(/ITCELL_PORT must be a port number/);
  });
});
