import { ConfigError, EnvReader } from '@sangathan/common';
import { loadGatewayConfig } from './config';
import { DEFAULT_LIMITS } from './limits';

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
      subgraphRequests: { timeoutMs: 10_000, maxConnections: 64 },
      limits: DEFAULT_LIMITS,
      http: { introspection: false, bodyLimitBytes: 5120 * 1024 },
      shutdownTimeoutMs: 10000,
    });
  });

  it('reads the operation limits and rate limits', () => {
    const config = loadGatewayConfig(
      new EnvReader({ GATEWAY_MAX_DEPTH: '8', GATEWAY_MAX_COST: '1000', GATEWAY_MAX_ALIASES: '0', RATE_LIMIT_PER_ADDRESS: '5' }),
    );
    expect(config.limits.operations).toEqual({ ...DEFAULT_LIMITS.operations, maxDepth: 8, maxCost: 1000, maxAliases: 0 });
    expect(config.limits.rates).toEqual({ ...DEFAULT_LIMITS.rates, perAddress: 5 });
    expect(() => loadGatewayConfig(new EnvReader({ RATE_LIMIT_PER_ACCOUNT: '0' }))).toThrow(
      /RATE_LIMIT_PER_ACCOUNT must be a whole number/,
    );
    expect(() => loadGatewayConfig(new EnvReader({ GATEWAY_MAX_TOKENS: 'many' }))).toThrow(/GATEWAY_MAX_TOKENS must be a whole number/);
  });

  it('reads the subgraph request deadline and pool size', () => {
    const config = loadGatewayConfig(new EnvReader({ SUBGRAPH_TIMEOUT_MS: '2500', SUBGRAPH_MAX_CONNECTIONS: '8' }));
    expect(config.subgraphRequests).toEqual({ timeoutMs: 2500, maxConnections: 8 });
  });

  it('listens on every interface unless GATEWAY_HOST says otherwise', () => {
    expect(loadGatewayConfig(new EnvReader({})).host).toBeUndefined();
    expect(loadGatewayConfig(new EnvReader({ GATEWAY_HOST: '127.0.0.1' })).host).toBe('127.0.0.1');
  });

  it('fails fast naming the bad variable', () => {
    expect(() => loadGatewayConfig(new EnvReader({ GATEWAY_PORT: 'eighty' }))).toThrow(
      new ConfigError('GATEWAY_PORT', 'must be a port number (0-65535), got "eighty"'),
    );
    expect(() => loadGatewayConfig(new EnvReader({ MEMBERSHIP_URL: 'not a url' }))).toThrow(/MEMBERSHIP_URL must be a URL/);
    expect(() => loadGatewayConfig(new EnvReader({ LOG_LEVEL: 'loud' }))).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadGatewayConfig(new EnvReader({ SUBGRAPH_TIMEOUT_MS: '0' }))).toThrow(/SUBGRAPH_TIMEOUT_MS must be/);
    expect(() => loadGatewayConfig(new EnvReader({ SUBGRAPH_MAX_CONNECTIONS: 'many' }))).toThrow(/SUBGRAPH_MAX_CONNECTIONS must be/);
    expect(() => loadGatewayConfig(new EnvReader({ GRAPHQL_INTROSPECTION: 'yes' }))).toThrow(
      new ConfigError('GRAPHQL_INTROSPECTION', 'must be true or false, got "yes"'),
    );
    expect(() => loadGatewayConfig(new EnvReader({ BODY_LIMIT_KB: '0' }))).toThrow(/BODY_LIMIT_KB must be a whole number from 1/);
    expect(() => loadGatewayConfig(new EnvReader({ SHUTDOWN_TIMEOUT_MS: '-1' }))).toThrow(
      new ConfigError('SHUTDOWN_TIMEOUT_MS', 'must be a whole number from 0 to 600000, got "-1"'),
    );
  });
});
