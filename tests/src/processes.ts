import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

/** The repository root: tests start the compiled entries (`npm test` builds first). */
export const ROOT = path.resolve(__dirname, '..', '..');

export interface StartedProcess {
  child: ChildProcess;
  /** The GraphQL URL it logged when it was ready. */
  url: string;
  port: number;
  output(): string;
  exited: Promise<number | null>;
  /** Signals its whole process group, as systemd or a terminal does. */
  signalGroup(signal: NodeJS.Signals): void;
}

/**
 * Starts a compiled entry (a service's or the gateway's) as its own process group leader, like a
 * deployment's supervisor would, and resolves once it logged the URL it serves.
 */
export function startEntry(entry: string, env: Record<string, string>): Promise<StartedProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, entry)], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/localhost:(\d+)\/graphql)"/.exec(output);
      if (match)
        resolve({
          child,
          url: match[1],
          port: Number(match[2]),
          output: () => output,
          exited,
          signalGroup: (signal) => process.kill(-child.pid!, signal),
        });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`${entry} exited with ${code} before listening:\n${output}`)));
  });
}

/** A stand-in for `npm start`: starts the entry as its own group with an IPC channel and passes its output through. */
const PARENT = `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, [process.argv[1]], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
console.log(JSON.stringify({ childPid: child.pid }));
child.stdout.pipe(process.stdout);
child.stderr.pipe(process.stderr);
`;

/**
 * Starts the entry under a parent process that can be killed, as `npm start` can: then both the IPC
 * channel and the reader of the entry's output are gone. Resolves once the entry logged its URL.
 */
export async function startEntryUnderParent(
  entry: string,
  env: Record<string, string>,
): Promise<{ parent: ChildProcess; pid: number; url: string; port: number }> {
  const parent = spawn(process.execPath, ['-e', PARENT, path.join(ROOT, entry)], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const pid = /"childPid":(\d+)/.exec(output);
      const url = /"url":"(http:\/\/localhost:(\d+)\/graphql)"/.exec(output);
      if (pid && url) resolve({ parent, pid: Number(pid[1]), url: url[1], port: Number(url[2]) });
    };
    parent.stdout!.on('data', onData);
    parent.stderr!.on('data', onData);
    parent.once('exit', (code) => reject(new Error(`the parent exited with ${code}:\n${output}`)));
  });
}

/** Whether the process no longer runs (gone, or a zombie nobody has reaped yet). */
export function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return /^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts a TCP connection on the port. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls until `condition` holds; fails with `what` if it never does within `limitMs` (a guard against hanging, not a timing claim). */
export async function until(what: string, condition: () => Promise<boolean>, limitMs = 20000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How many sessions of the database wait for a lock: a request is then in flight, blocked inside PostgreSQL. */
export async function sessionsWaitingForLock(client: Client, database: string): Promise<number> {
  // Inside a transaction PostgreSQL keeps showing the activity it saw first: ask for a fresh view.
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
    [database],
  );
  return rows[0].n;
}

/** A session of its own on the database, to hold locks the way another change would. */
export async function lockHolder(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The database name in a PostgreSQL URL. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}
