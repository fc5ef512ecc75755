import express from 'express';
import type { DataSource } from 'typeorm';
import { runMigrationsOnce } from './advisory-locks';
import { auditOperationPlugin, startAuditRetention } from './audit';
import { accessPlugin, actorOf } from './auth/access';
import { DataScope } from './auth/data-scope';
import { readAuthConfig, readSigningConfig, type AuthConfig, type SigningConfig } from './auth/auth-config';
import { Authenticator, RemoteCredentialStore, type CredentialStore } from './auth/authenticator';
import type { Scope } from './auth/identity';
import { requestInfo } from './auth/request-info';
import { ServiceTokenSource, TokenSigner, TokenVerifier, verifyServiceToken } from './auth/tokens';
import { DEFAULT_DATABASE_LIMITS, type DatabaseLimits, type DependentServiceConfig, type HttpConfig, type ServiceConfig } from './config';
import { createDataSource, QueryLog } from './data-source';
import { embeddedRolePassword, resolveDatabase } from './database';
import { roleUrl } from './database-roles';
import { bulkListLimitPlugin, serviceLimits } from './limits';
import { createLogger, type Logger } from './logger';
import { MembershipClient, MembershipLookups } from './membership-client';
import { setRequestActor } from './request-context';
import { onShutdownSignal, startGraphQLServer, type RunningServer } from './server';
import { accessFieldsOf, buildModuleSchema, createServices, entitiesOf, unitCopyTablesOf, type ServiceModule } from './service-module';
import { createTestDatabase, graphqlData, graphqlRequest, testAuthKeys, type GraphQLResponse, type RequestOptions } from './testing';
import { UnitCopyFollower } from './unit-copies';
import { MemberMergeFollower, type MemberMergeApplier } from './member-merges';

/** A subgraph service, described once: its modules and migrations. The process, the CLI and the tests all start it from this. */
export interface ServiceDefinition {
  name: string;
  modules: readonly ServiceModule[];
  /** Listed explicitly (not globbed) so ts-jest, tsc output and the CLI load the same set. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: readonly Function[];
  /**
   * The service refers to membership's units and members (itcell, training): its requests get batched
   * lookups in membership as `services.membership`, and its unit copies follow membership's unit changes.
   */
  followsMembership: boolean;
  /** The scopes the service's queries and mutations need unless a module says otherwise. */
  access: { read: Scope; write: Scope };
  /** A service that follows membership: how it re-points its own references when two members are merged. */
  memberMerges?: MemberMergeApplier;
  /** Membership: it owns accounts, so it signs access tokens and answers the other processes' credential checks. */
  accounts?: { credentialStore(dataSource: DataSource): CredentialStore };
}

/** How a service takes part in sign-in: the shared settings, and the signing key where it signs (membership). */
export interface ServiceAuth extends AuthConfig {
  signing?: SigningConfig;
}

/** Membership's token issuing, for its account services. */
export interface TokenIssuing {
  signer: TokenSigner;
  config: SigningConfig;
}

/** `limits`: the running service's timeouts and pool size; without them (migrations, seed, CLI) the server's settings apply. */
export function createServiceDataSource(
  definition: ServiceDefinition,
  url: string,
  queryLog?: QueryLog,
  limits?: DatabaseLimits,
): DataSource {
  return createDataSource({ url, entities: entitiesOf(definition.modules), migrations: [...definition.migrations], queryLog, limits });
}

/**
 * For the TypeORM CLI (`npm run migration:run -w …`): DATABASE_URL, or the service's database on the
 * running embedded server, as the service's role (which owns the database's tables).
 */
export function cliDataSource(definition: ServiceDefinition, config: ServiceConfig): DataSource {
  const { database } = config;
  return createServiceDataSource(
    definition,
    database.url ?? roleUrl(`postgres://127.0.0.1:${database.embedded.port}`, database.name, embeddedRolePassword(database)),
  );
}

