import { printSchema, Supergraph } from '@apollo/federation-internals';
import { createLogger, internalsIn, Random } from '@sangathan/common';
import { composeSupergraph, limitsWith } from '@sangathan/gateway';
import { createMember, createPartyFixture } from '@sangathan/membership/test-support';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startTestSystem, type TestSystem } from './support';

// Thousands of random and broken requests to the gateway, signed in as a superadmin or not at all: operations
// generated from the schema with random arguments, mutations of the console's queries, random JSON, wrong
// content types, truncated bodies, batches. Whatever comes in, the answer is JSON, never a 5xx, never a stack
// trace, SQL or a file path, and every service is still up afterwards. One seed: the same requests every run.

const SEED = 20260612;
const REQUESTS = 2000;
const CONCURRENCY = 8;
const ARTIFACT = path.resolve(__dirname, '../../test-artifacts/fuzz-summary.json');

/** Mutations that would end the fuzzing session itself. */
const SPARED_FIELDS = new Set(['logout', 'changePassword']);

interface FuzzRequest {
  kind: string;
  method: 'GET' | 'POST';
  search?: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

interface Outcome {
  kind: string;
  status: number;
  problem?: string;
  internalErrors: number;
  sent: string;
  answer: string;
}

let system: TestSystem;
let schema: GraphQLSchema;
const knownIds: string[] = [];
/** What the gateway and membership logged as internal errors, by message (itcell and training stay silent). */
const internalLogged = new Map<string, number>();

function errorLogger(service: string) {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const { err } = JSON.parse(line) as { err?: { message?: string } };
        const key = `${service}: ${err?.message ?? line.slice(0, 200)}`;
        internalLogged.set(key, (internalLogged.get(key) ?? 0) + 1);
      }
      done();
    },
  });
  return createLogger(service, 'error', destination);
}

beforeAll(async () => {
  // Sessions are trusted for 2 s, as by default in production: the fuzz is about the requests, not session checks.
  // Operation limits stay at their defaults; the rate limits are lifted, or most of the fuzz would be answered 429
  // (limits.test.ts tests them).
  system = await startTestSystem('fuzz', {
    logger: errorLogger,
    statusCacheMs: 2000,
    limits: limitsWith({ rates: { perAccount: 1_000_000, perAddress: 1_000_000 } }),
  });
  schema = buildSchema(printSchema(Supergraph.build(await composeSupergraph()).apiSchema()));
  const tree = await createPartyFixture(system.membership, 'FZ');
  knownIds.push(tree.organizationId, tree.state, ...tree.districts, ...tree.booths);
  for (const [index, fullName] of ['संजय राय', 'Nguyễn Thanh Tâm', 'Asha'].entries())
    knownIds.push(await createMember(system.membership, { organizationId: tree.organizationId, fullName, unitId: tree.booths[index] }));
}, 120000);
afterAll(async () => {
  await system?.stop();
});

// ---------------------------------------------------------------------------------------------
// Values

const STRINGS = ['', 'a', 'संजय राय', 'Nguyễn Thanh Tâm', '🙂🙃', 'مرحبا', '\u200b', "' OR 1=1 --", '%_\\', 'line\nbreak', '\u0000nul'];
const BAD_STRINGS = ['x'.repeat(10_000), '<script>alert(1)</script>', '{"a":1}', '\ud800', 'Robert"); DROP TABLE member;--'];
const INTS = [0, 1, -1, 25, 500, 2147483647, -2147483648];
const BAD_INTS = [2147483648, -2147483649, 1e20, 3.5, 1e308, -0.5];
const DATES = ['2020-01-01', '1970-01-01', '2099-12-31', '2020-02-29'];
const BAD_DATES = ['2020-02-30', '2020-13-01', '0000-01-01', '99999-01-01', 'yesterday', '2020-01-01T25:00:00Z', '1e10'];

