import { GraphQLError } from 'graphql';

export type LimitCode =
  | 'TOKEN_LIMIT_EXCEEDED'
  | 'DEPTH_LIMIT_EXCEEDED'
  | 'ALIAS_LIMIT_EXCEEDED'
  | 'DIRECTIVE_LIMIT_EXCEEDED'
  | 'ROOT_FIELD_LIMIT_EXCEEDED'
  | 'COST_LIMIT_EXCEEDED';

/** An operation over one of the gateway's limits: HTTP 400, its own code, the limit and what was found. */
export function limitExceeded(code: LimitCode, message: string, limit: number, found?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, limit, ...(found === undefined ? {} : { found }), http: { status: 400 } },
  });
}

/** Over a rate limit: HTTP 429 with Retry-After, and the same wait in `retryAfterSeconds`. */
export function rateLimited(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
