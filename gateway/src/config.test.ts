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
      http: { introspection: false, bodyLimitBytes: 5120 * 1024 },
    });
  });

  it('fails fast naming the bad variable', () => {
    expect(() => loadGatewayConfig(new EnvReader({ GATEWAY_PORT: 'eighty' }))).toThrow(
      new ConfigError('GATEWAY_PORT', 'must be a port number (0-65535), got "eighty"'),
    );
    expect(() => loadGatewayConfig(new EnvReader({ MEMBERSHIP_URL: 'not a url' }))).toThrow(/MEMBERSHIP_URL must be a URL/);
    expect(() => loadGatewayConfig(new EnvReader({ LOG_LEVEL: 'loud' }))).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadGatewayConfig(new EnvReader({ GRAPHQL_INTROSPECTION: 'yes' }))).toThrow(
      new ConfigError('GRAPHQL_INTROSPECTION', 'must be true or false, got "yes"'),
    );
    expect(() => loadGatewayConfig(new EnvReader({ BODY_LIMIT_KB: '0' }))).toThrow(/BODY_LIMIT_KB must be a whole number from 1/);
  });
});
