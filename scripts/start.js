#!/usr/bin/env node
// `npm start`: embedded PostgreSQL (unless DATABASE_URL), migrations and demo data, every subgraph
// service and the gateway, in one log stream with service prefixes. Ctrl-C stops everything cleanly.
// `npm run dev` (--watch) also recompiles on change and restarts what changed.
//
// Stopping: the services and the gateway run in their own process groups, so a signal to this one's
// group (a terminal's Ctrl-C, systemd, `kill -TERM -<pgid>`) reaches only this process, which sends
// each of them exactly one SIGTERM: the gateway first, then itcell and training, then membership,
// each finishing its in-flight requests, and PostgreSQL last. They also stop by themselves when
// this process dies (their IPC channel closes), so none is left behind.
require('reflect-metadata');
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { SERVICES, resolveServer, prepareDatabases, migrateAndSeed, common } = require('./services');

const ROOT = path.resolve(__dirname, '..');
const WATCH = process.argv.includes('--watch');
const LEVEL_NAMES = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const started = Date.now();
const children = new Map();
let stopping = false;
/** After this, a child that has not finished its drain is killed (its own limit is SHUTDOWN_TIMEOUT_MS + 5 s). */
let killAfterMs = 20000;
/** Who stops in which order: first what takes client requests, membership (which the others ask) last. */
const STOP_ORDER = [['gateway', 'admin', 'tsc'], ['itcell', 'training'], ['membership']];

function print(prefix, message) {
  process.stdout.write(`${prefix.padEnd(10)} | ${message}\n`);
}

/** Pino JSON lines become "level message key=value"; anything else is passed through. */
function formatLine(line) {
  try {
    const { level, msg, time: _time, pid: _pid, hostname: _host, service: _service, name: _name, ...rest } = JSON.parse(line);
    const fields = Object.entries(rest).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
    return [LEVEL_NAMES[level] ?? level, msg, ...fields].join(' ');
  } catch {
    return line;
  }
}

/**
 * `ownGroup`: a service or the gateway, in its own process group with an IPC channel (see the top).
 * Tools (tsc, vite) stay in this group: a Ctrl-C reaches them directly, and they have nothing to drain.
 */
function run(name, args, env, cwd = ROOT, ownGroup = true) {
  if (stopping) return undefined;
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: ownGroup,
    stdio: ['ignore', 'pipe', 'pipe', ...(ownGroup ? ['ipc'] : [])],
  });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => print(name, formatLine(line)));
  }
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      print('start', `${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything`);
      shutdown(1);
    }
  });
  children.set(name, child);
  return child;
}

