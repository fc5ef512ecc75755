import { badAccessTokens, CLIENT_ADDRESS_HEADER, graphqlExchange, type RequestOptions } from '@sangathan/common';
import { decodeJwt } from 'jose';
import {
  accountToken,
  createPartyFixture,
  signIn,
  startMembershipTestService,
  TEST_PASSWORD,
  type MembershipTestService,
} from '../../test-support';

let service: MembershipTestService;
let tree: Awaited<ReturnType<typeof createPartyFixture>>;
beforeAll(async () => {
  service = await startMembershipTestService('auth');
  tree = await createPartyFixture(service, 'A');
});
afterAll(() => service.stop());

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken expiresAt account { email role scopeUnit { id } } } }`;
const ME = `{ me { email role scopeUnitId } }`;

/** As the gateway sends it, from a given client address and with a given cookie. */
const exchange = (
  query: string,
  variables?: Record<string, unknown>,
  options: RequestOptions & { cookie?: string; address?: string } = {},
) =>
  graphqlExchange(service.url, query, variables, {
    gatewaySecret: service.auth.internalSecret,
    token: options.token,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      [CLIENT_ADDRESS_HEADER]: options.address ?? '198.51.100.1',
    },
  });

const refreshCookie = (headers: Headers) => /sangathan_refresh=[^;]*/.exec(headers.get('set-cookie') ?? '')?.[0];
const code = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.[0]?.extensions?.code;

describe('signing in', () => {
  it('answers a right password with a token that works and an httpOnly, SameSite=Strict refresh cookie', async () => {
    const editor = await accountToken(service, 'EDITOR', tree.districts[0]);
    const { status, headers, body } = await exchange(LOGIN, { email: editor.email.toUpperCase(), password: TEST_PASSWORD });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ login: { account: { email: editor.email } } });
    const setCookie = headers.get('set-cookie')!;
    expect(setCookie).toMatch(/sangathan_refresh=.+; Max-Age=\d+; Path=\/graphql; HttpOnly; SameSite=Strict/);
    const { login } = body.data as { login: { accessToken: string; expiresAt: string; account: { role: string } } };
    expect(login.account.role).toBe('EDITOR');
    expect(new Date(login.expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(decodeJwt(login.accessToken)).toMatchObject({ iss: 'sangathan', aud: 'sangathan-api', role: 'EDITOR', unit: tree.districts[0] });
    const me = await service.data<{ me: { email: string } }>(ME, undefined, { token: login.accessToken });
    expect(me.me.email).toBe(editor.email);
  });

  it('gives a wrong password, an unknown email and a deactivated account the same answer, and no cookie', async () => {
    const viewer = await accountToken(service, 'VIEWER', tree.districts[1]);
    await service.data(`mutation ($id: ID!) { updateAccount(id: $id, input: { active: false }) { id } }`, { id: viewer.id });
    const answers = await Promise.all(
      [
        { email: viewer.email, password: 'Wrong-password-123' },
        { email: 'nobody@sangathan.test', password: TEST_PASSWORD },
        { email: viewer.email, password: TEST_PASSWORD },
      ].map((credentials, index) => exchange(LOGIN, credentials, { address: `198.51.100.${10 + index}` })),
    );
    for (const answer of answers) {
      // 200 from the subgraph, as any resolver's error (the gateway answers the client 401).
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toEqual([
        expect.objectContaining({
          message: 'wrong email or password',
          extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) },
        }),
      ]);
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
  });

  it('locks an email after 5 failures, even for the right password, and leaves other emails alone', async () => {
    const editor = await accountToken(service, 'EDITOR', tree.districts[0]);
    const other = await accountToken(service, 'EDITOR', tree.districts[0]);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        code((await exchange(LOGIN, { email: editor.email, password: `Wrong-${attempt}-password` }, { address: '203.0.113.5' })).body),
      ).toBe('UNAUTHENTICATED');
    }
    const locked = await exchange(LOGIN, { email: editor.email, password: TEST_PASSWORD }, { address: '203.0.113.6' });
    expect(locked.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('too many failed sign-ins'),
      extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) },
    });
    expect(code((await exchange(LOGIN, { email: other.email, password: TEST_PASSWORD }, { address: '203.0.113.6' })).body)).toBeUndefined();
  });

  it('locks a client address after 30 failures across emails; other addresses still sign in', async () => {
    const editor = await accountToken(service, 'EDITOR', tree.districts[0]);
    for (let attempt = 0; attempt < 30; attempt++) {
      await exchange(LOGIN, { email: `guess${attempt}@sangathan.test`, password: 'Wrong-password-1' }, { address: '192.0.2.77' });
    }
    expect(code((await exchange(LOGIN, { email: editor.email, password: TEST_PASSWORD }, { address: '192.0.2.77' })).body)).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect(code((await exchange(LOGIN, { email: editor.email, password: TEST_PASSWORD }, { address: '192.0.2.78' })).body)).toBeUndefined();
  });
});

describe('sessions', () => {
  const REFRESH = `mutation { refreshToken { accessToken account { email } } }`;

  it('renews with the refresh cookie, rotating it; a cookie two rotations old ends the session', async () => {
    const editor = await accountToken(service, 'EDITOR', tree.districts[0]);
    const first = refreshCookie((await exchange(LOGIN, { email: editor.email, password: TEST_PASSWORD })).headers)!;
    const renewed = await exchange(REFRESH, undefined, { cookie: first });
    expect((renewed.body.data as { refreshToken: { account: { email: string } } }).refreshToken.account.email).toBe(editor.email);
    const second = refreshCookie(renewed.headers)!;
    expect(second).not.toBe(first);
    const third = refreshCookie((await exchange(REFRESH, undefined, { cookie: second })).headers)!;
    // `first` is neither current nor just rotated away: someone replays an old cookie.
    const replay = await exchange(REFRESH, undefined, { cookie: first });
    expect(code(replay.body)).toBe('UNAUTHENTICATED');
    // The session is over for the holder of the newest cookie as well.
    expect(code((await exchange(REFRESH, undefined, { cookie: third })).body)).toBe('UNAUTHENTICATED');
  });

  it('refuses to renew without a cookie, with a malformed one, and for an unknown session', async () => {
    for (const cookie of [undefined, 'sangathan_refresh=junk', 'sangathan_refresh=00000000-0000-4000-8000-000000000000.abcdef']) {
      const answer = await exchange(REFRESH, undefined, { cookie });
      expect(code(answer.body)).toBe('UNAUTHENTICATED');
    }
  });

  it('logout ends the session: its access token and its cookie stop working at once', async () => {
    const editor = await accountToken(service, 'EDITOR', tree.districts[0]);
    const login = await exchange(LOGIN, { email: editor.email, password: TEST_PASSWORD });
    const token = (login.body.data as { login: { accessToken: string } }).login.accessToken;
    const out = await exchange(`mutation { logout }`, undefined, { token });
    expect(out.body.data).toEqual({ logout: true });
    expect(out.headers.get('set-cookie')).toMatch(/sangathan_refresh=; Max-Age=0/);
    expect((await exchange(ME, undefined, { token })).status).toBe(401);
    expect(code((await exchange(REFRESH, undefined, { cookie: refreshCookie(login.headers) })).body)).toBe('UNAUTHENTICATED');
  });

  it('deactivating an account ends its sessions at once; reactivating does not bring them back', async () => {
    const editor = await accountToken(service, 'EDITOR', tree.districts[0]);
    expect((await exchange(ME, undefined, { token: editor.token })).status).toBe(200);
    await service.data(`mutation ($id: ID!) { updateAccount(id: $id, input: { active: false }) { id } }`, { id: editor.id });
    expect((await exchange(ME, undefined, { token: editor.token })).status).toBe(401);
    await service.data(`mutation ($id: ID!) { updateAccount(id: $id, input: { active: true }) { id } }`, { id: editor.id });
    expect((await exchange(ME, undefined, { token: editor.token })).status).toBe(401);
    expect(await signIn(service, editor.email, TEST_PASSWORD)).toEqual(expect.any(String));
  });

  it('changePassword checks the current password and the new one, then ends the other sessions only', async () => {
    const editor = await accountToken(service, 'EDITOR', tree.districts[0]);
    const other = await signIn(service, editor.email, TEST_PASSWORD);
    const change = `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
    const wrong = await service.request(change, { c: 'Not-my-password-1', n: 'Brand-new-password-1' }, { token: editor.token });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { currentPassword: expect.any(String) } });
    const weak = await service.request(change, { c: TEST_PASSWORD, n: 'password123' }, { token: editor.token });
    expect(weak.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { newPassword: expect.stringContaining('common') },
    });
    expect(await service.data(change, { c: TEST_PASSWORD, n: 'Brand-new-password-1' }, { token: editor.token })).toEqual({
      changePassword: true,
    });
    expect((await exchange(ME, undefined, { token: editor.token })).status).toBe(200);
    expect((await exchange(ME, undefined, { token: other })).status).toBe(401);
    expect(code((await exchange(LOGIN, { email: editor.email, password: TEST_PASSWORD })).body)).toBe('UNAUTHENTICATED');
    expect(await signIn(service, editor.email, 'Brand-new-password-1')).toEqual(expect.any(String));
  });
});

