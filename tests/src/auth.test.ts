import { badAccessTokens, graphqlExchange } from '@sangathan/common';
import { accountToken, createPartyFixture, TEST_PASSWORD } from '@sangathan/membership/test-support';
import { decodeJwt } from 'jose';
import { clearQueryLogs, dataQueries, startTestSystem, type TestSystem } from './support';

let system: TestSystem;
let tree: Awaited<ReturnType<typeof createPartyFixture>>;
beforeAll(async () => {
  system = await startTestSystem('auth');
  tree = await createPartyFixture(system.membership, 'G');
});
afterAll(() => system.stop());

/** One query that asks every subgraph. */
const EVERYWHERE = `{ members { total } socialTeams { total } camps { total } }`;
const code = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.[0]?.extensions?.code;

describe('the gateway checks credentials before planning', () => {
  it('answers 401 UNAUTHENTICATED for every bad credential, and asks no subgraph', async () => {
    const editor = await accountToken(system.membership, 'EDITOR', tree.districts[0]);
    const { sid } = decodeJwt(editor.token) as { sid: string };
    const bad = await badAccessTokens({ accountId: editor.id, sessionId: sid, role: 'EDITOR' });
    const cases: Record<string, { authorization?: string }> = {
      missing: {},
      'not bearer': { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
      ...Object.fromEntries(Object.entries(bad).map(([kind, token]) => [kind, { authorization: `Bearer ${token}` }])),
      'unknown partner token': { authorization: 'Bearer sgp_00000000000040008000000000000000_abcdefghijklmnopqrstuvwxyz' },
    };
    for (const [kind, headers] of Object.entries(cases)) {
      clearQueryLogs(system);
      const answer = await graphqlExchange(system.gatewayUrl, EVERYWHERE, undefined, { headers: headers as Record<string, string> });
      expect({ kind, status: answer.status, code: code(answer.body), data: answer.body.data ?? null }).toEqual({
        kind,
        status: 401,
        code: 'UNAUTHENTICATED',
        data: null,
      });
      expect(dataQueries(system)).toEqual([]);
    }
  });

  it('answers 401 for a deactivated account, a signed-out session and a revoked partner token', async () => {
    const editor = await accountToken(system.membership, 'EDITOR', tree.districts[0]);
    const signedOut = await accountToken(system.membership, 'EDITOR', tree.districts[0]);
    const { createPartnerToken: partner } = await system.data<{ createPartnerToken: { id: string; secret: string } }>(
      `mutation ($input: PartnerTokenInput!) { createPartnerToken(input: $input) { id secret } }`,
      { input: { name: 'App', scopeUnitId: tree.state, scopes: ['members:read'] } },
    );
    for (const token of [editor.token, signedOut.token, partner.secret]) {
      expect((await graphqlExchange(system.gatewayUrl, `{ members { total } }`, undefined, { token })).status).toBe(200);
    }
    await system.data(`mutation ($id: ID!) { updateAccount(id: $id, input: { active: false }) { id } }`, { id: editor.id });
    await system.data(`mutation { logout }`, undefined, { token: signedOut.token });
    await system.data(`mutation ($id: ID!) { revokePartnerToken(id: $id) { id } }`, { id: partner.id });
    for (const token of [editor.token, signedOut.token, partner.secret]) {
      clearQueryLogs(system);
      const answer = await graphqlExchange(system.gatewayUrl, EVERYWHERE, undefined, { token });
      expect(answer.status).toBe(401);
      expect(code(answer.body)).toBe('UNAUTHENTICATED');
      expect(dataQueries(system)).toEqual([]);
    }
  });

  it('runs login and refreshToken without credentials, and passes the refresh cookie both ways', async () => {
    const editor = await accountToken(system.membership, 'EDITOR', tree.districts[0]);
    const login = await graphqlExchange<{ login: { accessToken: string } }>(
      system.gatewayUrl,
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
      { email: editor.email, password: TEST_PASSWORD },
    );
    const cookie = /sangathan_refresh=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    expect(cookie).toBeDefined();
    const wrong = await graphqlExchange(
      system.gatewayUrl,
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
      { email: editor.email, password: 'Wrong-password-1' },
    );
    expect({ status: wrong.status, code: code(wrong.body), message: wrong.body.errors?.[0]?.message }).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'wrong email or password',
    });
    const refreshed = await graphqlExchange<{ refreshToken: { accessToken: string } }>(
      system.gatewayUrl,
      `mutation { refreshToken { accessToken } }`,
      undefined,
      { headers: { cookie: cookie! } },
    );
    expect(refreshed.body.data?.refreshToken.accessToken).toEqual(expect.any(String));
    expect(refreshed.headers.get('set-cookie')).toMatch(/sangathan_refresh=/);
    // A public operation does not open the door to others in the same request.
    const mixed = await graphqlExchange(
      system.gatewayUrl,
      `mutation { refreshToken { accessToken } deleteMember(id: "x") { id } }`,
      undefined,
      {
        headers: { cookie: cookie! },
      },
    );
    expect(mixed.status).toBe(401);
  });

  it('serves the public keys at /.well-known/jwks.json', async () => {
    const jwks = (await (await fetch(`${system.gatewayBase}/.well-known/jwks.json`)).json()) as {
      keys: { kty: string; crv: string; d?: string }[];
    };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' })]);
    expect(jwks.keys[0].d).toBeUndefined();
  });
});

describe('a subgraph called directly', () => {
  it.each(['membership', 'itcell', 'training'] as const)(
    '%s refuses requests without the gateway secret, and bad tokens with it',
    async (name) => {
      const service = system[name];
      const editor = await accountToken(system.membership, 'EDITOR', tree.districts[0]);
      const { sid } = decodeJwt(editor.token) as { sid: string };
      const direct = await graphqlExchange(service.url, `{ __typename }`, undefined, { token: system.token });
      expect(direct.status).toBe(401);
      const entities = await graphqlExchange(service.url, `{ _service { sdl } }`, undefined, { token: system.token });
      expect(entities.status).toBe(401);
      for (const [kind, token] of Object.entries(await badAccessTokens({ accountId: editor.id, sessionId: sid, role: 'EDITOR' }))) {
        const answer = await graphqlExchange(service.url, `{ _service { sdl } }`, undefined, {
          token,
          gatewaySecret: service.auth.internalSecret,
        });
        expect({ kind, status: answer.status }).toEqual({ kind, status: 401 });
      }
      // Control: the gateway's way in works.
      const ok = await graphqlExchange(service.url, `{ _service { sdl } }`, undefined, {
        token: system.token,
        gatewaySecret: service.auth.internalSecret,
      });
      expect(ok.status).toBe(200);
    },
  );
});
