import {
  ADVISORY_LOCKS,
  createTestDatabase,
  graphqlData,
  testAuthKeys,
  TEST_SERVER_ENV,
  withDatabase,
  type TestDatabase,
} from '@sangathan/common';
import { MIGRATIONS as ITCELL_MIGRATIONS } from '@sangathan/itcell';
import { MIGRATIONS as MEMBERSHIP_MIGRATIONS } from '@sangathan/membership';
import { createPartyFixture, startMembershipTestService, type MembershipTestService } from '@sangathan/membership/test-support';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

// Two replicas of a service (the compiled entries, `npm test` builds first) on one database, started
// at the same moment: migrations run once, membership's unit changes are applied once, and when the
// replica applying them is killed mid-way the other takes over.
const ROOT = path.resolve(__dirname, '..', '..');
const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'sangathan-replicas-'));

interface Replica {
  name: string;
  child: ChildProcess;
  /** Resolves with the GraphQL URL once the service says it is ready; rejects if it exits first. */
  ready: Promise<string>;
  exited: Promise<number | null>;
  /** Every JSON log line so far. */
  logs(): Record<string, unknown>[];
  output(): string;
}

const running: Replica[] = [];

/** Starts a compiled service entry; its database connections carry `name` as application_name. */
function startReplica(entry: string, name: string, databaseUrl: string, env: Record<string, string>): Replica {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', name);
  const child = spawn(process.execPath, [path.join(ROOT, entry)], {
    env: { ...process.env, ...env, DATABASE_URL: url.toString(), DATA_DIR, LOG_LEVEL: 'debug' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logs = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const ready = new Promise<string>((resolve, reject) => {
    const check = () => {
      const line = logs().find((log) => typeof log.url === 'string' && String(log.msg).endsWith('subgraph ready'));
      if (line) resolve(String(line.url));
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${output}`)));
  });
  const replica = { name, child, ready, exited, logs, output: () => output };
  running.push(replica);
  return replica;
}

/** Polls until `probe` answers something other than undefined (jest's timeout bounds the wait). */
async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const messages = (replica: Replica, message: string) => replica.logs().filter((log) => log.msg === message);
const appliedBy = (replica: Replica) => messages(replica, 'unit changes applied').reduce((sum, log) => sum + Number(log.applied), 0);
/** The follower's log lines (applied, nothing pending, or another replica busy), in order. */
const followerLogs = (replica: Replica) =>
  replica
    .logs()
    .filter((log) =>
      ['unit changes applied', 'no unit changes pending', 'another replica is applying unit changes'].includes(String(log.msg)),
    );

afterAll(async () => {
  for (const replica of running) if (replica.child.exitCode === null && replica.child.signalCode === null) replica.child.kill('SIGKILL');
  await Promise.all(running.map((replica) => replica.exited));
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
});

describe('two itcell replicas on one database', () => {
  let membership: MembershipTestService;
  let database: TestDatabase;
  let db: Client;
  let replicas: Replica[];
  let urls: string[];
  const byName = (name: string) => replicas.find((replica) => replica.name === name)!;

  beforeAll(async () => {
    membership = await startMembershipTestService('replicas_membership');
    database = await createTestDatabase('replicas_itcell');
    const { internalSecret } = await testAuthKeys();
    const env = {
      ITCELL_PORT: '0',
      MEMBERSHIP_URL: membership.url,
      AUTH_JWKS_URL: new URL('/.well-known/jwks.json', membership.url).toString(),
      INTERNAL_SECRET: internalSecret,
      UNIT_SYNC_INTERVAL_MS: '100',
    };
    // Both at once, on an empty database.
    replicas = ['itcell-a', 'itcell-b'].map((name) => startReplica('services/itcell/dist/index.js', name, database.url, env));
    urls = await Promise.all(replicas.map((replica) => replica.ready));
    db = new Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    for (const replica of replicas ?? [])
      if (replica.child.exitCode === null && replica.child.signalCode === null) replica.child.kill('SIGTERM');
    await Promise.all((replicas ?? []).map((replica) => replica.exited));
    await database?.drop();
    await membership?.stop();
  });

  const request = async <T>(url: string, query: string, variables?: Record<string, unknown>) =>
    graphqlData<T>(url, query, variables, { token: membership.token, gatewaySecret: (await testAuthKeys()).internalSecret });
  const teamsWithin = async (url: string, unitId: string) =>
    (
      await request<{ socialTeams: { items: { id: string }[] } }>(
        url,
        `query ($u: ID!) { socialTeams(filter: { withinUnit: $u }) { items { id } } }`,
        { u: unitId },
      )
    ).socialTeams.items.map((team) => team.id);
  const move = (unitId: string, parentId: string) =>
    membership.data(`mutation ($id: ID!, $p: ID!) { updateOrgUnit(id: $id, input: { parentId: $p }) { id } }`, { id: unitId, p: parentId });
  const lastSeq = async () => Number((await membership.dataSource.query('SELECT max(seq) AS seq FROM unit_change'))[0].seq);
  const cursor = async () => Number((await db.query('SELECT last_seq FROM unit_change_cursor')).rows[0].last_seq);
  /** The backends of the itcell replicas waiting for a lock (a follower inside its sync, at the table the test holds). */
  const blockedReplicas = async () =>
    (
      await db.query(
        `SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND application_name LIKE 'itcell-%'`,
      )
    ).rows.map((row) => row.application_name as string);
  const blockedReplica = () => waitFor(async () => (await blockedReplicas())[0]);
  const connectionsOf = async (name: string) =>
    Number((await db.query('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [name])).rows[0].n);
  /** Holds social_team against writes (reads go on) until the returned function is called. */
  const holdTeams = async () => {
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    blocker.on('error', () => undefined); // ended by the database's drop if a test fails while holding it
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE social_team IN SHARE MODE');
    return async () => {
      await blocker.query('COMMIT');
      await blocker.end();
    };
  };

  it('both came up on the empty database, which got each migration once, run by one of them', async () => {
    expect(replicas.map((replica) => replica.child.exitCode)).toEqual([null, null]);
    const { rows } = await db.query('SELECT name FROM migrations ORDER BY name');
    expect(rows.map((row) => row.name)).toEqual(ITCELL_MIGRATIONS.map((migration) => migration.name).sort());
    expect(replicas.map((replica) => messages(replica, 'migrations applied').length).sort()).toEqual([0, 1]);
    expect(replicas.map((replica) => replica.output())).toEqual([
      expect.not.stringMatching(/"level":[56]0/),
      expect.not.stringMatching(/"level":[56]0/),
    ]);
  });

  let tree: Awaited<ReturnType<typeof createPartyFixture>>;
  let team: string;

  it('applies a unit move once: the replica that has the lock applies it, the other skips while it does', async () => {
    tree = await createPartyFixture(membership, 'R');
    team = (
      await request<{ createSocialTeam: { id: string } }>(
        urls[0],
        `mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }`,
        {
          input: { unitId: tree.booths[0], name: 'बूथ टीम', formedOn: '2024-01-01' },
        },
      )
    ).createSocialTeam.id;

    const release = await holdTeams();
    await move(tree.mandals[0], tree.districts[3]);
    const holder = byName(await blockedReplica());
    const other = replicas.find((replica) => replica !== holder)!;
    // While the holder waits inside its sync, the other polls and finds the lock taken (without the
    // lock it would be inside the same sync, waiting at the same table).
    const skippedBefore = messages(other, 'another replica is applying unit changes').length;
    const seen = await waitFor(async () => {
      if (messages(other, 'another replica is applying unit changes').length > skippedBefore) return 'skipped';
      return (await blockedReplicas()).includes(other.name) ? 'also applying' : undefined;
    });
    expect(seen).toBe('skipped');
    const otherLogsAtRelease = followerLogs(other).length;
    await release();

    await waitFor(() => (appliedBy(holder) === 1 ? true : undefined));
    // The other's next poll after the release: it finds nothing pending (it would apply the move again if it had read the old cursor).
    const next = await waitFor(() => followerLogs(other)[otherLogsAtRelease]);
    expect(next.msg).not.toBe('unit changes applied');
    expect(replicas.map(appliedBy).reduce((a, b) => a + b)).toBe(1);
    expect(await cursor()).toBe(await lastSeq());
    const { rows } = await db.query('SELECT unit_path FROM social_team WHERE id = $1', [team]);
    expect(rows[0].unit_path).toEqual([tree.state, tree.regions[1], tree.districts[3], tree.mandals[0], tree.booths[0]]);
    for (const url of urls) {
      expect(await teamsWithin(url, tree.regions[1])).toEqual([team]);
      expect(await teamsWithin(url, tree.regions[0])).toEqual([]);
    }
  });

  it('when the replica applying a move is killed mid-way, the other takes over and applies it once', async () => {
    const appliedBefore = replicas.map(appliedBy);
    const release = await holdTeams();
    await move(tree.mandals[0], tree.districts[0]);
    const holder = byName(await blockedReplica());
    const other = replicas.find((replica) => replica !== holder)!;
    holder.child.kill('SIGKILL');
    await holder.exited;
    // The server notices the killed replica's connection although its statement still waits: its
    // transaction is rolled back and its lock released. The other's next poll takes the lock and reaches
    // the same table, still held by the test.
    await waitFor(async () => ((await connectionsOf(holder.name)) === 0 ? true : undefined));
    await waitFor(async () => ((await blockedReplicas()).includes(other.name) ? true : undefined));
    expect(await cursor()).toBe((await lastSeq()) - 1);
    await release();

    await waitFor(() => (appliedBy(other) > appliedBefore[replicas.indexOf(other)] ? true : undefined));
    expect(appliedBy(other) - appliedBefore[replicas.indexOf(other)]).toBe(1);
    expect(appliedBy(holder)).toBe(appliedBefore[replicas.indexOf(holder)]);
    expect(await cursor()).toBe(await lastSeq());
    const { rows } = await db.query('SELECT unit_path FROM social_team WHERE id = $1', [team]);
    expect(rows[0].unit_path).toEqual([tree.state, tree.regions[0], tree.districts[0], tree.mandals[0], tree.booths[0]]);
    const url = urls[replicas.indexOf(other)];
    expect(await teamsWithin(url, tree.regions[0])).toEqual([team]);
    expect(await teamsWithin(url, tree.regions[1])).toEqual([]);
  });

  it('membership runs moves one at a time: a move waits while another holds the unit tree lock, a rename does not', async () => {
    const holder = new Client({ connectionString: (membership.dataSource.options as { url: string }).url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.unitTree]);
    const seqBefore = await lastSeq();
    const moved = move(tree.mandals[1], tree.districts[2]);
    await waitFor(async () => {
      const { rows } = await holder.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory' AND pid <> pg_backend_pid()`,
      );
      return rows.length ? true : undefined;
    });
    await membership.data(`mutation ($id: ID!) { updateOrgUnit(id: $id, input: { name: "नया नाम" }) { id } }`, { id: tree.mandals[2] });
    expect(await lastSeq()).toBe(seqBefore);
    await holder.query('COMMIT');
    await holder.end();
    await moved;
    expect(await lastSeq()).toBe(seqBefore + 1);
  });
});