export interface StartServiceOptions {
  dataSource: DataSource;
  port: number;
  /** The address to listen on; all of the machine's when unset. */
  host?: string;
  logger: Logger;
  /** Required when the service follows membership. */
  membershipUrl?: string;
  auth: ServiceAuth;
  /** Introspection and the body limit (GRAPHQL_INTROSPECTION, BODY_LIMIT_KB); introspection is off unless given. */
  http?: Partial<HttpConfig>;
  /** How long a stop lets in-flight requests finish (default 10 s). */
  drainTimeoutMs?: number;
}

function membershipClient(definition: ServiceDefinition, membershipUrl: string | undefined, tokens: ServiceTokenSource) {
  if (!definition.followsMembership) return undefined;
  if (!membershipUrl) throw new Error(`${definition.name} needs the membership service's URL`);
  return new MembershipClient(membershipUrl, tokens);
}

/** What checks credentials in this service: membership verifies with its own key and store, the others ask membership. */
async function credentialChecks(definition: ServiceDefinition, options: StartServiceOptions) {
  const { auth } = options;
  if (definition.accounts) {
    if (!auth.signing) throw new Error(`${definition.name} signs access tokens and needs a signing key`);
    const signer = await TokenSigner.fromPrivateJwk(auth.signing.signingKey, auth.signing.accessTokenSeconds);
    const store = definition.accounts.credentialStore(options.dataSource);
    return { verifier: TokenVerifier.fromJwks(signer.jwks), store, issuing: { signer, config: auth.signing } satisfies TokenIssuing };
  }
  if (!options.membershipUrl) throw new Error(`${definition.name} needs the membership service's URL to check credentials`);
  const store = new RemoteCredentialStore(new URL('/', options.membershipUrl).toString(), auth.internalSecret, definition.name);
  return { verifier: TokenVerifier.fromUrl(auth.jwksUrl), store, issuing: undefined };
}

/** Membership's public keys and its answers to the other processes' credential checks (services only). */
function accountRoutes(app: express.Express, internalSecret: string, issuing: TokenIssuing, store: CredentialStore) {
  app.get('/.well-known/jwks.json', (_req, res) => {
    res.set('cache-control', 'public, max-age=300').json(issuing.signer.jwks);
  });
  const serviceOnly: express.RequestHandler = (req, res, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    verifyServiceToken(internalSecret, token ?? '').then(
      () => next(),
      () => res.status(401).json({ error: 'a service token is required' }),
    );
  };
  const handle =
    (answer: (body: Record<string, unknown>) => Promise<unknown>): express.RequestHandler =>
    (req, res, next) => {
      answer((req.body ?? {}) as Record<string, unknown>).then((result) => res.json(result), next);
    };
  app.post(
    '/internal/auth/sessions',
    serviceOnly,
    express.json(),
    handle(async (body) => ({ active: [...(await store.activeSessions(Array.isArray(body.ids) ? body.ids.map(String) : []))] })),
  );
  app.post(
    '/internal/auth/partner-token',
    serviceOnly,
    express.json(),
    handle(async (body) => {
      const identity = await store.partnerIdentity(String(body.token ?? ''));
      return { identity: identity ? { ...identity, scopes: [...identity.scopes] } : null };
    }),
  );
}

/**
 * Serves the subgraph over an initialised DataSource (migrations already run). Every request is
 * authenticated (only the gateway or another service may call), every operation checked against the
 * modules' access rules before it runs, and every request gets its own services, built for its caller.
 */
