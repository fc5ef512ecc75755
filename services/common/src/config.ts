import path from 'node:path';

/** Thrown when an environment variable is missing or malformed; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads typed values from an environment, failing fast with the variable's name. */
export class EnvReader {
  constructor(private readonly env: Env = process.env) {}

  string(name: string, fallback?: string): string {
    const value = this.env[name]?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback;
    throw new ConfigError(name, 'is required');
  }

  optionalString(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  port(name: string, fallback: number): number {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new ConfigError(name, `must be a port number (0-65535), got "${raw}"`);
    }
    return port;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  }

  url(name: string, fallback?: string): string {
    const value = this.string(name, fallback);
    try {
      new URL(value);
    } catch {
      throw new ConfigError(name, `must be a URL, got "${value}"`);
    }
    return value;
  }

  optionalUrl(name: string): string | undefined {
    return this.optionalString(name) === undefined ? undefined : this.url(name);
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw new ConfigError(name, `must be true or false, got "${raw}"`);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.env[name]?.trim() || fallback;
    if (!allowed.includes(value as T)) {
      throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
    }
    return value as T;
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How a service reaches PostgreSQL: a server URL of its own, or the embedded server. */
export interface DatabaseConfig {
  /** Full URL of this service's database; when absent the embedded server is used. */
  url?: string;
  /** Database name on the embedded server; also the name of the service's own role there. */
  name: string;
  /** <NAME>_DB_PASSWORD: the password of the service's role on the embedded server (unset: generated, see database-roles.ts). */
  rolePassword?: string;
  embedded: EmbeddedPostgresConfig;
  /** Bounds on every connection the running service opens. */
  limits: DatabaseLimits;
}

/**
 * How long one statement may run, how long it may wait for a lock, how long a transaction may sit
 * idle, and how many connections the service keeps (0 turns a timeout off). Set on every connection
 * of a running service; migrations and the seed run without them (see README).
 */
export interface DatabaseLimits {
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  poolSize: number;
}

export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  statementTimeoutMs: 15_000,
  lockTimeoutMs: 5_000,
  idleInTransactionTimeoutMs: 60_000,
  poolSize: 10,
};

/** DB_STATEMENT_TIMEOUT_MS (15000), DB_LOCK_TIMEOUT_MS (5000), DB_IDLE_IN_TRANSACTION_TIMEOUT_MS (60000), DB_POOL_SIZE (10). */
export function readDatabaseLimits(env = new EnvReader()): DatabaseLimits {
  const day = 86_400_000;
  return {
    statementTimeoutMs: env.integer('DB_STATEMENT_TIMEOUT_MS', DEFAULT_DATABASE_LIMITS.statementTimeoutMs, 0, day),
    lockTimeoutMs: env.integer('DB_LOCK_TIMEOUT_MS', DEFAULT_DATABASE_LIMITS.lockTimeoutMs, 0, day),
    idleInTransactionTimeoutMs: env.integer(
      'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      DEFAULT_DATABASE_LIMITS.idleInTransactionTimeoutMs,
      0,
      day,
    ),
    poolSize: env.integer('DB_POOL_SIZE', DEFAULT_DATABASE_LIMITS.poolSize, 1, 1000),
  };
}

/** SHUTDOWN_TIMEOUT_MS (10000): how long a stopping process lets in-flight requests finish. */
export function readShutdownTimeout(env = new EnvReader()): number {
  return env.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000);
}

export interface EmbeddedPostgresConfig {
  port: number;
  /** The cluster's folder, DATA_DIR/postgres. */
  dataDir: string;
  /** EMBEDDED_PG_PASSWORD: the superuser's password. Unset: generated once per data folder into `passwordsDir`. */
  password?: string;
  /** DATA_DIR/db-passwords: the generated passwords of the superuser and of each service's role, readable by their owner only. */
  passwordsDir: string;
}

