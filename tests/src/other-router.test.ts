import { createGatewayRuntime, type GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';
import { CLIENT_ADDRESS_HEADER, GATEWAY_HEADER, graphqlExchange, type GraphQLResponse, type RunningServer } from '@sangathan/common';
import { accountToken, createMember, createPartyFixture, TEST_PASSWORD } from '@sangathan/membership/test-support';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { clearQueryLogs, dataQueries, startTestSystem, type TestSystem } from './support';

// The committed supergraph served by another federation-2 router, Hive Gateway, configured as the README
// shows: it forwards the caller's Authorization header (each subgraph verifies the token against the
// public keys), adds the internal secret that marks a gateway and the client's address, and passes the
// refresh cookie to and from membership. Our own gateway is not involved.

const SUPERGRAPH = path.join(__dirname, '../../gateway/supergraph.graphql');

let system: TestSystem;
let router: RunningServer;
let tree: Awaited<ReturnType<typeof createPartyFixture>>;

/** The README's `gateway.config.ts` for `hive-gateway supergraph gateway/supergraph.graphql`, with its environment as arguments. */
function hiveGatewayConfig(internalSecret: string, subgraphUrls: Record<string, string>) {
  return {
    transportEntries: Object.fromEntries(Object.entries(subgraphUrls).map(([subgraph, location]) => [subgraph, { location }])),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, context, subgraphName }) => ({
        [GATEWAY_HEADER]: internalSecret,
        [CLIENT_ADDRESS_HEADER]: context.req?.socket.remoteAddress,
        authorization: request.headers.get('authorization'),
        cookie: subgraphName === 'membership' ? request.headers.get('cookie') : null,
      }),
      fromSubgraphsToClient: ({ response, subgraphName }) => {
        const cookies = subgraphName === 'membership' ? response.headers.getSetCookie() : [];
        return cookies.length ? { 'set-cookie': cookies } : undefined;
      },
    },
  } satisfies Omit<GatewayConfigSupergraph<{ req: IncomingMessage }>, 'supergraph'>;
}

/** A POST to the router over IPv4 from 127.0.0.2, so the router's own address and the client's differ. */
function postFromOtherAddress(port: number, query: string, variables: Record<string, unknown>) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: GraphQLResponse<{ login: { accessToken: string } }> }>(
    (resolve, reject) => {
      const options = { method: 'POST', localAddress: '127.0.0.2', headers: { 'content-type': 'application/json' } };
      const request = http.request(`http://127.0.0.1:${port}/graphql`, options, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      });
      request.on('error', reject);
      request.end(JSON.stringify({ query, variables }));
    },
  );
}

/** The same token with one signature byte changed (the first signature character: all of its bits count). */
function brokenSignature(token: string): string {
  const [header, payload, signature] = token.split('.');
  return `${header}.${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
}

beforeAll(async () => {
  system = await startTestSystem('other_router');
  tree = await createPartyFixture(system.membership, 'H');
  const runtime = createGatewayRuntime({
    supergraph: SUPERGRAPH,
    logging: false,
    ...hiveGatewayConfig(system.membership.auth.internalSecret, {
      membership: system.membership.url,
      itcell: system.itcell.url,
      training: system.training.url,
    }),
  });
  const server = http.createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  router = {
    url: `http://localhost:${port}/graphql`,
    port,
    stop: async () => {
      await runtime.dispose();
      await new Promise((resolve) => server.close(resolve));
    },
  };
});
afterAll(async () => {
  await router?.stop();
  await system?.stop();
});

describe('Hive Gateway in front of the subgraphs', () => {
  it('signs in with the refresh cookie, renews with it, and answers within the caller’s scope across subgraphs', async () => {
    const editor = await accountToken(system.membership, 'EDITOR', tree.districts[0]);
    const inside = await createMember(system.membership, { organizationId: tree.organizationId, fullName: 'भीतर', unitId: tree.booths[0] });
    const outside = await createMember(system.membership, {
      organizationId: tree.organizationId,
      fullName: 'बाहर',
      unitId: tree.booths[7],
    });
    for (const [unitId, memberId] of [
      [tree.districts[0], inside],
      [tree.districts[3], outside],
    ]) {
      const { createSocialTeam: team } = await system.data<{ createSocialTeam: { id: string } }>(
        `mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }`,
        { input: { unitId, name: 'आईटी टीम' } },
      );
      await system.data(`mutation ($input: TeamMemberInput!) { createTeamMember(input: $input) { id } }`, {
        input: { teamId: team.id, memberId, role: 'CYBER_WARRIOR', since: '2020-01-01' },
      });
    }

    const login = await postFromOtherAddress(
      router.port,
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
      { email: editor.email, password: TEST_PASSWORD },
    );
    expect(login.body.errors).toBeUndefined();
    const setCookie = login.headers['set-cookie']?.join('\n') ?? '';
    expect(setCookie).toMatch(/sangathan_refresh=.+HttpOnly; SameSite=Strict/);
    const cookie = /sangathan_refresh=[^;]*/.exec(setCookie)![0];
    // Membership throttles sign-in per client address: it saw the client's, not the router's.
    const [session] = await system.membership.dataSource.query(`SELECT client_address FROM account_session WHERE id = $1`, [
      cookie.slice('sangathan_refresh='.length).split('.')[0],
    ]);
    expect(session.client_address).toMatch(/127\.0\.0\.2$/);

    const { body } = await graphqlExchange<{ members: { items: unknown[] } }>(
      router.url,
      `{ members { items { fullName socialRoles { role } } } }`,
      undefined,
      { token: login.body.data!.login.accessToken },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.members.items).toEqual([{ fullName: 'भीतर', socialRoles: [{ role: 'CYBER_WARRIOR' }] }]);

    const refreshed = await graphqlExchange<{ refreshToken: { accessToken: string } }>(
      router.url,
      `mutation { refreshToken { accessToken } }`,
      undefined,
      { headers: { cookie } },
    );
    expect(refreshed.body.errors).toBeUndefined();
    expect(refreshed.body.data!.refreshToken.accessToken).toEqual(expect.any(String));
    expect(refreshed.headers.get('set-cookie')).toMatch(/sangathan_refresh=.+HttpOnly/);
  });

  it('answers no data and UNAUTHENTICATED without valid credentials: each subgraph refuses before running anything', async () => {
    const cases = { none: undefined, garbage: 'not-a-token', 'broken signature': brokenSignature(system.token) };
    for (const [kind, token] of Object.entries(cases)) {
      clearQueryLogs(system);
      const { body } = await graphqlExchange(router.url, `{ members { total } socialTeams { total } camps { total } }`, undefined, {
        token,
      });
      expect({ kind, data: body.data ?? null, codes: [...new Set(body.errors?.map((error) => error.extensions?.code))] }).toEqual({
        kind,
        data: null,
        codes: ['UNAUTHENTICATED'],
      });
      expect(dataQueries(system)).toEqual([]);
    }
  });
});
