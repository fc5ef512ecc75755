import {
  badHttpRequests,
  createLogger,
  GATEWAY_HEADER,
  graphqlExchange,
  internalsIn,
  readHttpConfig,
  sendBadHttpRequest,
  type Logger,
  type RunningServer,
} from '@sangathan/common';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { startGatewayOver, startTestSystem, type TestSystem } from './support';

// The HTTP edges of the real gateway and a real subgraph: bad bodies, introspection, request ids. NODE_ENV is
// unset, as when someone runs `node gateway/dist/main.js` by hand: Express would then show stack traces.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const logs: Record<'gateway' | 'membership', Record<string, unknown>[]> = { gateway: [], membership: [] };
let system: TestSystem;
const savedNodeEnv = process.env.NODE_ENV;

function memoryLogger(service: 'gateway' | 'membership'): Logger {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs[service].push(JSON.parse(line));
      done();
    },
  });
  return createLogger(service, 'debug', destination);
}

beforeAll(async () => {
  delete process.env.NODE_ENV;
  system = await startTestSystem('http_edges', { logger: memoryLogger });
});
afterAll(async () => {
  process.env.NODE_ENV = savedNodeEnv;
  await system?.stop();
});

// The subgraph is sent what the gateway would add (its secret, a token): else most requests stop at 401 before their shape is looked at.
describe.each([
  ['the gateway', () => system.gatewayUrl, (): Record<string, string> => ({})],
  [
    'a subgraph (membership)',
    () => system.membership.url,
    (): Record<string, string> => ({ [GATEWAY_HEADER]: system.membership.auth.internalSecret, authorization: `Bearer ${system.token}` }),
  ],
])('a bad HTTP request to %s', (_label, url, headers) => {
  it.each(badHttpRequests(readHttpConfig().bodyLimitBytes).map((request) => [request.name, request] as const))(
    '%s gets a JSON error with its status and code, its request id, and nothing internal',
    async (_name, request) => {
      const answer = await sendBadHttpRequest(url(), request, { ...headers(), 'x-request-id': `bad-${request.name.replace(/\W+/g, '-')}` });
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      const body = JSON.parse(answer.text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect({ status: answer.status, code: body.errors[0].extensions.code }).toEqual({ status: request.status, code: request.code });
      expect(body.errors[0].extensions.requestId).toBe(`bad-${request.name.replace(/\W+/g, '-')}`);
      expect(internalsIn(answer.text)).toBeUndefined();
    },
  );
});

describe("the gateway's other routes", () => {
  it.each([
    ['a missing console asset', '/admin/assets/no-such-file.js', 404, 'NOT_FOUND'],
    ['a malformed URL escape', '/admin/assets/%E0%A4%A', 400, 'BAD_REQUEST'],
    ['an unknown path', '/wp-login.php', 404, 'NOT_FOUND'],
  ])('%s is a JSON error', async (_label, path, status, code) => {
    const response = await fetch(new URL(path, system.gatewayBase));
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect({ status: response.status, code: JSON.parse(text).errors[0].extensions.code }).toEqual({ status, code });
    expect(internalsIn(text)).toBeUndefined();
  });
});

describe('what a subgraph refuses that the gateway cannot check', () => {
  it.each([
    ['a date its Date scalar rejects', '{ fieldVisitSummary(organizationId: "%ORG%", from: "2020-01-01", to: "2020-13-01") { visits } }'],
    ['a date written as a number', '{ fieldVisitSummary(organizationId: "%ORG%", from: "2020-01-01", to: "1e10") { visits } }'],
  ])("%s is the client's error, with the subgraph's message, not an internal one", async (_label, query) => {
    const id = `scalar-${randomUUID()}`;
    const answer = await graphqlExchange(system.gatewayUrl, query.replace('%ORG%', randomUUID()), undefined, {
      token: system.token,
      headers: { 'x-request-id': id },
    });
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Date must be a calendar date written YYYY-MM-DD, got "(2020-13-01|1e10)"$/),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: id }),
      }),
    ]);
    expect(JSON.stringify(answer.body)).not.toMatch(/localhost|http:|response/);
    expect(logs.gateway.filter((line) => line.requestId === id && line.msg === 'internal error')).toEqual([]);
  });
});