/** The repository root, found from this file's location (services/common/{src,dist}). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function readEmbeddedPostgresConfig(env = new EnvReader()): EmbeddedPostgresConfig {
  const dataRoot = path.resolve(env.string('DATA_DIR', path.join(REPO_ROOT, '.data')));
  return {
    port: env.port('EMBEDDED_PG_PORT', 5433),
    dataDir: path.join(dataRoot, 'postgres'),
    password: env.optionalString('EMBEDDED_PG_PASSWORD'),
    passwordsDir: path.join(dataRoot, 'db-passwords'),
  };
}

/** The variable that sets a service role's password, e.g. MEMBERSHIP_DB_PASSWORD. */
export function rolePasswordVariable(name: string): string {
  return `${name.toUpperCase()}_DB_PASSWORD`;
}

/** How the GraphQL endpoint of the gateway and of every subgraph treats what it is sent. */
export interface HttpConfig {
  /** Introspection and "did you mean" suggestions in errors: off unless GRAPHQL_INTROSPECTION=true. */
  introspection: boolean;
  /** The largest request body accepted; a larger one is refused with 413. */
  bodyLimitBytes: number;
}

/** GRAPHQL_INTROSPECTION (false) and BODY_LIMIT_KB (5120). */
export function readHttpConfig(env = new EnvReader()): HttpConfig {
  return {
    introspection: env.boolean('GRAPHQL_INTROSPECTION', false),
    bodyLimitBytes: env.integer('BODY_LIMIT_KB', 5120, 1, 1_048_576) * 1024,
  };
}

/** Five years: one election cycle of who changed what. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 1825;

export interface ServiceConfig {
  name: string;
  port: number;
  /** LISTEN_HOST: the address the subgraph listens on; this machine only unless told (the Docker image says 0.0.0.0). */
  host: string;
  logLevel: LogLevel;
  database: DatabaseConfig;
  http: HttpConfig;
  shutdownTimeoutMs: number;
  /** AUDIT_RETENTION_DAYS: audit entries older than this are removed (0: kept for ever). */
  audit: { retentionDays: number };
}

/**
 * Config shared by every subgraph service. `PORT_VAR` names the port variable, e.g. MEMBERSHIP_PORT.
 * DATABASE_URL (if set) is this service's own database.
 */
export function readServiceConfig(name: string, portVariable: string, defaultPort: number, env = new EnvReader()): ServiceConfig {
  return {
    name,
    port: env.port(portVariable, defaultPort),
    host: env.string('LISTEN_HOST', '127.0.0.1'),
    logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    database: {
      url: env.optionalUrl('DATABASE_URL'),
      name,
      rolePassword: env.optionalString(rolePasswordVariable(name)),
      embedded: readEmbeddedPostgresConfig(env),
      limits: readDatabaseLimits(env),
    },
    http: readHttpConfig(env),
    shutdownTimeoutMs: readShutdownTimeout(env),
    audit: { retentionDays: env.integer('AUDIT_RETENTION_DAYS', DEFAULT_AUDIT_RETENTION_DAYS, 0, 36_500) },
  };
}

/** A service that refers to membership's units and members (itcell, training). */
export interface DependentServiceConfig extends ServiceConfig {
  /** The membership subgraph, asked to check units and members and followed for unit changes. */
  membershipUrl: string;
  unitSyncIntervalMs: number;
}

/** readServiceConfig plus MEMBERSHIP_URL (default http://localhost:4001/graphql) and UNIT_SYNC_INTERVAL_MS (5000). */
export function readDependentServiceConfig(
  name: string,
  portVariable: string,
  defaultPort: number,
  env = new EnvReader(),
): DependentServiceConfig {
  return {
    ...readServiceConfig(name, portVariable, defaultPort, env),
    membershipUrl: env.url('MEMBERSHIP_URL', 'http://localhost:4001/graphql'),
    unitSyncIntervalMs: env.integer('UNIT_SYNC_INTERVAL_MS', 5000, 100, 3_600_000),
  };
}
