import { relocatedDataDir } from '@sangathan/common';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { connects, listening } from './network';
import { freePort, ROOT } from './processes';

// The embedded server as `npm start` runs it (scripts/embedded-postgres.js, compiled workspace) and as a
// service alone starts it: its superuser password, the services' roles, where the data lives.
const OLD_DEFAULT_PASSWORD = 'sangathan';

/** A folder for a data folder, reachable by the "postgres" user when the tests run as root. */
function newDataRoot(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sangathan-embedded-'));
  fs.chmodSync(dir, 0o755);
  return dir;
}

interface Started {
  child: ChildProcess;
  message: { serverUrl?: string; error?: string };
  output: () => string;
  stop(): Promise<void>;
}

/** scripts/embedded-postgres.js, as `npm start` forks it; resolves with what it reports (its URL or its error). */
async function startEmbedded(env: Record<string, string>): Promise<Started> {
  const child = fork(path.join(ROOT, 'scripts/embedded-postgres.js'), [], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    silent: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const message = await new Promise<Started['message']>((resolve, reject) => {
    child.once('message', (answer) => resolve(answer as Started['message']));
    void exited.then(() => reject(new Error(`exited without a word:\n${output}`)));
  });
  return {
    child,
    message,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

const superuserUrl = (port: number, password: string, database = 'postgres') =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

/** Connects and runs `sql`; the rows, or the error code the server answered with. */
async function query(url: string, sql: string): Promise<{ rows?: Record<string, unknown>[]; code?: string }> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return { rows: (await client.query(sql)).rows };
  } catch (error) {
    return { code: (error as { code?: string }).code };
  } finally {
    await client.end().catch(() => undefined);
  }
}

// A cluster as versions before generated passwords made it: embedded-postgres with the fixed default
// superuser password and its default "password" authentication, and one table of data.
const OLD_CLUSTER = `
import EmbeddedPostgres from 'embedded-postgres';
const [dataDir, port, keep] = process.argv.slice(1);
const postgres = new EmbeddedPostgres({
  databaseDir: dataDir, port: Number(port), user: 'postgres', password: '${OLD_DEFAULT_PASSWORD}', persistent: true,
  createPostgresUser: process.getuid() === 0, initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1'], onLog: () => {}, onError: () => {},
});
await postgres.initialise();
await postgres.start();
const client = postgres.getPgClient('postgres', '127.0.0.1');
await client.connect();
await client.query("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('from before')");
await client.end();
if (keep) {
  process.on('SIGTERM', () => postgres.stop().then(() => process.exit(0)));
  console.log('ready');
} else {
  await postgres.stop();
}`;

function oldCluster(dataDir: string, port: number, keep = false): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', OLD_CLUSTER, dataDir, String(port), keep ? 'keep' : ''], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', () => keep && output.includes('ready') && resolve(child));
    child.once('exit', (code) => (code === 0 && !keep ? resolve(child) : reject(new Error(`old cluster: exit ${code}\n${output}`))));
  });
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('the embedded server’s superuser password', () => {
  const dataRoot = newDataRoot();
  const passwordFile = path.join(dataRoot, 'db-passwords', 'postgres');
  afterAll(() => fs.rmSync(dataRoot, { recursive: true, force: true }));

  it('is generated for a new data folder, kept there for its owner only, and the old default is refused', async () => {
    const port = await freePort();
    const server = await startEmbedded({ DATA_DIR: dataRoot, EMBEDDED_PG_PORT: `${port}` });
    try {
      expect(server.message.error).toBeUndefined();
      const password = fs.readFileSync(passwordFile, 'utf8').trim();
      expect(password).toMatch(/^[\w-]{32}$/); // 24 random bytes
      expect(modeOf(passwordFile)).toBe(0o600);
      expect(modeOf(path.dirname(passwordFile))).toBe(0o700);
      expect(new URL(server.message.serverUrl!).password).toBe(password);
      expect(await query(superuserUrl(port, password), 'SELECT current_user AS user')).toEqual({ rows: [{ user: 'postgres' }] });
      expect(await query(superuserUrl(port, OLD_DEFAULT_PASSWORD), 'SELECT 1')).toEqual({ code: '28P01' });
    } finally {
      await server.stop();
    }
  });

  it('each data folder gets its own', async () => {
    const other = newDataRoot();
    const port = await freePort();
    const server = await startEmbedded({ DATA_DIR: other, EMBEDDED_PG_PORT: `${port}` });
    try {
      const password = fs.readFileSync(path.join(other, 'db-passwords', 'postgres'), 'utf8').trim();
      expect(password).not.toBe(fs.readFileSync(passwordFile, 'utf8').trim());
    } finally {
      await server.stop();
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('a data folder made with the old default password', () => {
  const dataRoot = newDataRoot();
  const dataDir = path.join(dataRoot, 'postgres');
  const passwordFile = path.join(dataRoot, 'db-passwords', 'postgres');
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    await oldCluster(dataDir, port);
  });
  afterAll(() => fs.rmSync(dataRoot, { recursive: true, force: true }));

  it('is refused with a clear message when EMBEDDED_PG_PASSWORD is not its password, and is left as it was', async () => {
    const server = await startEmbedded({ DATA_DIR: dataRoot, EMBEDDED_PG_PORT: `${port}`, EMBEDDED_PG_PASSWORD: 'not-its-password' });
    await server.stop();
    expect(server.message.error).toBe(
      `The PostgreSQL on port ${port} refuses EMBEDDED_PG_PASSWORD for its "postgres" user: set EMBEDDED_PG_PASSWORD to that user's password, or EMBEDDED_PG_PORT to a free port`,
    );
    expect(fs.existsSync(passwordFile)).toBe(false);
    expect(server.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('keeps working: its first start gives it a generated password, says so, and keeps the data', async () => {
    const server = await startEmbedded({ DATA_DIR: dataRoot, EMBEDDED_PG_PORT: `${port}` });
    try {
      expect(server.message.error).toBeUndefined();
      expect(server.output()).toContain('had the old default password; it now has the password kept in');
      const password = fs.readFileSync(passwordFile, 'utf8').trim();
      expect(password).not.toBe(OLD_DEFAULT_PASSWORD);
      expect(modeOf(passwordFile)).toBe(0o600);
      expect(await query(superuserUrl(port, password), 'SELECT note FROM kept')).toEqual({ rows: [{ note: 'from before' }] });
      expect(await query(superuserUrl(port, OLD_DEFAULT_PASSWORD), 'SELECT 1')).toEqual({ code: '28P01' });
    } finally {
      await server.stop();
    }
    // And the next start just uses it.
    const again = await startEmbedded({ DATA_DIR: dataRoot, EMBEDDED_PG_PORT: `${port}` });
    await again.stop();
    expect(again.message.error).toBeUndefined();
    expect(again.output()).not.toContain('old default password');
  });

  it('EMBEDDED_PG_PASSWORD still overrides the kept password', async () => {
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    const server = await startEmbedded({ DATA_DIR: dataRoot, EMBEDDED_PG_PORT: `${port}`, EMBEDDED_PG_PASSWORD: password });
    await server.stop();
    expect(server.message.error).toBeUndefined();
    expect(new URL(server.message.serverUrl!).password).toBe(password);
  });
});

describe('another server on the port', () => {
  it('is not taken over: another data folder’s server with the old default password keeps it, and the start says what to do', async () => {
    const foreignRoot = newDataRoot();
    const ownRoot = newDataRoot();
    const port = await freePort();
    const foreign = await oldCluster(path.join(foreignRoot, 'postgres'), port, true);
    try {
      const server = await startEmbedded({ DATA_DIR: ownRoot, EMBEDDED_PG_PORT: `${port}` });
      await server.stop();
      expect(server.message.error).toBe(
        `The PostgreSQL on port ${port} keeps its data in ${path.join(foreignRoot, 'postgres')}, not in ${path.join(ownRoot, 'postgres')}: set EMBEDDED_PG_PORT to a free port`,
      );
      expect(await query(superuserUrl(port, OLD_DEFAULT_PASSWORD), 'SELECT note FROM kept')).toEqual({ rows: [{ note: 'from before' }] });
    } finally {
      foreign.kill('SIGTERM');
      await new Promise((resolve) => foreign.once('exit', resolve));
      fs.rmSync(foreignRoot, { recursive: true, force: true });
      fs.rmSync(ownRoot, { recursive: true, force: true });
    }
  });
});

describe('a data folder inside a private folder', () => {
  it('as root, is kept where the "postgres" user can reach it and linked from the data folder; otherwise stays in place', async () => {
    const privateRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sangathan-private-'));
    fs.chmodSync(privateRoot, 0o700);
    const dataDir = path.join(privateRoot, 'postgres');
    const port = await freePort();
    const server = await startEmbedded({ DATA_DIR: privateRoot, EMBEDDED_PG_PORT: `${port}` });
    try {
      expect(server.message.error).toBeUndefined();
      const password = fs.readFileSync(path.join(privateRoot, 'db-passwords', 'postgres'), 'utf8').trim();
      const { rows } = await query(superuserUrl(port, password), 'SHOW data_directory');
      if (process.getuid?.() === 0) {
        expect(fs.lstatSync(dataDir).isSymbolicLink()).toBe(true);
        expect(fs.readlinkSync(dataDir)).toBe(relocatedDataDir(dataDir));
        expect(rows).toEqual([{ data_directory: relocatedDataDir(dataDir) }]);
      } else {
        expect(fs.lstatSync(dataDir).isDirectory()).toBe(true);
        expect(rows).toEqual([{ data_directory: dataDir }]);
      }
      expect(modeOf(privateRoot)).toBe(0o700); // the user's folder is left as it was
    } finally {
      await server.stop();
      fs.rmSync(relocatedDataDir(dataDir), { recursive: true, force: true });
      fs.rmSync(privateRoot, { recursive: true, force: true });
    }
  });
});

describe('a service run alone on the embedded server (no DATABASE_URL)', () => {
  it('connects as its own role, which is no superuser, and listens on 127.0.0.1 only', async () => {
    const dataRoot = newDataRoot();
    const pgPort = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, 'services/membership/dist/index.js')], {
      env: { PATH: process.env.PATH, DATA_DIR: dataRoot, EMBEDDED_PG_PORT: `${pgPort}`, MEMBERSHIP_PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /"url":"http:\/\/localhost:(\d+)\/graphql","msg":"membership subgraph ready"/.exec(output);
          if (match) resolve(Number(match[1]));
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        void exited.then((code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      const password = fs.readFileSync(path.join(dataRoot, 'db-passwords', 'postgres'), 'utf8').trim();
      expect(
        await query(
          superuserUrl(pgPort, password),
          `SELECT DISTINCT a.datname, a.usename, r.rolsuper, r.rolcreatedb, r.rolcreaterole
             FROM pg_stat_activity a JOIN pg_roles r ON r.rolname = a.usename WHERE a.application_name = 'sangathan'`,
        ),
      ).toEqual({ rows: [{ datname: 'membership', usename: 'membership', rolsuper: false, rolcreatedb: false, rolcreaterole: false }] });
      expect(modeOf(path.join(dataRoot, 'db-passwords', 'membership'))).toBe(0o600);

      expect(await listening(port)).toEqual({ loopback: true, otherAddressesAccepting: [], boundTo: ['127.0.0.1'] });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(await connects('127.0.0.1', pgPort)).toBe(false); // it started the server, so it stopped it
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataRoot, { recursive: true, force: true });
    }
  });
});