export async function startService(definition: ServiceDefinition, options: StartServiceOptions): Promise<RunningServer> {
  const schema = await buildModuleSchema(definition.modules);
  const tokens = new ServiceTokenSource(options.auth.internalSecret, definition.name);
  const client = membershipClient(definition, options.membershipUrl, tokens);
  const { verifier, store, issuing } = await credentialChecks(definition, options);
  const authenticator = new Authenticator({
    verifier,
    store,
    internalSecret: options.auth.internalSecret,
    statusCacheMs: options.auth.statusCacheMs,
    internalOnly: true,
  });
  return startGraphQLServer({
    schema,
    port: options.port,
    host: options.host,
    logger: options.logger,
    introspection: options.http?.introspection,
    bodyLimitBytes: options.http?.bodyLimitBytes,
    context: async ({ req, res }) => {
      const identity = await authenticator.authenticate(req.headers);
      setRequestActor(actorOf(identity));
      const request = requestInfo(req, res, authenticator.fromGateway(req.headers));
      return {
        identity,
        request,
        services: createServices(
          definition.modules,
          { dataSource: options.dataSource, identity, request, issuing },
          client ? { membership: new MembershipLookups(client, new DataScope(identity)) } : {},
        ),
      };
    },
    plugins: [
      accessPlugin({ ...definition.access, fields: accessFieldsOf(definition.modules) }),
      bulkListLimitPlugin(),
      auditOperationPlugin(),
    ],
    readiness: {
      database: () => options.dataSource.query('SELECT 1'),
      ...(client ? { membership: () => client.ping() } : {}),
    },
    drainTimeoutMs: options.drainTimeoutMs,
    configure: issuing ? (app) => accountRoutes(app, options.auth.internalSecret, issuing, store) : undefined,
  });
}

/** The followers of membership's feeds a service has (unit copies, member merges), sharing one client. */
function membershipFollowers(
  definition: ServiceDefinition,
  dataSource: DataSource,
  membershipUrl: string | undefined,
  auth: ServiceAuth,
  logger: Logger,
): { unitCopies?: UnitCopyFollower; memberMerges?: MemberMergeFollower } {
  const client = membershipClient(definition, membershipUrl, new ServiceTokenSource(auth.internalSecret, `${definition.name}-follower`));
  if (!client) return {};
  return {
    unitCopies: new UnitCopyFollower(dataSource, client, unitCopyTablesOf(definition.modules), logger),
    memberMerges: definition.memberMerges ? new MemberMergeFollower(dataSource, client, definition.memberMerges, logger) : undefined,
  };
}

/** The service's auth settings from the environment (and DATA_DIR/auth on a machine without configured ones). */
export async function readServiceAuth(definition: ServiceDefinition): Promise<ServiceAuth> {
  return { ...(await readAuthConfig()), ...(definition.accounts ? { signing: await readSigningConfig() } : {}) };
}

/** The process: database (embedded unless DATABASE_URL), migrations, HTTP, the followers of membership's feeds where the service has them; graceful stop. */
export async function runService(definition: ServiceDefinition, config: ServiceConfig | DependentServiceConfig): Promise<void> {
  const logger = createLogger(config.name, config.logLevel);
  serviceLimits(); // read now: a bad MAX_* variable stops the start with its name
  const database = await resolveDatabase(config.database, logger);
  // Migrations without the request timeouts: building an index on a large table may take minutes.
  const migrator = createServiceDataSource(definition, database.url);
  await migrator.initialize();
  try {
    const migrations = await runMigrationsOnce(migrator, database.url);
    if (migrations.length) logger.info({ migrations: migrations.map((m) => m.name) }, 'migrations applied');
  } finally {
    await migrator.destroy();
  }
  const dataSource = createServiceDataSource(definition, database.url, undefined, config.database.limits);
  await dataSource.initialize();
  const membershipUrl = 'membershipUrl' in config ? config.membershipUrl : undefined;
  const auth = await readServiceAuth(definition);
  const server = await startService(definition, {
    dataSource,
    port: config.port,
    host: config.host,
    logger,
    membershipUrl,
    auth,
    http: config.http,
    drainTimeoutMs: config.shutdownTimeoutMs,
  });
  const followers = Object.values(membershipFollowers(definition, dataSource, membershipUrl, auth, logger)).filter((f) => f !== undefined);
  if ('unitSyncIntervalMs' in config) for (const follower of followers) follower.start(config.unitSyncIntervalMs);
  const retention = startAuditRetention(dataSource, config.audit.retentionDays, logger);
  logger.info({ url: server.url }, `${definition.name} subgraph ready`);
  onShutdownSignal(
    logger,
    async () => {
      // Stop accepting at once and let in-flight requests finish; then the pool, then PostgreSQL (if it runs here).
      await Promise.all([server.stop(), ...followers.map((follower) => follower.stop()), retention.stop()]);
      await dataSource.destroy();
      await database.embedded?.stop();
    },
    { timeoutMs: config.shutdownTimeoutMs },
  );
}

