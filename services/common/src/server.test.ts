import {
  GraphQLEnumType,
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from './logger';
import { currentRequestId } from './request-context';
import { startGraphQLServer, type RunningServer } from './server';
import { badHttpRequests, internalsIn, sendBadHttpRequest } from './testing';

const BODY_LIMIT = 64 * 1024;

interface ErrorBody {
  message: string;
  extensions?: Record<string, unknown>;
}

/** Log lines as parsed JSON, kept in memory. */
function memoryLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger('test', 'debug', destination), lines };
}

/** A server over a tiny schema whose resolvers log, fail with a known error, or fail with a bug. */
async function startServer(logger: Logger, introspection?: boolean): Promise<RunningServer> {
  const query = new GraphQLObjectType({
    name: 'Query',
    fields: {
      hello: {
        type: GraphQLString,
        resolve: () => {
          logger.info('saying hello');
          return `hello ${currentRequestId()}`;
        },
      },
      members: { type: GraphQLInt, resolve: () => 0 },
      count: {
        type: GraphQLInt,
        args: {
          status: { type: new GraphQLEnumType({ name: 'Status', values: { ACTIVE: {}, LAPSED: {} } }) },
          filter: { type: new GraphQLInputObjectType({ name: 'Filter', fields: { fullName: { type: GraphQLString } } }) },
        },
        resolve: () => 1,
      },
      refused: {
        type: GraphQLInt,
        resolve: () => {
          throw new GraphQLError('not yours', { extensions: { code: 'FORBIDDEN' } });
        },
      },
      broken: {
        type: GraphQLInt,
        resolve: () => {
          throw new Error('relation "member" does not exist at /work/secret/path.ts:12:3');
        },
      },
    },
  });
  const schema = new GraphQLSchema({ query });
  return startGraphQLServer({ schema, port: 0, logger, introspection, bodyLimitBytes: BODY_LIMIT, context: async () => ({}) });
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: unknown; errors?: ErrorBody[] } };
}