function uuid(rng: Random): string {
  const hex = () => rng.int(0, 15).toString(16);
  const part = (length: number) => Array.from({ length }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-${rng.pick(['8', '9', 'a', 'b'])}${part(3)}-${part(12)}`;
}

/** Any JSON value at all, for where a value of some type is expected. */
function anyValue(rng: Random, depth = 0): unknown {
  switch (rng.int(0, depth > 2 ? 4 : 6)) {
    case 0:
      return rng.pick([...STRINGS, ...BAD_STRINGS]);
    case 1:
      return rng.pick([...INTS, ...BAD_INTS]);
    case 2:
      return rng.pick([true, false]);
    case 3:
      return null;
    case 4:
      return rng.pick([...DATES, ...BAD_DATES]);
    case 5:
      return Array.from({ length: rng.int(0, 3) }, () => anyValue(rng, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: rng.int(0, 3) }, () => [rng.pick(['id', 'q', 'limit', 'x', '__proto__', '']), anyValue(rng, depth + 1)]),
      );
  }
}

/** A value for an input type: mostly of the right type (valid or at the edges), sometimes of any type. */
function valueFor(type: GraphQLInputType, rng: Random, depth = 0): unknown {
  if (rng.chance(0.08)) return anyValue(rng);
  if (isNonNullType(type)) return valueFor(type.ofType, rng, depth);
  if (rng.chance(0.05)) return null;
  if (isListType(type)) {
    if (rng.chance(0.1)) return valueFor(type.ofType, rng, depth + 1); // a single value where a list is expected
    return Array.from({ length: rng.int(0, depth > 1 ? 1 : 3) }, () => valueFor(type.ofType, rng, depth + 1));
  }
  if (isEnumType(type)) return rng.chance(0.9) ? rng.pick(type.getValues()).name : rng.pick(['NOT_A_VALUE', 'active', '']);
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const chosen = fields.filter((field) => isNonNullType(field.type) || (depth < 3 && rng.chance(0.4)));
    return Object.fromEntries(chosen.map((field) => [field.name, valueFor(field.type, rng, depth + 1)]));
  }
  switch (type.name) {
    case 'ID':
      return rng.weighted<unknown>([
        [rng.pick(knownIds), 5],
        [uuid(rng), 3],
        [rng.pick(['not-a-uuid', '', '00000000-0000-0000-0000-000000000000', 'x'.repeat(300)]), 2],
      ]);
    case 'Int':
      return rng.chance(0.8) ? rng.pick(INTS) : rng.pick(BAD_INTS);
    case 'Float':
      return rng.pick([0, -0, 1.5, 99.9, 1e308, -1e308]);
    case 'Boolean':
      return rng.chance(0.5);
    case 'Date':
    case 'DateTimeISO':
      return rng.chance(0.7) ? rng.pick(DATES) : rng.pick(BAD_DATES);
    default:
      return rng.chance(0.8) ? rng.pick(STRINGS) : rng.pick(BAD_STRINGS);
  }
}

/** A JS value written as a GraphQL literal (enum values bare). */
function literal(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, type)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    return `{ ${Object.entries(value)
      .filter(([key]) => /^[A-Za-z_]\w*$/.test(key))
      .map(([key, item]) => `${key}: ${literal(item, fields[key]?.type ?? named)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string' && isEnumType(named) && /^[A-Za-z_]\w*$/.test(value)) return value;
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------
// Operations generated from the schema

function selectionSet(type: GraphQLOutputType, rng: Random, depth: number): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return isEnumType(named) || !('getFields' in named) ? '' : '{ __typename }';
  const fields = Object.values(named.getFields());
  const picked = rng.sample(fields, rng.int(1, 4)).flatMap((field) => {
    const inner = getNamedType(field.type);
    if (isObjectType(inner) && depth >= 3) return [];
    const args = field.args.filter((arg) => isNonNullType(arg.type) || rng.chance(0.2));
    const argText = args.length ? `(${args.map((arg) => `${arg.name}: ${literal(valueFor(arg.type, rng), arg.type)}`).join(', ')})` : '';
    return [`${field.name}${argText} ${isObjectType(inner) ? selectionSet(field.type, rng, depth + 1) : ''}`];
  });
  return `{ ${picked.length ? picked.join(' ') : '__typename'} }`;
}

function generatedOperation(rng: Random): { query: string; variables?: Record<string, unknown> } {
  const mutation = rng.chance(0.3);
  const root = mutation ? schema.getMutationType()! : schema.getQueryType()!;
  const fields = Object.values(root.getFields()).filter((field) => !SPARED_FIELDS.has(field.name));
  const field: GraphQLField<unknown, unknown> = rng.pick(fields);
  const args = field.args.filter((arg) => isNonNullType(arg.type) || rng.chance(0.5));
  const asVariables = rng.chance(0.5);
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const argText = args.map((arg) => {
    const value = valueFor(arg.type, rng);
    if (!asVariables) return `${arg.name}: ${literal(value, arg.type)}`;
    // Now and then a variable declared with the wrong type.
    definitions.push(`$${arg.name}: ${rng.chance(0.05) ? rng.pick(['Int', 'String!', '[ID!]', 'Boolean']) : String(arg.type)}`);
    variables[arg.name] = value;
    return `${arg.name}: $${arg.name}`;
  });
  const head = `${mutation ? 'mutation' : 'query'} Fuzz${definitions.length ? `(${definitions.join(', ')})` : ''}`;
  const query = `${head} { ${field.name}${argText.length ? `(${argText.join(', ')})` : ''} ${selectionSet(field.type, rng, 1)} }`;
  return asVariables ? { query, variables } : { query };
}

// ---------------------------------------------------------------------------------------------
// The console's queries, broken a little

const CONSOLE_QUERIES: { query: string; variables: Record<string, unknown> }[] = [
  {
    query: `query Members($filter: MemberFilter, $sort: [MemberSort!], $page: PageInput) { members(filter: $filter, sort: $sort, page: $page) { total nextCursor items { id fullName fullNameLatin status unit { id name } } } }`,
    variables: { filter: { q: 'sanjay' }, sort: [{ field: 'fullName', direction: 'ASC' }], page: { limit: 25, offset: 0 } },
  },
  {
    query: `query Member($id: ID!) { member(id: $id) { id version fullName positions { title } socialRoles { role } enrollments { status } } }`,
    variables: { id: '' },
  },
  {
    query: `query Units($filter: OrgUnitFilter, $page: PageInput) { orgUnits(filter: $filter, page: $page) { total items { id code name level ancestors { name } children(page: { limit: 5 }) { total } } } }`,
    variables: { filter: { levels: ['district', 'booth'] }, page: { limit: 50 } },
  },
  {
    query: `mutation Create($input: MemberInput!) { createMember(input: $input) { id version fullName } }`,
    variables: { input: { organizationId: '', fullName: 'नया सदस्य', unitId: '' } },
  },
  {
    query: `mutation Update($id: ID!, $input: MemberUpdateInput!, $expectedVersion: Int) { updateMember(id: $id, input: $input, expectedVersion: $expectedVersion) { id version } }`,
    variables: { id: '', input: { fullName: 'बदला' }, expectedVersion: 1 },
  },
  { query: `mutation Delete($ids: [ID!]!) { deleteMembers(ids: $ids) }`, variables: { ids: [] } },
  {
    query: `{ trainingCampaigns { items { name progress { targetCamps campsHeld trainees percentTrainees } phases { number progress { campsHeld } } } } }`,
    variables: {},
  },
  {
    query: `query Teams($filter: SocialTeamFilter) { socialTeams(filter: $filter, page: { limit: 10 }) { total items { id name unit { name } members(current: true) { items { role member { fullName } } } } } }`,
    variables: { filter: { withinUnit: '' } },
  },
  {
    query: `query Visits($organizationId: ID!, $from: Date!, $to: Date!) { fieldVisitSummary(organizationId: $organizationId, from: $from, to: $to) { cadre { fullName } visits distinctUnits daysInField } }`,
    variables: { organizationId: '', from: '2020-01-01', to: '2020-06-30' },
  },
  {
    query: `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
    variables: { email: 'x@y.z', password: 'wrong-password' },
  },
];

const TOKEN = /"(?:[^"\\]|\\.)*"|[A-Za-z_]\w*|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\.\.|\s+|./g;

function mutatedConsoleQuery(rng: Random): { query: string; variables: Record<string, unknown> } {
  const base = rng.pick(CONSOLE_QUERIES);
  const tokens = base.query.match(TOKEN)!;
  const variables = JSON.parse(JSON.stringify(base.variables)) as Record<string, unknown>;
  for (const key of Object.keys(variables)) if (variables[key] === '') variables[key] = rng.pick(knownIds);
  const fieldNames = Object.keys(schema.getQueryType()!.getFields());
  for (let count = rng.int(1, 3); count > 0; count--) {
    const at = rng.int(0, tokens.length - 1);
    switch (rng.int(0, 8)) {
      case 0:
        tokens.splice(at, 1);
        break;
      case 1:
        tokens.splice(at, 0, tokens[at]);
        break;
      case 2:
        tokens.splice(at, 0, rng.pick(['null', '{', '}', '(', ')', '...', '$x', '!', '@skip', ' ', '"', '#']));
        break;
      case 3:
        tokens[at] = rng.pick(fieldNames);
        break;
      case 4:
        tokens.length = at; // truncated
        break;
      case 5: {
        const key = rng.pick(Object.keys(variables).length ? Object.keys(variables) : ['x']);
        variables[key] = anyValue(rng);
        break;
      }
      case 6:
        for (const [index, token] of tokens.entries())
          if (/^-?\d/.test(token)) tokens[index] = rng.pick([...BAD_INTS.map(String), '99999999999999999999']);
        break;
      case 7:
        for (const [index, token] of tokens.entries())
          if (token.startsWith('"')) tokens[index] = JSON.stringify(rng.pick([...STRINGS, ...BAD_STRINGS]));
        break;
      default: {
        const other = rng.int(0, tokens.length - 1);
        [tokens[at], tokens[other]] = [tokens[other], tokens[at]];
      }
    }
  }
  return { query: tokens.join(''), variables };
}

// ---------------------------------------------------------------------------------------------
// Requests

function fuzzRequest(rng: Random): FuzzRequest {
  const auth = rng.weighted<Record<string, string>>([
    [{ authorization: `Bearer ${system.token}` }, 85],
    [{}, 10],
    [
      {
        authorization: rng.pick(['Bearer ', 'Bearer x.y.z', 'Basic YTpi', `Bearer ${system.token.slice(0, -3)}abc`, 'Bearer sgp_nothing']),
      },
      5,
    ],
  ]);
  const json = { ...auth, 'content-type': 'application/json' };
  const operation = () => (rng.chance(0.55) ? generatedOperation(rng) : mutatedConsoleQuery(rng));
  const kind = rng.weighted<string>([
    ['generated', 40],
    ['console-mutated', 30],
    ['random-json', 10],
    ['truncated', 6],
    ['batch', 4],
    ['content-type', 5],
    ['bytes', 2],
    ['get', 3],
  ]);
  switch (kind) {
    case 'generated':
      return { kind, method: 'POST', headers: json, body: JSON.stringify(generatedOperation(rng)) };
    case 'console-mutated':
      return { kind, method: 'POST', headers: json, body: JSON.stringify(mutatedConsoleQuery(rng)) };
    case 'random-json': {
      const body = rng.chance(0.5)
        ? { ...operation(), [rng.pick(['query', 'variables', 'operationName', 'extensions'])]: anyValue(rng) }
        : anyValue(rng);
      return { kind, method: 'POST', headers: json, body: JSON.stringify(body) };
    }
    case 'truncated': {
      const body = JSON.stringify(operation());
      return { kind, method: 'POST', headers: json, body: body.slice(0, rng.int(0, body.length - 1)) };
    }
    case 'batch':
      return { kind, method: 'POST', headers: json, body: JSON.stringify(Array.from({ length: rng.int(1, 3) }, operation)) };
    case 'content-type': {
      const type = rng.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'application/graphql',
        'application/xml',
        '',
      ]);
      return { kind, method: 'POST', headers: { ...auth, ...(type ? { 'content-type': type } : {}) }, body: JSON.stringify(operation()) };
    }
    case 'bytes':
      return { kind, method: 'POST', headers: json, body: Uint8Array.from({ length: rng.int(1, 200) }, () => rng.int(0, 255)) };
    default: {
      const { query, variables } = operation();
      const search = `?${new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) })}`;
      return { kind, method: 'GET', search, headers: { ...auth, ...(rng.chance(0.7) ? { 'apollo-require-preflight': 'true' } : {}) } };
    }
  }
}

