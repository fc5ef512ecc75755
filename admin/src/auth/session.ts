/**
 * The signed-in session, shared by the console and the playground (no React, no react-admin).
 *
 * The access token lives in memory only; the httpOnly `sangathan_refresh` cookie (Path=/graphql) that
 * login sets is what survives a page load: `restore()` trades it for a fresh access token, and the
 * token is renewed the same way shortly before it expires. `authFetch` is the fetch every GraphQL
 * request of the console goes through: it adds `Authorization: Bearer …` and, answered 401, renews once
 * and sends the request again.
 */

export const ROLES = ['SUPERADMIN', 'ADMIN', 'EDITOR', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
  scopeUnitId: string | null;
  scopeUnit: { id: string; name: string; level: string } | null;
}

export const ACCOUNT_FIELDS = 'id email displayName role organizationId scopeUnitId scopeUnit { id name level }';
const SESSION_FIELDS = `accessToken expiresAt account { ${ACCOUNT_FIELDS} }`;

/** Renew this long before the access token expires (it lives about 15 minutes). */
const RENEW_BEFORE_MS = 60_000;
/** After a renewal failed for want of a network, try again this soon. */
const RETRY_MS = 15_000;

export type AuthErrorCode = 'UNAUTHENTICATED' | 'TOO_MANY_REQUESTS' | 'BAD_USER_INPUT' | 'NETWORK' | 'SERVER';

/** A sign-in, renewal or password change that did not work, with what the server said. */
export class AuthError extends Error {
  constructor(
    message: string,
    readonly code: AuthErrorCode,
    readonly details: { retryAfterSeconds?: number; fields?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number; fields?: Record<string, string> } }[];
}

interface SignedIn {
  accessToken: string;
  expiresAt: string;
  account: Account;
}

type Listener = (account: Account | null) => void;

