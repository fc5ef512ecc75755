import { createLogger, graphqlRequest } from '@sangathan/common';
import { composeSupergraph, startGateway } from '@sangathan/gateway';
import { createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { startTestSystem, type TestSystem } from './support';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem('gateway');
});
afterAll(() => system.stop());

describe('the gateway', () => {
  it('answers /health and /ready', async () => {
    const health = await fetch(`${system.gatewayBase}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${system.gatewayBase}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { membership: 'up', itcell: 'up', training: 'up' } });
  });

  it('serves a member with home unit, its ancestors and positions in one query', async () => {
    const tree = await createPartyFixture(system.membership, 'Q');
    const memberId = await createMember(system.membership, {
      organizationId: tree.organizationId,
      fullName: 'संजय राय',
      unitId: tree.booths[2],
      phone: '+919811122233',
    });
    await system.data(`mutation ($input: PositionInput!) { createPosition(input: $input) { id } }`, {
      input: { memberId, unitId: tree.booths[2], title: 'PRESIDENT', label: 'Booth president', startsOn: '2021-01-01' },
    });
    const { members } = await system.data<{ members: { items: unknown[] } }>(
      `query ($org: ID!) { members(filter: { organizationId: $org, q: "sanjay rai" }) {
          items { fullName phone organization { shortName } unit { code ancestors { code } } positions { title label active unit { code } } } } }`,
      { org: tree.organizationId },
    );
    expect(members.items).toEqual([
      {
        fullName: 'संजय राय',
        phone: '+919811122233',
        organization: { shortName: 'TPQ' },
        unit: { code: 'R1-D2-M1-B1', ancestors: [{ code: 'UP' }, { code: 'R1' }, { code: 'R1-D2' }, { code: 'R1-D2-M1' }] },
        positions: [{ title: 'PRESIDENT', label: 'Booth president', active: true, unit: { code: 'R1-D2-M1-B1' } }],
      },
    ]);
  });

  it('passes a subgraph’s field errors and conflicts to the client with their codes', async () => {
    const tree = await createPartyFixture(system.membership, 'W');
    const bad = await system.request(`mutation ($input: MemberInput!) { createMember(input: $input) { id } }`, {
      input: { organizationId: tree.organizationId, fullName: 'राम', unitId: tree.booths[0], phone: '12' },
    });
    expect(bad.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: { phone: expect.stringContaining('not a valid phone number') } },
    });
    const id = await createMember(system.membership, { organizationId: tree.organizationId, fullName: 'राम', unitId: tree.booths[0] });
    await system.data(`mutation ($id: ID!) { updateMember(id: $id, input: { status: LAPSED }, expectedVersion: 1) { id } }`, { id });
    const stale = await system.request(
      `mutation ($id: ID!) { updateMember(id: $id, input: { status: ACTIVE }, expectedVersion: 1) { id } }`,
      { id },
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('hides internals (SQL, stack traces, hosts) of an unexpected failure', async () => {
    await system.membership.dataSource.query('ALTER TABLE member RENAME TO member_hidden');
    try {
      const response = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${system.token}` },
        body: JSON.stringify({ query: '{ members { total } }' }),
      });
      const body = await response.text();
      const result = JSON.parse(body) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(result.errors[0].message).toBe('Internal server error');
      expect(result.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(body).not.toMatch(/member_hidden|relation|SELECT|stacktrace|localhost|127\.0\.0\.1|at .*\.js/i);
    } finally {
      await system.membership.dataSource.query('ALTER TABLE member_hidden RENAME TO member');
    }
  });

  it('rejects malformed queries with a clear message', async () => {
    const result = await system.request('{ members { nope } }');
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Cannot query field "nope"'),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});

describe('a gateway whose subgraph is down', () => {
  it('is alive but not ready, and says so without leaking the address', async () => {
    const gateway = await startGateway({
      supergraphSdl: await composeSupergraph(),
      subgraphUrls: { membership: 'http://127.0.0.1:9/graphql' },
      port: 0,
      logger: createLogger('gateway', 'silent'),
      auth: {
        internalSecret: system.membership.auth.internalSecret,
        jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json',
        statusCacheMs: 0,
      },
    });
    try {
      const base = gateway.url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/health`)).status).toBe(200);
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(503);
      const text = await ready.text();
      expect(JSON.parse(text)).toEqual({ status: 'not ready', checks: { membership: 'down' } });
      expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/);
      // Credentials cannot be checked without membership: SERVICE_UNAVAILABLE, never a pass.
      const result = await graphqlRequest(gateway.url, '{ organizations { total } }', undefined, { token: system.token });
      expect(result.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await gateway.stop();
    }
  });
});
