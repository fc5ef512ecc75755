import { createLogger, graphqlRequest, type GraphQLResponse, type RunningServer } from '@sangathan/common';
import { composeSupergraph, startGateway } from '@sangathan/gateway';
import { startMembershipTestService, type MembershipTestService } from '@sangathan/membership/test-support';
import type { Client } from 'pg';
import { databaseName, lockHolder, sessionsWaitingForLock, until } from './processes';

// Every connection of a running service carries lock_timeout and statement_timeout. A request stuck
// behind another session's lock gets TIMEOUT, with a message for people, while that lock is still
// held (it did not wait for it), and its write is rolled back.

const urlOf = (service: MembershipTestService) => (service.dataSource.options as { url: string }).url;

async function createOrganization(service: MembershipTestService, name: string): Promise<string> {
  const { createOrganization } = await service.data<{ createOrganization: { id: string } }>(
    `mutation ($name: String!) { createOrganization(input: { name: $name, shortName: "TO", country: "IN", unitLevels: [{ key: "state", label: "State", rank: 0 }] }) { id } }`,
    { name },
  );
  return createOrganization.id;
}

const RENAME = `mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "Renamed" }) { name version } }`;

/** Holds the organization's row locked, as another change in progress would. */
async function lockRow(service: MembershipTestService, id: string): Promise<Client> {
  const blocker = await lockHolder(urlOf(service));
  await blocker.query('BEGIN');
  await blocker.query('SELECT id FROM organization WHERE id = $1 FOR UPDATE', [id]);
  return blocker;
}

async function organizationRow(service: MembershipTestService, id: string) {
  const [row] = await service.dataSource.query('SELECT name, version FROM organization WHERE id = $1', [id]);
  return row as { name: string; version: number };
}

function expectTimeout(response: GraphQLResponse, reason: 'LOCKED' | 'TOO_SLOW', message: RegExp) {
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'TIMEOUT', reason } });
  // No driver text, SQL or setting names reach the client.
  expect(JSON.stringify(response)).not.toMatch(/canceling|statement timeout|lock timeout|\bSELECT\b|\bFROM\b|55P03|57014/i);
}

describe('a lock held past lock_timeout', () => {
  let service: MembershipTestService;
  let gateway: RunningServer;
  beforeAll(async () => {
    service = await startMembershipTestService('lock_timeout', { databaseLimits: { lockTimeoutMs: 300, statementTimeoutMs: 60000 } });
    gateway = await startGateway({
      supergraphSdl: await composeSupergraph(),
      subgraphUrls: { membership: service.url },
      port: 0,
      logger: createLogger('gateway', 'silent'),
      auth: {
        internalSecret: service.auth.internalSecret,
        jwksUrl: new URL('/.well-known/jwks.json', service.url).toString(),
        statusCacheMs: 0,
      },
    });
  });
  afterAll(async () => {
    await gateway.stop();
    await service.stop();
  });

  it('answers a write TIMEOUT through the gateway while the lock is still held, and changes nothing', async () => {
    const id = await createOrganization(service, 'Locked Party');
    const before = await organizationRow(service, id);
    const blocker = await lockRow(service, id);
    try {
      const response = await graphqlRequest(gateway.url, RENAME, { id }, { token: service.token });
      expectTimeout(response, 'LOCKED', /locked by another change/);
      expect(response.data).toBeNull();
      // Answered with the lock still held: the request did not wait for it.
      expect(await sessionsWaitingForLock(blocker, databaseName(urlOf(service)))).toBe(0);
      await blocker.query('ROLLBACK');
    } finally {
      await blocker.end();
    }
    expect(await organizationRow(service, id)).toEqual(before);
    // Once the other change is over, the same write goes through.
    expect((await service.data<{ updateOrganization: { name: string } }>(RENAME, { id })).updateOrganization.name).toBe('Renamed');
  });
});

describe('a statement running past statement_timeout', () => {
  let service: MembershipTestService;
  beforeAll(async () => {
    // No lock_timeout: the statement waits until statement_timeout cancels it.
    service = await startMembershipTestService('statement_timeout', { databaseLimits: { statementTimeoutMs: 300, lockTimeoutMs: 0 } });
  });
  afterAll(() => service.stop());

  it('answers a write TIMEOUT and changes nothing', async () => {
    const id = await createOrganization(service, 'Slow Party');
    const before = await organizationRow(service, id);
    const blocker = await lockRow(service, id);
    try {
      const response = await service.request(RENAME, { id });
      expectTimeout(response, 'TOO_SLOW', /took too long/);
      await blocker.query('ROLLBACK');
    } finally {
      await blocker.end();
    }
    expect(await organizationRow(service, id)).toEqual(before);
  });

  it('answers a read TIMEOUT', async () => {
    const blocker = await lockHolder(urlOf(service));
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE organization IN ACCESS EXCLUSIVE MODE');
      const response = await service.request('{ organizations { total } }');
      expectTimeout(response, 'TOO_SLOW', /took too long/);
      await blocker.query('ROLLBACK');
    } finally {
      await blocker.end();
    }
    expect((await service.data<{ organizations: { total: number } }>('{ organizations { total } }')).organizations.total).toBe(1);
  });
});

describe('the connection pool', () => {
  let service: MembershipTestService;
  beforeAll(async () => {
    service = await startMembershipTestService('pool_size', { databaseLimits: { poolSize: 2, lockTimeoutMs: 0, statementTimeoutMs: 0 } });
  });
  afterAll(() => service.stop());

  it('never opens more than DB_POOL_SIZE connections; requests beyond it wait their turn and are answered', async () => {
    const database = databaseName(urlOf(service));
    // Not a table the credential check reads (its plan locks account, account_session and organization),
    // so each request gets as far as its own query.
    const blocker = await lockHolder(urlOf(service));
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE position IN ACCESS EXCLUSIVE MODE');
      const answers = Promise.all(Array.from({ length: 5 }, () => service.request('{ positions { total } }')));
      await until('both pooled connections wait for the lock', async () => (await sessionsWaitingForLock(blocker, database)) === 2);
      const { rows } = await blocker.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'sangathan'",
        [database],
      );
      expect(rows[0].n).toBe(2);
      await blocker.query('COMMIT');
      expect(await answers).toEqual(Array.from({ length: 5 }, () => ({ data: { positions: { total: 0 } } })));
    } finally {
      await blocker.end();
    }
  });
});