describe.each([
  ['unset', undefined],
  ['development', 'development'],
  ['production', 'production'],
])('a bad HTTP request, NODE_ENV %s', (_label, nodeEnv) => {
  let server: RunningServer;
  const saved = process.env.NODE_ENV;

  beforeAll(async () => {
    // Express and Apollo read NODE_ENV when they are created (Express shows stack traces outside production).
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    server = await startServer(createLogger('test', 'silent'));
  });
  afterAll(async () => {
    process.env.NODE_ENV = saved;
    await server?.stop();
  });

  it.each(badHttpRequests(BODY_LIMIT).map((request) => [request.name, request] as const))(
    '%s gets a JSON error with its status and code, and nothing internal',
    async (_name, request) => {
      const answer = await sendBadHttpRequest(server.url, request);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      const body = JSON.parse(answer.text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect({ status: answer.status, code: body.errors[0].extensions.code }).toEqual({ status: request.status, code: request.code });
      expect(body.errors[0].extensions.requestId).toBe(answer.headers.get('x-request-id'));
      expect(internalsIn(answer.text)).toBeUndefined();
    },
  );
});

describe('the body limit', () => {
  it('accepts a body just under it and refuses one just over it with 413', async () => {
    const server = await startServer(createLogger('test', 'silent'));
    try {
      const query = '{ members }';
      const overhead = JSON.stringify({ query, padding: '' }).length;
      expect((await post(server.url, { query, padding: 'x'.repeat(BODY_LIMIT - overhead) })).status).toBe(200);
      const over = await post(server.url, { query, padding: 'x'.repeat(BODY_LIMIT - overhead + 1) });
      expect(over.status).toBe(413);
      expect(over.body.errors?.[0]).toMatchObject({
        message: 'The request body is larger than the limit of 64 KB',
        extensions: { code: 'PAYLOAD_TOO_LARGE' },
      });
    } finally {
      await server.stop();
    }
  });
});

describe('introspection and suggestions', () => {
  const introspect = '{ __schema { queryType { name } } }';

  it('are off unless asked for: introspection is refused, a misspelt field gets no "did you mean"', async () => {
    const server = await startServer(createLogger('test', 'silent'));
    try {
      const refused = await post(server.url, { query: introspect });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]).toMatchObject({
        message: 'Introspection is turned off on this server',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      const typed = await post(server.url, { query: '{ hellp }' });
      expect(typed.body.errors?.[0].message).toBe('Cannot query field "hellp" on type "Query".');
      expect(JSON.stringify(typed.body)).not.toMatch(/did you mean|hello/i);
      // Nor in the checks of variables, which come after validation.
      const variables = await post(server.url, {
        query: 'query ($status: Status, $filter: Filter) { count(status: $status, filter: $filter) }',
        variables: { status: 'ACTIV', filter: { fullNme: 'x' } },
      });
      expect(variables.body.errors?.map((error) => error.message)).toEqual([
        'Variable "$status" got invalid value "ACTIV"; Value "ACTIV" does not exist in "Status" enum.',
        'Variable "$filter" got invalid value { fullNme: "x" }; Field "fullNme" is not defined by type "Filter".',
      ]);
      const literal = await post(server.url, { query: '{ count(status: ACTIV) }' });
      expect(literal.body.errors?.[0].message).toBe('Value "ACTIV" does not exist in "Status" enum.');
      // __typename is no introspection: the gateway's health check of a subgraph asks it.
      expect((await post(server.url, { query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await server.stop();
    }
  });

  it('are on when asked for', async () => {
    const server = await startServer(createLogger('test', 'silent'), true);
    try {
      expect((await post(server.url, { query: introspect })).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      expect((await post(server.url, { query: '{ hellp }' })).body.errors?.[0].message).toBe(
        'Cannot query field "hellp" on type "Query". Did you mean "hello"?',
      );
      const variables = await post(server.url, {
        query: 'query ($filter: Filter) { count(filter: $filter) }',
        variables: { filter: { fullNme: 'x' } },
      });
      expect(variables.body.errors?.[0].message).toMatch(/Did you mean "fullName"\?$/);
    } finally {
      await server.stop();
    }
  });
});

describe('request ids', () => {
  let server: RunningServer;
  let lines: Record<string, unknown>[];

  beforeAll(async () => {
    const memory = memoryLogger();
    lines = memory.lines;
    server = await startServer(memory.logger);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("takes the client's id, echoes it, and the request's log lines and code see it", async () => {
    const answer = await post(server.url, { query: '{ hello }' }, { 'x-request-id': 'client-42.a:b_c' });
    expect(answer.headers.get('x-request-id')).toBe('client-42.a:b_c');
    expect(answer.body).toEqual({ data: { hello: 'hello client-42.a:b_c' } });
    expect(lines.filter((line) => line.msg === 'saying hello').map((line) => line.requestId)).toEqual(['client-42.a:b_c']);
    expect(lines.find((line) => line.msg === 'request' && line.requestId === 'client-42.a:b_c')).toMatchObject({
      method: 'POST',
      path: '/graphql',
      status: 200,
    });
  });

  it.each([
    ['too long', 'x'.repeat(65)],
    ['with a space', 'a b'],
    ['with a quote', 'a"b'],
    ['with a slash', '../etc'],
    ['with percent-escapes', '%E0%A4%A8'],
    ['that is empty', ''],
  ])('makes a new one for an id %s', async (_label, given) => {
    const answer = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': given },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    const id = answer.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await answer.json()).toEqual({ data: { hello: `hello ${id}` } });
  });

  it('makes one when there is none, different for every request', async () => {
    const [first, second] = await Promise.all([post(server.url, { query: '{ hello }' }), post(server.url, { query: '{ hello }' })]);
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
    expect(first.body.data).toEqual({ hello: `hello ${first.headers.get('x-request-id')}` });
  });

  it('is in extensions.requestId of every GraphQL error, known or internal, and in the internal error log line', async () => {
    const answer = await post(server.url, { query: '{ refused broken }' }, { 'x-request-id': 'errors-1' });
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ message: 'not yours', extensions: { code: 'FORBIDDEN', requestId: 'errors-1' } }),
      expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'errors-1' } }),
    ]);
    expect(internalsIn(JSON.stringify(answer.body))).toBeUndefined();
    const logged = lines.filter((line) => line.msg === 'internal error');
    expect(logged.map((line) => line.requestId)).toEqual(['errors-1']);
    const syntax = await post(server.url, { query: '{ hello' }, { 'x-request-id': 'errors-2' });
    expect(syntax.body.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED', requestId: 'errors-2' });
  });

  it('is in the JSON error of a bad body and of an unknown route', async () => {
    const bad = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad-1' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: ErrorBody[] }).errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: 'bad-1' });
    const missing = await fetch(new URL('/nothing/here', server.url), { headers: { 'x-request-id': 'missing-1' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toBe('missing-1');
    expect(((await missing.json()) as { errors: ErrorBody[] }).errors[0].extensions).toEqual({ code: 'NOT_FOUND', requestId: 'missing-1' });
  });

  it('is left out of log lines written outside a request', () => {
    const memory = memoryLogger();
    memory.logger.info('starting');
    expect(memory.lines[0]).not.toHaveProperty('requestId');
  });
});