async function send(request: FuzzRequest): Promise<Outcome> {
  const sent = `${request.search ?? ''}${typeof request.body === 'string' ? request.body : Buffer.from(request.body ?? []).toString('latin1')}`;
  const response = await fetch(`${system.gatewayUrl}${request.search ?? ''}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const answer = await response.text();
  const outcome: Outcome = {
    kind: request.kind,
    status: response.status,
    internalErrors: 0,
    sent: sent.slice(0, 400),
    answer: answer.slice(0, 400),
  };
  if (response.status >= 500) outcome.problem = `HTTP ${response.status}`;
  else if (!/^application\/json/.test(response.headers.get('content-type') ?? ''))
    outcome.problem = `content-type ${response.headers.get('content-type')}`;
  else {
    try {
      const body = JSON.parse(answer) as { errors?: { extensions?: { code?: string } }[] };
      outcome.internalErrors = (body.errors ?? []).filter((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR').length;
    } catch {
      outcome.problem = 'not JSON';
    }
    const leak = internalsIn(answer, sent);
    if (leak) outcome.problem = `leaks ${JSON.stringify(leak)}`;
  }
  return outcome;
}

it(`answers ${REQUESTS} random and broken requests with JSON, no 5xx and nothing internal, and stays up`, async () => {
  const rng = new Random(SEED);
  const requests = Array.from({ length: REQUESTS }, () => fuzzRequest(rng));
  const outcomes: Outcome[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) outcomes.push(await send(requests[next++]));
    }),
  );
  const seconds = (Date.now() - started) / 1000;

  const count = (key: (outcome: Outcome) => string) =>
    Object.fromEntries(
      [
        ...outcomes.reduce((counts, outcome) => counts.set(key(outcome), (counts.get(key(outcome)) ?? 0) + 1), new Map<string, number>()),
      ].sort(),
    );
  const internal = outcomes.filter((outcome) => outcome.internalErrors > 0);
  const summary = {
    seed: SEED,
    requests: outcomes.length,
    seconds,
    byStatus: count((outcome) => String(outcome.status)),
    byKind: count((outcome) => outcome.kind),
    answersWithInternalServerError: internal.length,
    internalErrorsLogged: Object.fromEntries(internalLogged),
    internalServerErrorExamples: internal.slice(0, 20).map(({ sent, answer }) => ({ sent, answer })),
  };
  fs.mkdirSync(path.dirname(ARTIFACT), { recursive: true });
  fs.writeFileSync(ARTIFACT, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`fuzz: ${JSON.stringify({ ...summary, internalErrorsLogged: undefined, internalServerErrorExamples: undefined })}`);

  const problems = outcomes.filter((outcome) => outcome.problem);
  expect(problems.slice(0, 5).map(({ problem, kind, status, sent, answer }) => ({ problem, kind, status, sent, answer }))).toEqual([]);
  expect(outcomes).toHaveLength(REQUESTS);

  // Everyone is still up and still answers properly.
  for (const base of [system.gatewayUrl, system.membership.url, system.itcell.url, system.training.url]) {
    const health = await fetch(new URL('/health', base));
    expect({ base, status: health.status }).toEqual({ base, status: 200 });
  }
  const { members } = await system.data<{ members: { total: number } }>('{ members { total } }');
  expect(members.total).toBeGreaterThanOrEqual(3);
}, 180000);