export class Session {
  private current: { token: string; expiresAt: number; account: Account } | null = null;
  private renewing: Promise<string | null> | null = null;
  private restoring: Promise<Account | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly url: string = new URL('/graphql', window.location.origin).toString(),
    private readonly fetchImpl: typeof fetch = (...args) => window.fetch(...args),
  ) {}

  /** The signed-in account, or null. */
  get account(): Account | null {
    return this.current?.account ?? null;
  }

  /** Called with the account whenever it changes (sign-in, sign-out, a renewal that brought another account). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async login(email: string, password: string): Promise<Account> {
    const data = await this.call<{ login: SignedIn }>(
      `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { ${SESSION_FIELDS} } }`,
      { email, password },
    );
    this.restoring = null;
    return this.accept(data.login);
  }

  /** On page load: the refresh cookie, if any, becomes a session again; null when there is none (or it ended). */
  restore(): Promise<Account | null> {
    if (this.current) return Promise.resolve(this.current.account);
    // "No session" is remembered until a sign-in: page load asks several times (checkAuth, the login page).
    this.restoring ??= this.renew().then(() => {
      if (this.account) this.restoring = null;
      return this.account;
    });
    return this.restoring;
  }

  /**
   * A valid access token, renewed first when it is about to expire; null when signed out. A request made on
   * page load before anything restored the session (a form's reference choices) restores it first: sent
   * without a token it would be refused, and that refusal would sign the user out.
   */
  async accessToken(): Promise<string | null> {
    if (this.renewing) return this.renewing;
    if (!this.current && !(await this.restore())) return null;
    if (!this.current) return null;
    if (this.current.expiresAt - Date.now() < RENEW_BEFORE_MS / 2) return this.renew();
    return this.current.token;
  }

  /**
   * Trades the refresh cookie for a new access token (the cookie rotates). One renewal at a time: callers
   * during one share its answer. A session the server has ended signs out; a network failure keeps the
   * current token (it may still be valid) and tries again soon.
   */
  renew(): Promise<string | null> {
    this.renewing ??= this.call<{ refreshToken: SignedIn }>(`mutation RefreshToken { refreshToken { ${SESSION_FIELDS} } }`)
      .then((data) => this.accept(data.refreshToken) && this.current!.token)
      .catch((error: unknown) => {
        if (error instanceof AuthError && (error.code === 'NETWORK' || error.code === 'SERVER') && this.current) {
          this.schedule(RETRY_MS);
          return this.current.expiresAt > Date.now() ? this.current.token : null;
        }
        this.clear();
        return null;
      })
      .finally(() => {
        this.renewing = null;
      });
    return this.renewing;
  }

  /** Ends the session on the server (which clears the cookie) and forgets it here, whatever the server said. */
  async logout(): Promise<void> {
    const token = this.current?.token;
    this.clear();
    if (!token) return;
    await this.call<{ logout: boolean }>('mutation Logout { logout }', {}, token).catch(() => undefined);
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const token = await this.accessToken();
    if (!token) throw new AuthError('not signed in', 'UNAUTHENTICATED');
    await this.call<{ changePassword: boolean }>(
      'mutation ChangePassword($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }',
      { currentPassword, newPassword },
      token,
    );
  }

  /**
   * fetch with the session's bearer token. Headers the caller set win: a request that already carries
   * an Authorization header (the playground's header pane) is sent as it is.
   */
  authFetch: typeof fetch = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (headers.has('authorization')) return this.fetchImpl(input, { ...init, credentials: 'same-origin' });
    const send = (token: string | null) => {
      const withToken = new Headers(headers);
      if (token) withToken.set('authorization', `Bearer ${token}`);
      return this.fetchImpl(input, { ...init, headers: withToken, credentials: 'same-origin' });
    };
    const token = await this.accessToken();
    const response = await send(token);
    if (response.status !== 401 || !token) return response;
    // The token was refused (expired while the tab slept, or the session was ended elsewhere): renew once.
    const renewed = await this.renew();
    return renewed ? send(renewed) : response;
  };

  private accept(signedIn: SignedIn): Account {
    const previous = this.current?.account;
    const expiresAt = new Date(signedIn.expiresAt).getTime();
    this.current = { token: signedIn.accessToken, expiresAt, account: signedIn.account };
    this.schedule(expiresAt - Date.now() - RENEW_BEFORE_MS);
    if (!previous || previous.id !== signedIn.account.id || previous.role !== signedIn.account.role) this.emit();
    return signedIn.account;
  }

  private schedule(delayMs: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.renew(), Math.max(delayMs, 5_000));
  }

  private clear() {
    clearTimeout(this.timer);
    const hadAccount = !!this.current;
    this.current = null;
    if (hadAccount) this.emit();
  }

  private emit() {
    for (const listener of this.listeners) listener(this.account);
  }

  /** POSTs an operation; GraphQL errors become AuthErrors with the server's code. */
  private async call<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new AuthError((error as Error).message, 'NETWORK');
    }
    let body: GraphQLResult<T>;
    try {
      body = (await response.json()) as GraphQLResult<T>;
    } catch {
      throw new AuthError(`HTTP ${response.status}`, response.status === 401 ? 'UNAUTHENTICATED' : 'SERVER');
    }
    const error = body.errors?.[0];
    if (error || !body.data) {
      const code = error?.extensions?.code;
      const known: AuthErrorCode =
        code === 'UNAUTHENTICATED' || code === 'TOO_MANY_REQUESTS' || code === 'BAD_USER_INPUT'
          ? code
          : response.status === 401
            ? 'UNAUTHENTICATED'
            : 'SERVER';
      throw new AuthError(error?.message ?? `HTTP ${response.status}`, known, {
        retryAfterSeconds: error?.extensions?.retryAfterSeconds,
        fields: error?.extensions?.fields,
      });
    }
    return body.data;
  }
}

/** The one session of this page. */
export const session = new Session();
