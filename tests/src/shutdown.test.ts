import { createTestDatabase, graphqlRequest, signServiceToken, testAuthKeys, type TestDatabase } from '@sangathan/common';
import { createMembershipDataSource } from '@sangathan/membership';
import { startMembershipTestService, type MembershipTestService } from '@sangathan/membership/test-support';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  databaseName,
  lockHolder,
  portAnswers,
  processGone,
  ROOT,
  sessionsWaitingForLock,
  startEntry,
  startEntryUnderParent,
  until,
  type StartedProcess,
} from './processes';

// Each process (the compiled entries, as `npm start` and a deployment run them) is started as its own
// process group leader and stopped with SIGTERM to that whole group, as systemd does. A request is
// held in flight by a lock this test's own session keeps: the process must stop accepting connections,
// let that request finish once the lock goes, and exit 0.

const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'sangathan-shutdown-'));
// The drain is what is tested here, not the lock timeout: a slow machine must not turn the wait into a TIMEOUT.
const PATIENT = { DB_LOCK_TIMEOUT_MS: '60000', DATA_DIR };
afterAll(() => fs.rmSync(DATA_DIR, { recursive: true, force: true }));

/**
 * With `blocker` holding a lock that `inFlight` waits for inside PostgreSQL (on `database`): SIGTERM to
 * the process group, new connections refused, then the lock released. Returns the in-flight answer.
 */
async function drainWhileBlocked<T>(
  started: StartedProcess,
  blocker: Client,
  database: string,
  inFlight: Promise<T>,
): Promise<{ answer: T; exitCode: number | null }> {
  let settled = false;
  inFlight.then(
    () => (settled = true),
    () => (settled = true),
  );
  await until('the request waits for the lock', async () => (await sessionsWaitingForLock(blocker, database)) > 0);
  started.signalGroup('SIGTERM');
  await until('the process stops accepting connections', async () => !(await portAnswers(started.port)));
  expect(settled).toBe(false); // still waiting for the lock: the drain, not the signal, ends it
  await blocker.query('COMMIT');
  const answer = await inFlight;
  return { answer, exitCode: await started.exited };
}