describe('credentials this service refuses (UNAUTHENTICATED, HTTP 401)', () => {
  it('refuses a request without the gateway secret, even with a valid token', async () => {
    const answer = await graphqlExchange(service.url, ME, undefined, { token: service.token });
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('gateway') });
    const wrongSecret = await graphqlExchange(service.url, ME, undefined, { token: service.token, gatewaySecret: 'x'.repeat(43) });
    expect(wrongSecret.status).toBe(401);
  });

  it('refuses every kind of bad access token, and runs nothing without one but login', async () => {
    const editor = await accountToken(service, 'EDITOR', tree.districts[0]);
    const { sid } = decodeJwt(editor.token) as { sid: string };
    const tokens = await badAccessTokens({ accountId: editor.id, sessionId: sid, role: 'EDITOR' });
    expect(Object.keys(tokens)).toHaveLength(6);
    for (const [kind, token] of Object.entries(tokens)) {
      const answer = await exchange(`{ members { total } }`, undefined, { token });
      expect({ kind, status: answer.status, code: code(answer.body), data: answer.body.data ?? null }).toEqual({
        kind,
        status: 401,
        code: 'UNAUTHENTICATED',
        data: null,
      });
    }
    const anonymous = await exchange(`{ members { total } }`);
    expect(anonymous.status).toBe(401);
    for (const query of [`{ _service { sdl } }`, `{ _entities(representations: []) { __typename } }`]) {
      expect((await exchange(query)).status).toBe(401);
    }
    // Introspection is off (GRAPHQL_INTROSPECTION): refused as invalid before credentials are looked at.
    const introspection = await exchange(`{ __schema { queryType { name } } }`);
    expect({ status: introspection.status, code: code(introspection.body), data: introspection.body.data ?? null }).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      data: null,
    });
  });

  it('refuses an unknown, malformed or revoked partner token', async () => {
    for (const token of ['sgp_00000000000040008000000000000000_abcdefghijklmnopqrstuvwxyz', 'sgp_nonsense']) {
      expect((await exchange(`{ members { total } }`, undefined, { token })).status).toBe(401);
    }
  });
});
