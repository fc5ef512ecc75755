import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Identity } from '@sangathan/common';
import type { Request } from 'express';
import { DEFAULT_LIMITS, type LimitsConfig } from './config';
import { checkTokens, operationLimitsPlugin } from './operation-limits';
import { RequestRateLimiter } from './rate-limits';

/** The document a request carries: a POST body's `query`, or a GET's `query` parameter. */
function documentOf(req: Request): string | undefined {
  const body: unknown = req.body;
  const query = body && typeof body === 'object' && !Array.isArray(body) ? (body as { query?: unknown }).query : req.query.query;
  return typeof query === 'string' ? query : undefined;
}

/** Everything the gateway limits, in the two places it is checked: building the request's context, and before planning. */
export class GatewayLimits {
  private readonly rateLimiter: RequestRateLimiter;

  constructor(private readonly config: LimitsConfig = DEFAULT_LIMITS) {
    this.rateLimiter = new RequestRateLimiter(config.rates);
  }

  /**
   * While the context is built, before Apollo parses anything: counts the request against its caller's
   * rate limit (RATE_LIMITED, 429) and the document's tokens (TOKEN_LIMIT_EXCEEDED, 400). Returns the
   * caller's identity. (An error thrown by a plugin before parsing would be a 500.)
   */
  async admit(req: Request, authenticate: () => Promise<Identity | null>): Promise<Identity | null> {
    const identity = await this.rateLimiter.admit(req.socket.remoteAddress ?? 'unknown', authenticate);
    const document = documentOf(req);
    if (document) checkTokens(document, this.config.operations.maxTokens);
    return identity;
  }

  /** Depth, aliases, directives, root fields and cost, once the operation is known. */
  plugin(): ApolloServerPlugin<BaseContext> {
    return operationLimitsPlugin(this.config.operations);
  }
}
