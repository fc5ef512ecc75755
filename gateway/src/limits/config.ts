import { EnvReader } from '@sangathan/common';

/** What one GraphQL request may ask for at the gateway, checked before any subgraph is called. */
export interface OperationLimits {
  /** Lexical tokens in the document (names, punctuation, values); comments do not count. */
  maxTokens: number;
  /** Nesting of fields: `{ members { items { id } } }` is 3 deep. Fragments add no level of their own. */
  maxDepth: number;
  /** Aliased fields in the operation. */
  maxAliases: number;
  /** Directives (`@include`, `@skip`, …) in the operation. */
  maxDirectives: number;
  /** Fields at the root of the operation, aliases included (`__typename` not counted). */
  maxRootFields: number;
  /** Estimated cost (see cost.ts): each field 1, a page's selection times its page size. */
  maxCost: number;
}

/** Requests per window for each kind of caller, in this gateway process's memory. */
export interface RateLimits {
  windowSeconds: number;
  /** Per signed-in account. */
  perAccount: number;
  /** Per partner token. */
  perPartnerToken: number;
  /** Per client address, for requests without credentials (login, refreshToken) or with bad ones. */
  perAddress: number;
}

export interface LimitsConfig {
  operations: OperationLimits;
  rates: RateLimits;
}

/**
 * Far above what the console, the playground and the README's examples send (the console's largest
 * request, a 500-row list or export page, costs about a quarter of maxCost; its deepest is 6 levels;
 * limits.test.ts checks them all against half of each limit). The busiest account in the test suite
 * and the browser tests sent about 110 requests in a minute through one gateway.
 */
export const DEFAULT_LIMITS: LimitsConfig = {
  operations: { maxTokens: 2_000, maxDepth: 12, maxAliases: 20, maxDirectives: 20, maxRootFields: 20, maxCost: 50_000 },
  rates: { windowSeconds: 60, perAccount: 1_200, perPartnerToken: 1_200, perAddress: 300 },
};

/** GATEWAY_MAX_* and RATE_LIMIT_* variables, each defaulting to DEFAULT_LIMITS. */
export function readLimitsConfig(env = new EnvReader()): LimitsConfig {
  const operations = DEFAULT_LIMITS.operations;
  const rates = DEFAULT_LIMITS.rates;
  const count = (name: string, fallback: number) => env.integer(name, fallback, 1, 1_000_000_000);
  return {
    operations: {
      maxTokens: count('GATEWAY_MAX_TOKENS', operations.maxTokens),
      maxDepth: count('GATEWAY_MAX_DEPTH', operations.maxDepth),
      maxAliases: env.integer('GATEWAY_MAX_ALIASES', operations.maxAliases, 0, 1_000_000),
      maxDirectives: env.integer('GATEWAY_MAX_DIRECTIVES', operations.maxDirectives, 0, 1_000_000),
      maxRootFields: count('GATEWAY_MAX_ROOT_FIELDS', operations.maxRootFields),
      maxCost: count('GATEWAY_MAX_COST', operations.maxCost),
    },
    rates: {
      windowSeconds: env.integer('RATE_LIMIT_WINDOW_SECONDS', rates.windowSeconds, 1, 86_400),
      perAccount: count('RATE_LIMIT_PER_ACCOUNT', rates.perAccount),
      perPartnerToken: count('RATE_LIMIT_PER_PARTNER_TOKEN', rates.perPartnerToken),
      perAddress: count('RATE_LIMIT_PER_ADDRESS', rates.perAddress),
    },
  };
}

/** Defaults with some values replaced (tests start gateways with low limits). */
export function limitsWith(overrides: { operations?: Partial<OperationLimits>; rates?: Partial<RateLimits> } = {}): LimitsConfig {
  return {
    operations: { ...DEFAULT_LIMITS.operations, ...overrides.operations },
    rates: { ...DEFAULT_LIMITS.rates, ...overrides.rates },
  };
}