describe('graceful shutdown of membership', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  // Its own secret, as a deployment would configure; requests come with a service token.
  const INTERNAL_SECRET = randomBytes(32).toString('base64url');
  const asService = async () => ({ token: await signServiceToken(INTERNAL_SECRET, 'test') });
  beforeAll(async () => {
    database = await createTestDatabase('shutdown');
    dataSource = createMembershipDataSource(database.url);
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const start = () =>
    startEntry('services/membership/dist/index.js', { ...PATIENT, DATABASE_URL: database.url, MEMBERSHIP_PORT: '0', INTERNAL_SECRET });
  const createOrganization = async (url: string) =>
    (
      await graphqlRequest<{ createOrganization: { id: string } }>(
        url,
        `mutation { createOrganization(input: { name: "Shutdown Test", shortName: "ST", country: "IN", unitLevels: [{ key: "state", label: "State", rank: 0 }] }) { id } }`,
        undefined,
        await asService(),
      )
    ).data!.createOrganization.id;

  it('runs its migrations at start, and on SIGTERM to its group lets a write held by a row lock finish, then exits 0', async () => {
    const service = await start();
    const id = await createOrganization(service.url);
    const blocker = await lockHolder(database.url);
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT id FROM organization WHERE id = $1 FOR UPDATE', [id]);
      const inFlight = graphqlRequest<{ updateOrganization: { name: string } }>(
        service.url,
        `mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "Renamed" }) { name } }`,
        { id },
        await asService(),
      );
      const { answer, exitCode } = await drainWhileBlocked(service, blocker, databaseName(database.url), inFlight);
      expect(answer).toEqual({ data: { updateOrganization: { name: 'Renamed' } } });
      expect(exitCode).toBe(0);
    } finally {
      await blocker.end();
    }
    expect(service.output()).toContain('shutting down');
    expect(service.output()).not.toContain('already shutting down');
    const [row] = await dataSource.query('SELECT name FROM organization WHERE id = $1', [id]);
    expect(row.name).toBe('Renamed');
  });

  it('stops the same way when the parent that started it dies (its IPC channel and its output reader are gone)', async () => {
    const service = await startEntryUnderParent('services/membership/dist/index.js', {
      ...PATIENT,
      DATABASE_URL: database.url,
      MEMBERSHIP_PORT: '0',
      INTERNAL_SECRET,
    });
    try {
      const id = await createOrganization(service.url);
      const blocker = await lockHolder(database.url);
      try {
        await blocker.query('BEGIN');
        await blocker.query('SELECT id FROM organization WHERE id = $1 FOR UPDATE', [id]);
        const inFlight = graphqlRequest<{ updateOrganization: { name: string } }>(
          service.url,
          `mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "Orphan-free" }) { name } }`,
          { id },
          await asService(),
        );
        await until('the request waits for the lock', async () => (await sessionsWaitingForLock(blocker, databaseName(database.url))) > 0);
        service.parent.kill('SIGKILL');
        await until('the process stops accepting connections', async () => !(await portAnswers(service.port)));
        await blocker.query('COMMIT');
        expect(await inFlight).toEqual({ data: { updateOrganization: { name: 'Orphan-free' } } });
      } finally {
        await blocker.end();
      }
      await until('the process has exited', async () => processGone(service.pid));
    } finally {
      if (!processGone(service.pid)) process.kill(service.pid, 'SIGKILL');
    }
  });

  it('logging cannot keep a process alive once the reader of its output is gone', async () => {
    // Two lines and an exit in the same tick, as a stop does: an asynchronous pino stream would
    // retry its final flush forever on EPIPE.
    const logger = JSON.stringify(path.join(ROOT, 'services/common/dist/logger.js'));
    const script = `const log = require(${logger}).createLogger('test'); log.info('shutting down');
      setTimeout(() => { log.info('one'); log.info('stopped'); process.exit(0); }, 300);`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout!.once('data', () => child.stdout!.destroy());
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await until('the process has exited', async () => child.exitCode !== null, 10000);
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('fails fast with a message naming a bad variable', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'services/membership/dist/index.js')], {
      env: { ...process.env, MEMBERSHIP_PORT: 'abc' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
    expect(output).toContain('MEMBERSHIP_PORT must be a port number');
  });
});

describe('graceful shutdown of the services that follow membership, and of the gateway', () => {
  // A real membership service in this process: itcell and training ask it, the gateway routes to it.
  let membership: MembershipTestService;
  let shared: Record<string, string>;
  beforeAll(async () => {
    membership = await startMembershipTestService('shutdown_members');
    shared = {
      ...PATIENT,
      INTERNAL_SECRET: (await testAuthKeys()).internalSecret,
      MEMBERSHIP_URL: membership.url,
      AUTH_JWKS_URL: new URL('/.well-known/jwks.json', membership.url).toString(),
      UNIT_SYNC_INTERVAL_MS: '3600000',
    };
  });
  afterAll(() => membership.stop());

  const asGateway = () => ({ token: membership.token, gatewaySecret: shared.INTERNAL_SECRET });

  /** Starts a service on a fresh database, holds `table` locked, asks `query` (which reads it), and drains. */
  async function drainFollowingService(name: 'itcell' | 'training', table: string, query: string) {
    const database = await createTestDatabase(`shutdown_${name}`);
    try {
      const service = await startEntry(`services/${name}/dist/index.js`, {
        ...shared,
        DATABASE_URL: database.url,
        [`${name.toUpperCase()}_PORT`]: '0',
      });
      const blocker = await lockHolder(database.url);
      try {
        await blocker.query('BEGIN');
        await blocker.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
        const inFlight = graphqlRequest(service.url, query, undefined, asGateway());
        const result = await drainWhileBlocked(service, blocker, databaseName(database.url), inFlight);
        expect(service.output()).not.toContain('already shutting down');
        return result;
      } finally {
        await blocker.end();
      }
    } finally {
      await database.drop();
    }
  }

  it('itcell: a read held by a table lock finishes after SIGTERM to its group; exit 0', async () => {
    const { answer, exitCode } = await drainFollowingService('itcell', 'social_team', '{ socialTeams { total } }');
    expect(answer).toEqual({ data: { socialTeams: { total: 0 } } });
    expect(exitCode).toBe(0);
  });

  it('training: a read held by a table lock finishes after SIGTERM to its group; exit 0', async () => {
    const { answer, exitCode } = await drainFollowingService('training', 'training_campaign', '{ trainingCampaigns { total } }');
    expect(answer).toEqual({ data: { trainingCampaigns: { total: 0 } } });
    expect(exitCode).toBe(0);
  });

  it('gateway: a query waiting on a subgraph finishes after SIGTERM to its group; exit 0', async () => {
    const gateway = await startEntry('gateway/dist/main.js', {
      ...shared,
      GATEWAY_PORT: '0',
      // Not asked by this query; nothing listens there.
      ITCELL_URL: 'http://127.0.0.1:9/graphql',
      TRAINING_URL: 'http://127.0.0.1:9/graphql',
    });
    const url = (membership.dataSource.options as { url: string }).url;
    const blocker = await lockHolder(url);
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE organization IN ACCESS EXCLUSIVE MODE');
      const inFlight = graphqlRequest(gateway.url, '{ organizations { total } }', undefined, { token: membership.token });
      const { answer, exitCode } = await drainWhileBlocked(gateway, blocker, databaseName(url), inFlight);
      expect(answer).toEqual({ data: { organizations: { total: 0 } } });
      expect(exitCode).toBe(0);
    } finally {
      await blocker.end();
    }
    expect(gateway.output()).toContain('shutting down');
    expect(gateway.output()).not.toContain('already shutting down');
  });
});
