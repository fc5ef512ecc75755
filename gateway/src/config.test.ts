import { ConfigError, EnvReader } from '@sangathan/common';
import { loadGatewayConfig } from './config';

describe('gateway config', () => {
  it('defaults to port 4000 and the local subgraph URLs', () => {
    expect(loadGatewayConfig(new EnvReader({}))).toEqual({
      port: 4000,
      logLevel: 'info',
      subgraphUrls: {
        membership: 'http://localhost:4001/graphql',
        itcell: 'http://localhost:4002/graphql',
        training: 'http://localhost:4003/graphql',
      },
      shutdownTimeoutMs: 10000,
    });
  });

  it('fails fast naming the bad variable', () => {
    expect(() => loadGatewayConfig(new EnvReader({ GATEWAY_PORT: 'eighty' }))).toThrow(
      new ConfigError('GATEWAY_PORT', 'must be a port number (0-65535), got "eighty"'),
    );
    expect(() => loadGatewayConfig(new EnvReader({ MEMBERSHIP_URL: 'not a url' }))).toThrow(/MEMBERSHIP_URL must be a URL/);
    expect(() => loadGatewayConfig(new EnvReader({ LOG_LEVEL: 'loud' }))).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadGatewayConfig(new EnvReader({ SHUTDOWN_TIMEOUT_MS: '-1' }))).toThrow(
      new ConfigError('SHUTDOWN_TIMEOUT_MS', 'must be a whole number from 0 to 600000, got "-1"'),
    );
  });
});