describe('two membership replicas starting together on a database that does not exist yet', () => {
  const name = `test_replicas_new_${randomBytes(4).toString('hex')}`;
  const serverUrl = () => process.env[TEST_SERVER_ENV]!;

  afterAll(async () => {
    const admin = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('both come up; one creates and migrates the database, each migration is recorded once', async () => {
    const { internalSecret, signing } = await testAuthKeys();
    const env = { MEMBERSHIP_PORT: '0', INTERNAL_SECRET: internalSecret, AUTH_SIGNING_KEY: JSON.stringify(signing.signingKey) };
    const pair = ['membership-a', 'membership-b'].map((replica) =>
      startReplica('services/membership/dist/index.js', replica, withDatabase(serverUrl(), name), env),
    );
    const urls = await Promise.all(pair.map((replica) => replica.ready));
    expect(pair.map((replica) => messages(replica, 'migrations applied').length).sort()).toEqual([0, 1]);
    const db = new Client({ connectionString: withDatabase(serverUrl(), name) });
    await db.connect();
    const { rows } = await db.query('SELECT name, count(*)::int AS times FROM migrations GROUP BY name ORDER BY name');
    await db.end();
    expect(rows).toEqual(
      MEMBERSHIP_MIGRATIONS.map((migration) => migration.name)
        .sort()
        .map((migration) => ({ name: migration, times: 1 })),
    );
    // Both answer (the JWKS each serves is the one key they share).
    for (const url of urls) {
      const response = await fetch(new URL('/.well-known/jwks.json', url));
      expect(response.status).toBe(200);
    }
    for (const replica of pair) replica.child.kill('SIGTERM');
    expect(await Promise.all(pair.map((replica) => replica.exited))).toEqual([0, 0]);
  });
});

it('README names every advisory lock id the services take', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Running replicas'));
  for (const [use, key] of Object.entries(ADVISORY_LOCKS)) {
    expect({ use, documented: section.includes(`\`${key}\``) }).toEqual({ use, documented: true });
  }
});
