import type { Identity } from '@sangathan/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimits } from './config';
import { rateLimited } from './errors';

type CallerKind = 'account' | 'partner token' | 'address';

/**
 * Requests per window, counted in this gateway process's memory: per account, per partner token, and
 * per client address for requests without credentials (login, refreshToken) or with bad ones. Each
 * kind has its own counters, so one account over its limit blocks no other account.
 */
export class RequestRateLimiter {
  private readonly limiters: Record<CallerKind, RateLimiterMemory>;

  constructor(private readonly limits: RateLimits) {
    const limiter = (points: number) => new RateLimiterMemory({ points, duration: limits.windowSeconds });
    this.limiters = {
      account: limiter(limits.perAccount),
      'partner token': limiter(limits.perPartnerToken),
      address: limiter(limits.perAddress),
    };
  }

  /**
   * The caller's identity, counted against its limit: authenticates, then counts the request for the
   * account or partner token, or for the address when there are no credentials or they fail.
   * Over the limit: RATE_LIMITED (HTTP 429, Retry-After).
   */
  async admit(clientAddress: string, authenticate: () => Promise<Identity | null>): Promise<Identity | null> {
    let identity: Identity | null;
    try {
      identity = await authenticate();
    } catch (error) {
      await this.count('address', clientAddress);
      throw error;
    }
    if (!identity) await this.count('address', clientAddress);
    else if (identity.kind === 'account') await this.count('account', identity.subject);
    else if (identity.kind === 'partner') await this.count('partner token', identity.subject);
    return identity;
  }

  private async count(kind: CallerKind, key: string): Promise<void> {
    try {
      await this.limiters[kind].consume(key);
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      const retryAfterSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
      const limit = this.limiters[kind].points;
      throw rateLimited(
        `Too many requests for this ${kind}: the limit is ${limit} per ${this.limits.windowSeconds} s; try again in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      );
    }
  }
}
