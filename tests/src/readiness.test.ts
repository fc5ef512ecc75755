import { startItcellTestService, type ItcellTestService } from '@sangathan/itcell/test-support';
import { startMembershipTestService, type MembershipTestService } from '@sangathan/membership/test-support';
import { startTrainingTestService, type TrainingTestService } from '@sangathan/training/test-support';
import { Client } from 'pg';
import { databaseName } from './processes';

// /ready answers fixed words per check (up/down), 503 when any is down, and never the reason (a
// driver message, a host, a database name): that goes to the log.

const readyOf = async (service: { url: string }) => {
  const response = await fetch(new URL('/ready', service.url));
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as unknown };
};

/** Text a readiness answer must never contain. */
const RAW = /ECONNREFUSED|127\.0\.0\.1|localhost|test_|accepting|terminat|error|fetch failed|postgres/i;

describe('/ready of the services', () => {
  let membership: MembershipTestService;
  let itcell: ItcellTestService;
  let training: TrainingTestService;
  let membershipStopped = false;
  beforeAll(async () => {
    membership = await startMembershipTestService('ready_members');
    itcell = await startItcellTestService('ready_itcell', membership);
    training = await startTrainingTestService('ready_training', membership);
  });
  afterAll(async () => {
    await training.stop();
    await itcell.stop();
    if (!membershipStopped) await membership.stop();
  });

  it('says ready with every check up, naming membership where the service depends on it', async () => {
    expect(await readyOf(membership)).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: 'up' } } });
    for (const service of [itcell, training])
      expect(await readyOf(service)).toMatchObject({
        status: 200,
        body: { status: 'ready', checks: { database: 'up', membership: 'up' } },
      });
  });

  it('is not ready while its database refuses connections, in fixed words, and ready again after', async () => {
    const database = databaseName((membership.dataSource.options as { url: string }).url);
    const admin = new Client({ connectionString: (membership.dataSource.options as { url: string }).url.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
      const down = await readyOf(membership);
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ status: 'not ready', checks: { database: 'down' } });
      expect(down.text).not.toMatch(RAW);
    } finally {
      await admin.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    expect(await readyOf(membership)).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: 'up' } } });
  });

  it('itcell and training are not ready while membership does not answer, and say which check is down', async () => {
    await membership.stop();
    membershipStopped = true;
    for (const service of [itcell, training]) {
      const answer = await readyOf(service);
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ status: 'not ready', checks: { database: 'up', membership: 'down' } });
      expect(answer.text).not.toMatch(RAW);
    }
  });
});