async function waitUntilReady(name, url, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} was not ready after ${timeoutMs / 1000}s (${url})`);
}

let server;
/** One SIGTERM, then wait for the exit (SIGKILL if it takes longer than killAfterMs). */
function stopChild(name) {
  const child = children.get(name);
  if (!child) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => {
      print('start', `${name} did not stop in time; killing it`);
      child.kill('SIGKILL');
    }, killAfterMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

let forced = false;
/** Stops the processes in STOP_ORDER, each stage after the one before has exited, then PostgreSQL. */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  print('start', 'stopping…');
  for (const stage of STOP_ORDER) await Promise.all(stage.map(stopChild));
  await Promise.all([...children.keys()].map(stopChild));
  if (server) {
    await server.stop().catch(() => undefined);
    if (server.embedded) print('postgres', 'stopped');
  }
  print('start', 'stopped');
  process.exit(forced ? 1 : code);
}

let firstSignalAt = 0;
let repeats = 0;
/** npm forwards the signals it gets to this process: under `npm start` a signal to the whole group arrives twice. */
const UNDER_NPM = ['start', 'dev'].includes(process.env.npm_lifecycle_event);
/**
 * The first signal stops everything in order. The same signal often arrives twice (a terminal's
 * Ctrl-C or systemd signals the whole group, and npm forwards it again, maybe late on a busy
 * machine): a repeat within a second, and under npm the first repeat, is that same stop. A later one
 * (a second Ctrl-C) is deliberate: the remaining processes are killed at once, then PostgreSQL is stopped.
 */
function onSignal(signal) {
  if (!stopping) {
    firstSignalAt = Date.now();
    shutdown(0);
    return;
  }
  repeats += 1;
  if (forced || Date.now() - firstSignalAt < 1000 || (UNDER_NPM && repeats === 1)) return;
  print('start', `${signal} again: killing what is still running`);
  forced = true;
  for (const child of children.values()) child.kill('SIGKILL');
}

/** How far an address reaches, for the banner. */
function reach(host, variable) {
  if (!host || host === '0.0.0.0' || host === '::') return `every interface; ${variable} to change`;
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') return `this machine only; ${variable} to change`;
  return `on ${host}; ${variable}`;
}

/** A URL host for a listen address (all interfaces: reached here as localhost). */
function urlHost(host) {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Who can sign in: the superadmin (a generated password is shown this once) and the demo accounts. */
function printSignIn(accounts) {
  const { superadmin, demoAccounts, demoPassword } = accounts;
  print('start', 'Sign in');
  if (superadmin.generatedPassword) {
    print('start', `  superadmin        ${superadmin.email}  password ${superadmin.generatedPassword}`);
    print('start', '                    (generated now and shown only this once: note it, or set ADMIN_EMAIL and ADMIN_PASSWORD)');
  } else {
    const from = process.env.ADMIN_PASSWORD ? 'the password in ADMIN_PASSWORD' : 'the password shown when it was created';
    print('start', `  superadmin        ${superadmin.email}  (${from})`);
  }
  if (accounts.demoAccounts.length) {
    print('start', `  demo accounts     password ${demoPassword}`);
    for (const demo of demoAccounts) print('start', `    ${demo.email.padEnd(28)} ${demo.role}`);
  }
}

async function main() {
  const env = new common.EnvReader(process.env);
  const logLevel = env.oneOf('LOG_LEVEL', common.LOG_LEVELS, 'info');
  killAfterMs = common.readShutdownTimeout(env) + 10000;
  const gatewayPort = env.port('GATEWAY_PORT', 4000);
  // Subgraphs answer the gateway and each other only: this machine unless told (the gateway keeps every interface).
  const subgraphHost = env.string('LISTEN_HOST', '127.0.0.1');
  const gatewayHost = env.optionalString('GATEWAY_HOST');
  const ports = Object.fromEntries(SERVICES.map((service) => [service.name, env.port(service.portVariable, service.defaultPort)]));

  server = await resolveServer(process.env);
  print(
    'postgres',
    server.embedded
      ? `embedded PostgreSQL on 127.0.0.1:${server.port} (this machine only), data in ${path.relative(ROOT, server.dataDir)}`
      : server.serverUrl
        ? 'using DATABASE_URL'
        : 'using each service’s own database URL',
  );
  const seedLog = (message) => print('seed', message);
  const databases = await prepareDatabases(server.serverUrl, seedLog);
  const accounts = await migrateAndSeed(databases, seedLog);
  if (stopping) return;

  if (WATCH) run('tsc', [require.resolve('typescript/bin/tsc'), '-b', '--watch', '--preserveWatchOutput'], {}, ROOT, false);
  const watchFlag = WATCH ? ['--watch'] : [];
  // Every process learns where every subgraph answers (the gateway routes to them, itcell asks membership).
  const subgraphUrls = Object.fromEntries(
    SERVICES.map((service) => [service.urlVariable, `http://${urlHost(subgraphHost)}:${ports[service.name]}/graphql`]),
  );
  // Local work: introspection and "did you mean" suggestions on (for GraphQL tools), unless set otherwise.
  const introspection = { GRAPHQL_INTROSPECTION: process.env.GRAPHQL_INTROSPECTION || 'true' };
  for (const service of SERVICES) {
    const port = ports[service.name];
    run(service.name, [...watchFlag, service.entry], {
      ...subgraphUrls,
      // Its own role and database: it cannot reach the other services' databases.
      DATABASE_URL: databases[service.name],
      [service.portVariable]: String(port),
      LISTEN_HOST: subgraphHost,
      LOG_LEVEL: logLevel,
      ...introspection,
    });
  }
  await Promise.all(
    SERVICES.map((service) => waitUntilReady(service.name, `http://${urlHost(subgraphHost)}:${ports[service.name]}/ready`)),
  );
  if (stopping) return;
  run('gateway', [...watchFlag, 'gateway/dist/main.js'], {
    GATEWAY_PORT: String(gatewayPort),
    LOG_LEVEL: logLevel,
    ...subgraphUrls,
    ...introspection,
  });
  await waitUntilReady('gateway', `http://${urlHost(gatewayHost)}:${gatewayPort}/ready`);
  if (stopping) return;
  const adminDevPort = env.port('ADMIN_DEV_PORT', 5173);
  if (WATCH) {
    // Vite's dev server: the console with hot reload, proxying /graphql to the gateway.
    run(
      'admin',
      [require.resolve('vite/bin/vite.js'), '--clearScreen', 'false', '--strictPort'],
      {
        GATEWAY_PORT: String(gatewayPort),
        ADMIN_DEV_PORT: String(adminDevPort),
      },
      path.join(ROOT, 'admin'),
      false,
    );
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  print('start', `Sangathan is up in ${seconds}s`);
  print('start', `  admin console     http://localhost:${gatewayPort}/admin/`);
  if (WATCH)
    print('start', `  console, hot      http://localhost:${adminDevPort}/admin/  (Vite dev server; edits in admin/src show at once)`);
  print('start', `  API playground    http://localhost:${gatewayPort}/playground`);
  print('start', `  GraphQL gateway   http://localhost:${gatewayPort}/graphql  (${reach(gatewayHost, 'GATEWAY_HOST')})`);
  print('start', `  health / ready    http://localhost:${gatewayPort}/health  http://localhost:${gatewayPort}/ready`);
  for (const service of SERVICES) {
    const url = `http://${urlHost(subgraphHost)}:${ports[service.name]}/graphql`;
    print(
      'start',
      `  ${service.name.padEnd(17)} ${url}  (${reach(subgraphHost, 'LISTEN_HOST')}; database role ${decodeURIComponent(new URL(databases[service.name]).username)})`,
    );
  }
  printSignIn(accounts);
  print('start', 'Press Ctrl-C to stop.');
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => onSignal(signal));
// A closed terminal must not crash the stop with EPIPE.
process.stdout.on('error', () => undefined);
main().catch((error) => {
  print('start', `failed: ${error.message}`);
  shutdown(1);
});
