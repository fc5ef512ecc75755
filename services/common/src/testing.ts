import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { SigningConfig } from './auth/auth-config';
import { GATEWAY_HEADER } from './auth/authenticator';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, TokenSigner } from './auth/tokens';
import { withDatabase } from './database';
import type { DataSource, EntityManager } from 'typeorm';
import { runAsSystem } from './request-context';

/** Set by the jest global setup: the embedded test server's URL. */
export const TEST_SERVER_ENV = 'SANGATHAN_TEST_PG_URL';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server, for one test file. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const serverUrl = process.env[TEST_SERVER_ENV];
  if (!serverUrl) throw new Error(`${TEST_SERVER_ENV} is not set: run the tests through jest (its global setup starts PostgreSQL)`);
  const name = `test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** Who a test request is from. */
export interface RequestOptions {
  /** Sent as `Authorization: Bearer …`; null sends none. */
  token?: string | null;
  /** Sent as the gateway's secret header (a subgraph answers only the gateway). */
  gatewaySecret?: string;
  headers?: Record<string, string>;
}

/** POSTs one operation to a GraphQL endpoint over real HTTP, with the HTTP status. */
export async function graphqlExchange<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: RequestOptions = {},
): Promise<{ status: number; headers: Headers; body: GraphQLResponse<T> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.gatewaySecret) headers[GATEWAY_HEADER] = options.gatewaySecret;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T> };
}

/** POSTs one operation to a GraphQL endpoint over real HTTP. */
export async function graphqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: RequestOptions = {},
): Promise<GraphQLResponse<T>> {
  return (await graphqlExchange<T>(url, query, variables, options)).body;
}

/** Like graphqlRequest, but fails with the server's errors when there are any. */
export async function graphqlData<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: RequestOptions = {},
): Promise<T> {
  const result = await graphqlRequest<T>(url, query, variables, options);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as T;
}

let testKeys: Promise<{ internalSecret: string; signing: SigningConfig }> | undefined;

/** One internal secret and signing key per test process, so every service a test starts trusts the others. */
export function testAuthKeys(): Promise<{ internalSecret: string; signing: SigningConfig }> {
  testKeys ??= TokenSigner.generatePrivateJwk().then((signingKey) => ({
    internalSecret: randomBytes(32).toString('base64url'),
    signing: { signingKey, accessTokenSeconds: 900, refreshTokenDays: 14, cookieSecure: false },
  }));
  return testKeys;
}

/**
 * Access tokens that must all be refused, for a real account's session: each is wrong in one way only
 * (expired, signed by another key, `alg: none`, another issuer, another audience, garbage).
 */
export async function badAccessTokens(claims: { accountId: string; sessionId: string; role: string }): Promise<Record<string, string>> {
  const { signing } = await testAuthKeys();
  const key = await importJWK(signing.signingKey, 'EdDSA');
  const { privateKey: otherKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const base = (overrides: { issuer?: string; audience?: string; expires?: number } = {}) =>
    new SignJWT({ sid: claims.sessionId, role: claims.role, org: null, unit: null })
      .setProtectedHeader({ alg: 'EdDSA', kid: signing.signingKey.kid })
      .setSubject(claims.accountId)
      .setIssuer(overrides.issuer ?? TOKEN_ISSUER)
      .setAudience(overrides.audience ?? TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(overrides.expires ?? Math.floor(Date.now() / 1000) + 600);
  const unsigned = (payload: object) =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
  return {
    expired: await base({ expires: Math.floor(Date.now() / 1000) - 60 }).sign(key),
    'signed by another key': await base().sign(otherKey),
    'alg none': unsigned({
      sub: claims.accountId,
      sid: claims.sessionId,
      role: claims.role,
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      exp: Math.floor(Date.now() / 1000) + 600,
    }),
    'another issuer': await base({ issuer: 'someone-else' }).sign(key),
    'another audience': await base({ audience: 'another-api' }).sign(key),
    garbage: 'not-a-token',
  };
}

/** What a refused HTTP request must get back: a JSON error with this status and `extensions.code`. */
export interface BadHttpRequest {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  /** Appended to the endpoint's URL (a query string), or a path replacing /graphql when it starts with '/'. */
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  code: string;
}

/** Every way of getting the HTTP side of a GraphQL request wrong that the endpoints refuse, and how. */
export function badHttpRequests(bodyLimitBytes: number): BadHttpRequest[] {
  const json = { 'content-type': 'application/json' };
  const post = (name: string, body: string, status = 400, code = 'BAD_REQUEST', headers: Record<string, string> = json) =>
    ({ name, method: 'POST', headers, body, status, code }) satisfies BadHttpRequest;
  const query = JSON.stringify({ query: '{ __typename }' });
  return [
    post('malformed JSON', '{"query": "{ __typename }"'),
    post('truncated JSON', query.slice(0, 10)),
    post('a JSON number', '42'),
    post('JSON null', 'null'),
    post('a JSON string', '"{ __typename }"'),
    post('a deeply nested JSON array', `${'['.repeat(20_000)}${']'.repeat(20_000)}`),
    post('an empty body', ''),
    post('an object without a query', '{}'),
    post('a query that is not a string', '{"query": 5}'),
    post('variables that are not an object', '{"query": "{ __typename }", "variables": "x"}'),
    post('a batch (batching is off)', `[${query},${query}]`),
    post(
      'an operationName naming no operation',
      '{"query": "query A { __typename }", "operationName": "B"}',
      400,
      'OPERATION_RESOLUTION_FAILURE',
    ),
    post(
      'several operations and no operationName',
      '{"query": "query A { __typename } query B { __typename }"}',
      400,
      'OPERATION_RESOLUTION_FAILURE',
    ),
    post('text/plain', query, 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'text/plain' }),
    post('no content type', query, 415, 'UNSUPPORTED_MEDIA_TYPE', {}),
    post('a form', 'query=%7B__typename%7D', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'application/x-www-form-urlencoded' }),
    post('multipart', '--x\r\n\r\n--x--', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'multipart/form-data; boundary=x' }),
    post('application/graphql', '{ __typename }', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'application/graphql' }),
    post('an unknown charset', query, 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'application/json; charset=klingon' }),
    post('an unknown content encoding', query, 415, 'UNSUPPORTED_MEDIA_TYPE', { ...json, 'content-encoding': 'zstd-x' }),
    post(
      'a body over the limit',
      JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(bodyLimitBytes) }),
      413,
      'PAYLOAD_TOO_LARGE',
    ),
    { name: 'GET without a CSRF-safe header', method: 'GET', path: '?query=%7B__typename%7D', status: 400, code: 'BAD_REQUEST' },
    {
      name: 'a mutation over GET',
      method: 'GET',
      path: '?query=mutation%7B__typename%7D',
      headers: { 'apollo-require-preflight': 'true' },
      status: 405,
      code: 'BAD_REQUEST',
    },
    { name: 'PUT', method: 'PUT', headers: json, body: query, status: 405, code: 'BAD_REQUEST' },
    { name: 'an unknown route', method: 'GET', path: '/no-such-route', status: 404, code: 'NOT_FOUND' },
    {
      name: 'an unknown route, POSTed',
      method: 'POST',
      path: '/graphql/extra',
      headers: json,
      body: query,
      status: 404,
      code: 'NOT_FOUND',
    },
  ];
}

/** Sends one of `badHttpRequests` to a GraphQL endpoint (…/graphql). */
export async function sendBadHttpRequest(
  graphqlUrl: string,
  request: BadHttpRequest,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const url = request.path?.startsWith('/') ? new URL(request.path, graphqlUrl) : `${graphqlUrl}${request.path ?? ''}`;
  const response = await fetch(url, { method: request.method, headers: { ...request.headers, ...headers }, body: request.body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const INTERNALS: readonly RegExp[] = [
  /<!doctype|<html|<pre>/i,
  /\bat (?:async )?[\w$.<>[\] ]*\(?(?:node:|file:|\/)[^)\s]*:\d+:\d+/, // a stack frame
  /(?:^|[\s"'(])\/(?:work|home|root|app|usr|srv|tmp|var|opt)\/[\w.@/+-]+/, // an absolute path
  /node_modules|\.(?:ts|js|mjs|cjs):\d+/,
  /\b(?:SELECT\s.+\sFROM|INSERT INTO|DELETE FROM|UPDATE\s+"?\w+"?\s+SET)\b/, // SQL
  /\b(?:QueryFailedError|TypeORMError|EntityNotFound)|syntax error at or near|violates \w+(?:-\w+)? constraint|relation "\w+" does not exist|duplicate key value/,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError):/,
];

/**
 * Text in an answer that looks like internals leaking out: an HTML error page, a stack frame, a file
 * path, SQL or a database message, a JavaScript error's name. What the client sent itself (a value
 * echoed in a validation message) does not count.
 */
export function internalsIn(answer: string, sent = ''): string | undefined {
  for (const pattern of INTERNALS) {
    const found = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const match of answer.matchAll(found)) if (!sent.includes(match[0].trim())) return match[0];
  }
  return undefined;
}

/**
 * Test data written straight to a service's database (not through its API), in one transaction,
 * audited as the system job "test-fixture": audited tables refuse changes without an actor.
 */
export function writeFixture<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return runAsSystem('test-fixture', () => dataSource.transaction(work));
}

/** One SQL statement of test data, as writeFixture. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as EntityManager.query: rows of any shape
export function fixtureQuery<T = any>(dataSource: DataSource, sql: string, parameters?: unknown[]): Promise<T> {
  return writeFixture(dataSource, (manager) => manager.query(sql, parameters));
}

/** `manager.save(entity)` of test data (save opens its own transaction), audited as writeFixture. */
export function saveFixture<T>(manager: EntityManager, entity: T): Promise<T> {
  return runAsSystem('test-fixture', () => manager.save(entity));
}
