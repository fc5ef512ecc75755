import { pruneAuditLog } from '@sangathan/common';
import { startMembershipTestService, type MembershipTestService } from './test-support';

let service: MembershipTestService;
beforeAll(async () => {
  service = await startMembershipTestService('audit-retention');
});
afterAll(() => service.stop());

/** `count` entries of `ageDays` ago, written straight into the table (inserting is not guarded). */
async function addEntries(count: number, ageDays: number, job: string): Promise<void> {
  await service.dataSource.query(
    `INSERT INTO audit_entry (at, actor_kind, job, record_type, record_id, action, changes)
     SELECT now() - make_interval(days => $2), 'system', $3, 'Member', gen_random_uuid(), 'UPDATE', '[]'::jsonb
       FROM generate_series(1, $1)`,
    [count, ageDays, job],
  );
}

const countOf = async (job: string) =>
  (await service.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE job = $1`, [job]))[0].n as number;

describe('pruneAuditLog', () => {
  it('removes every entry older than the retention, batch after batch, and says how many', async () => {
    // More than two batches of 10,000, so the loop must go on after a full batch.
    await addEntries(23_456, 400, 'old');
    await addEntries(7, 100, 'recent');
    await expect(pruneAuditLog(service.dataSource, 365)).resolves.toBe(23_456);
    expect(await countOf('old')).toBe(0);
    expect(await countOf('recent')).toBe(7);
    await expect(pruneAuditLog(service.dataSource, 365)).resolves.toBe(0);
  });

  it('keeps everything with a retention of 0 days, and entries cannot be removed any other way', async () => {
    await addEntries(3, 4000, 'ancient');
    await expect(pruneAuditLog(service.dataSource, 0)).resolves.toBe(0);
    await expect(service.dataSource.query(`DELETE FROM audit_entry WHERE job = 'ancient'`)).rejects.toThrow(
      'audit entries cannot be changed or removed',
    );
    expect(await countOf('ancient')).toBe(3);
  });
});