describe('introspection and suggestions', () => {
  const introspection = '{ __schema { queryType { name } } }';

  it('are off on the gateway and on a subgraph by default', async () => {
    const gateway = await graphqlExchange(system.gatewayUrl, introspection, undefined, { token: system.token });
    expect(gateway.status).toBe(400);
    expect(gateway.body.errors?.[0]).toMatchObject({
      message: 'Introspection is turned off on this server',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const subgraph = await system.membership.request(introspection);
    expect(subgraph.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(subgraph.data).toBeUndefined();

    const misspelt = await system.request('{ membrs(page: { limit: 1 }) { total } }');
    expect(misspelt.errors?.[0].message).toBe('Cannot query field "membrs" on type "Query".');
    const wrongArgument = await system.request('{ members(pag: { limit: 1 }) { total } }');
    expect(wrongArgument.errors?.[0].message).toBe('Unknown argument "pag" on field "Query.members".');
    const wrongVariable = await system.request('query ($filter: MemberFilter) { members(filter: $filter) { total } }', {
      filter: { qq: 'x' },
    });
    expect(wrongVariable.errors?.[0].message).toBe(
      'Variable "$filter" got invalid value { qq: "x" }; Field "qq" is not defined by type "MemberFilter".',
    );
    expect(JSON.stringify([misspelt, wrongArgument, wrongVariable])).not.toMatch(/did you mean/i);
  });

  describe('with GRAPHQL_INTROSPECTION=true', () => {
    let gateway: RunningServer;
    beforeAll(async () => {
      gateway = await startGatewayOver(system, { http: { introspection: true } });
    });
    afterAll(async () => {
      await gateway?.stop();
    });

    it('the gateway answers introspection from its own schema and suggests names again', async () => {
      const answer = await graphqlExchange<{ __schema: { queryType: { name: string } } }>(gateway.url, introspection, undefined, {
        token: system.token,
      });
      expect(answer.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      const misspelt = await graphqlExchange(gateway.url, '{ membrs(page: { limit: 1 }) { total } }', undefined, { token: system.token });
      expect(misspelt.body.errors?.[0].message).toMatch(/Did you mean "members"/);
    });
  });
});

describe('request ids', () => {
  const requestLine = (service: 'gateway' | 'membership', requestId: string) =>
    logs[service].find((line) => line.msg === 'request' && line.requestId === requestId && line.path === '/graphql');

  it("takes the client's id, echoes it, passes it to the subgraphs, which log and answer with it", async () => {
    const id = `client-${randomUUID()}`;
    const missing = randomUUID();
    const answer = await graphqlExchange(
      system.gatewayUrl,
      'mutation ($id: ID!) { updateMember(id: $id, input: { fullName: "Nobody" }, expectedVersion: 1) { id } }',
      { id: missing },
      { token: system.token, headers: { 'x-request-id': id } },
    );
    expect(answer.headers.get('x-request-id')).toBe(id);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', requestId: id });
    expect(requestLine('gateway', id)).toMatchObject({ method: 'POST', path: '/graphql', status: 200 });
    // Membership handled it under the same id: its own log line for the request carries it.
    expect(requestLine('membership', id)).toMatchObject({ method: 'POST', path: '/graphql', status: 200 });
  });

  it("goes along when a subgraph asks membership on the request's behalf (units, credentials)", async () => {
    const id = `along-${randomUUID()}`;
    const answer = await graphqlExchange(
      system.gatewayUrl,
      'mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }',
      { input: { unitId: randomUUID(), name: 'Nowhere team' } },
      { token: system.token, headers: { 'x-request-id': id } },
    );
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: id });
    // The plan asks itcell only; itcell checked the unit with membership, and the gateway and itcell the session.
    expect(logs.membership.filter((line) => line.msg === 'request' && line.requestId === id).map((line) => line.path)).toEqual(
      expect.arrayContaining(['/graphql', '/internal/auth/sessions']),
    );
  });

  it('makes one for a request without a valid id, and the subgraphs use that one', async () => {
    for (const headers of [{}, { 'x-request-id': 'not valid because of spaces' }] as Record<string, string>[]) {
      const answer = await graphqlExchange(system.gatewayUrl, '{ organizations { total } }', undefined, { token: system.token, headers });
      const id = answer.headers.get('x-request-id')!;
      expect(id).toMatch(UUID);
      expect(answer.body.errors).toBeUndefined();
      expect(requestLine('membership', id)).toBeDefined();
    }
  });

  it('is in the errors of a request refused before planning (no credentials)', async () => {
    const answer = await graphqlExchange(system.gatewayUrl, '{ organizations { total } }', undefined, {
      token: null,
      headers: { 'x-request-id': 'anonymous-1' },
    });
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId: 'anonymous-1' });
  });
});
