import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { serviceUnavailable, unauthenticated } from '../errors';
import { accountIdentity, serviceIdentity, type Identity } from './identity';
import { isServiceToken, ServiceTokenSource, TokenError, verifyServiceToken, type TokenVerifier } from './tokens';
import { requestIdHeaders } from '../request-context';

/** Set by the gateway on every subgraph request; a direct caller does not have the secret. */
export const GATEWAY_HEADER = 'x-sangathan-gateway';
/** The caller's address as the gateway saw it (trusted only with GATEWAY_HEADER): for login throttling. */
export const CLIENT_ADDRESS_HEADER = 'x-sangathan-client-address';
/** Partner app tokens start with this, so they are told apart from access tokens without a lookup. */
export const PARTNER_TOKEN_PREFIX = 'sgp_';

/** What only membership knows: which sessions are live and what a partner token stands for. */
export interface CredentialStore {
  /** Of these sessions, the ones still usable: not ended, not expired, their account active. */
  activeSessions(ids: string[]): Promise<Set<string>>;
  /** The identity a partner token stands for, or null when unknown, expired or revoked; records the use. */
  partnerIdentity(token: string): Promise<Identity | null>;
}

/** A short-lived memo of positive and negative answers; bounded so a flood of junk tokens cannot grow it. */
class Memo<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(private readonly ms: number) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ms <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = await load();
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(key, { value, until: Date.now() + this.ms });
    return value;
  }
}

export interface AuthenticatorOptions {
  verifier: TokenVerifier;
  store: CredentialStore;
  internalSecret: string;
  /** How long a session's or partner token's status is trusted (0: asked on every request). */
  statusCacheMs: number;
  /**
   * Subgraphs: only the gateway (GATEWAY_HEADER) or another Sangathan service (a service token) may
   * call; the gateway itself is open to clients.
   */
  internalOnly: boolean;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Turns a request's credentials into an Identity, or null when it carries none (then only public
 * operations run). Bad credentials are UNAUTHENTICATED (HTTP 401), whatever the operation.
 */
export class Authenticator {
  private readonly sessions: Memo<boolean>;
  private readonly partners: Memo<Identity | null>;

  constructor(private readonly options: AuthenticatorOptions) {
    this.sessions = new Memo(options.statusCacheMs);
    this.partners = new Memo(options.statusCacheMs);
  }

  /** Whether the request carries the gateway's secret. */
  fromGateway(headers: IncomingHttpHeaders): boolean {
    return sameSecret(header(headers, GATEWAY_HEADER), this.options.internalSecret);
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<Identity | null> {
    const authorization = header(headers, 'authorization');
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (authorization && !bearer) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    if (bearer && isServiceToken(bearer)) return this.service(bearer);
    if (this.options.internalOnly && !this.fromGateway(headers)) {
      throw unauthenticated('this service answers only the gateway; send requests to the gateway');
    }
    if (!bearer) return null;
    if (bearer.startsWith(PARTNER_TOKEN_PREFIX)) return this.partner(bearer);
    return this.account(bearer);
  }

  private async service(token: string): Promise<Identity> {
    try {
      return serviceIdentity(await verifyServiceToken(this.options.internalSecret, token));
    } catch {
      throw unauthenticated('the service token is not valid');
    }
  }

  private async partner(token: string): Promise<Identity> {
    const key = createHash('sha256').update(token).digest('base64url');
    const identity = await this.partners.get(key, () => this.options.store.partnerIdentity(token));
    if (!identity) throw unauthenticated('the partner token is unknown, expired or revoked');
    return identity;
  }

  private async account(token: string): Promise<Identity> {
    let claims;
    try {
      claims = await this.options.verifier.verify(token);
    } catch (error) {
      if (error instanceof TokenError) throw unauthenticated(error.message);
      throw serviceUnavailable('membership');
    }
    const active = await this.sessions.get(claims.sessionId, async () =>
      (await this.options.store.activeSessions([claims.sessionId])).has(claims.sessionId),
    );
    if (!active) throw unauthenticated('the session has ended or the account is deactivated; sign in again');
    return accountIdentity({ id: claims.accountId, ...claims });
  }
}

/**
 * The CredentialStore of every process but membership: asks membership's internal endpoints with a
 * service token. A membership that does not answer is SERVICE_UNAVAILABLE, never a pass.
 */
export class RemoteCredentialStore implements CredentialStore {
  private readonly tokens: ServiceTokenSource;

  constructor(
    private readonly membershipBase: string,
    internalSecret: string,
    service: string,
  ) {
    this.tokens = new ServiceTokenSource(internalSecret, service);
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.membershipBase), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.tokens.token()}`, ...requestIdHeaders() },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    }).catch(() => null);
    if (!response?.ok) throw serviceUnavailable('membership');
    return (await response.json()) as T;
  }

  async activeSessions(ids: string[]): Promise<Set<string>> {
    const { active } = await this.post<{ active: string[] }>('/internal/auth/sessions', { ids });
    return new Set(active);
  }

  async partnerIdentity(token: string): Promise<Identity | null> {
    const { identity } = await this.post<{ identity: (Omit<Identity, 'scopes'> & { scopes: string[] }) | null }>(
      '/internal/auth/partner-token',
      { token },
    );
    return identity ? ({ ...identity, scopes: new Set(identity.scopes) } as Identity) : null;
  }
}