/** `runService` as a process entry: a start failure is one line and exit code 1. */
export function runServiceProcess(definition: ServiceDefinition, loadConfig: () => ServiceConfig | DependentServiceConfig): void {
  Promise.resolve()
    .then(() => runService(definition, loadConfig()))
    .catch((error: unknown) => {
      console.error(`${definition.name} failed to start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}

export interface TestService {
  url: string;
  dataSource: DataSource;
  queryLog: QueryLog;
  auth: ServiceAuth;
  /**
   * Sent with every request unless told otherwise: a superadmin's access token (membership's test
   * support signs one in; the services that follow membership take membership's).
   */
  token: string | null;
  /** Applies membership's pending unit changes now (the running service does it on a timer); 0 for membership itself. */
  followUnitChanges(): Promise<number>;
  /** Applies membership's pending member merges now (the running service does it on a timer); 0 where there is nothing to follow. */
  followMemberMerges(): Promise<number>;
  /** As the gateway sends it (the gateway's secret header), with `token` unless `options.token` says otherwise. */
  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<T>;
  stop(): Promise<void>;
}

export interface TestServiceOptions {
  /** The membership test service a following service asks and takes its token from. */
  membership?: TestService;
  statusCacheMs?: number;
  /** Introspection and "did you mean" suggestions; off, as in production, unless asked for. */
  introspection?: boolean;
  /** Where its logs go (silent unless TEST_LOG_LEVEL says otherwise). */
  logger?: Logger;
  /** Timeouts and pool size of the service's connections (default: a running service's defaults). */
  databaseLimits?: Partial<DatabaseLimits>;
}

/** For tests: the service over real HTTP on a random port with a fresh migrated database (asking the given membership service, if it follows one). */
export async function startTestService(
  definition: ServiceDefinition,
  label: string,
  options: TestServiceOptions = {},
): Promise<TestService> {
  const database = await createTestDatabase(label);
  const queryLog = new QueryLog();
  const dataSource = createServiceDataSource(definition, database.url, queryLog, { ...DEFAULT_DATABASE_LIMITS, ...options.databaseLimits });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const logger = options.logger ?? createLogger(definition.name, (process.env.TEST_LOG_LEVEL as 'error') ?? 'silent');
  const keys = await testAuthKeys();
  const membershipUrl = options.membership?.url;
  const auth: ServiceAuth = {
    internalSecret: keys.internalSecret,
    jwksUrl: new URL('/.well-known/jwks.json', membershipUrl ?? 'http://localhost/').toString(),
    statusCacheMs: options.statusCacheMs ?? 0,
    ...(definition.accounts ? { signing: keys.signing } : {}),
  };
  const server = await startService(definition, {
    dataSource,
    port: 0,
    logger,
    membershipUrl,
    auth,
    http: { introspection: options.introspection },
  });
  const followers = membershipFollowers(definition, dataSource, membershipUrl, auth, logger);
  const service: TestService = {
    url: server.url,
    dataSource,
    queryLog,
    auth,
    token: options.membership?.token ?? null,
    followUnitChanges: async () => (followers.unitCopies ? followers.unitCopies.syncOnce() : 0),
    followMemberMerges: async () => (followers.memberMerges ? followers.memberMerges.syncOnce() : 0),
    request: (query, variables, requestOptions) =>
      graphqlRequest(server.url, query, variables, { token: service.token, gatewaySecret: auth.internalSecret, ...requestOptions }),
    data: (query, variables, requestOptions) =>
      graphqlData(server.url, query, variables, { token: service.token, gatewaySecret: auth.internalSecret, ...requestOptions }),
    stop: async () => {
      await server.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
  return service;
}
