import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { createLogger } from '../logger';
import { runAsSystem, runWithRequestId, setRequestActor } from '../request-context';
import { createTestDatabase, type TestDatabase } from '../testing';
import { AuditEntry } from './audit-entry.entity';
import { auditTable, createAuditLog } from './audit-schema';
import { setAuditAction } from './audit-subscriber';
import { pruneAuditLog, startAuditRetention } from './retention';

// The audit log's database side on a table of its own: what the triggers write (actions, changes,
// masks, bulk, the writer), what they refuse (a change without an actor, any change to an entry), and
// retention. The services' tests show the same over their real tables and API.

let database: TestDatabase;
let dataSource: DataSource;

const ORG = '11111111-1111-4111-8111-111111111111';
const STATE = '22222222-2222-4222-8222-222222222222';
const DISTRICT_A = '33333333-3333-4333-8333-333333333333';
const DISTRICT_B = '44444444-4444-4444-8444-444444444444';

beforeAll(async () => {
  database = await createTestDatabase('audit_log');
  dataSource = createDataSource({ url: database.url, entities: [AuditEntry], migrations: [] });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(`CREATE TABLE thing (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid,
      unit_id uuid,
      unit_path uuid[],
      full_name text,
      phone text,
      email text,
      date_of_birth date,
      secret_hash text,
      search_key text,
      score int,
      tags text[] NOT NULL DEFAULT '{}',
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz)`);
    await createAuditLog(runner);
    await auditTable(runner, {
      table: 'thing',
      recordType: 'Thing',
      masked: { phone: 'phone', email: 'email', date_of_birth: 'date', secret_hash: 'secret' },
      ignored: ['search_key'],
      moveColumns: ['unit_id'],
      organization: 'r.organization_id',
      unitPath: 'r.unit_path',
    });
  } finally {
    await runner.release();
  }
});
afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

type Row = {
  id: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  job: string | null;
  request_id: string | null;
  operation: string | null;
  record_type: string;
  record_id: string;
  action: string;
  bulk: boolean;
  changes: { field: string; old: unknown; new: unknown }[];
  organization_id: string | null;
  unit_path: string[] | null;
};

const entriesOf = (recordIds: string[]): Promise<Row[]> =>
  dataSource.query(
    `SELECT id, actor_kind, actor_id, actor_name, job, request_id, operation, record_type, record_id, action, bulk, changes,
       organization_id, unit_path FROM audit_entry WHERE record_id = ANY($1) ORDER BY xmin::text::bigint, record_id`,
    [recordIds],
  );
const entryCount = async () => Number((await dataSource.query('SELECT count(*) AS n FROM audit_entry'))[0].n);

/** Runs SQL as the system job "test" in one transaction (the way the seed and the unit-copy follower write). */
const asSystem = <T = { id: string }[]>(sql: string, parameters: unknown[] = []): Promise<T> =>
  runAsSystem('test', () => dataSource.transaction((manager) => manager.query(sql, parameters) as Promise<T>));

/** Runs SQL as a signed-in account within a request, the way a service's resolvers write. */
const asAccount = <T = { id: string }[]>(sql: string, parameters: unknown[] = [], operation = 'updateThing'): Promise<T> =>
  runWithRequestId('req-42', async () => {
    setRequestActor({ kind: 'account', id: 'acc-1', name: 'Asha Verma', job: null }, operation);
    return dataSource.transaction((manager) => manager.query(sql, parameters) as Promise<T>);
  });

const insertThing = async (values: Record<string, unknown>) => {
  const columns = Object.keys(values);
  const [row] = await asSystem(
    `INSERT INTO thing (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(values),
  );
  return row.id;
};

describe('the audit triggers', () => {
  it('refuse a change without an actor and leave neither the change nor an entry', async () => {
    const before = await entryCount();
    await expect(dataSource.query(`INSERT INTO thing (full_name) VALUES ('nobody')`)).rejects.toThrow(/a change without an actor/);
    await expect(dataSource.transaction((manager) => manager.query(`INSERT INTO thing (full_name) VALUES ('nobody')`))).rejects.toThrow(
      /a change without an actor/,
    );
    // Inside a request whose caller is not verified yet (no actor): refused as well.
    await expect(
      runWithRequestId('anonymous', () => dataSource.transaction((manager) => manager.query(`INSERT INTO thing (full_name) VALUES ('x')`))),
    ).rejects.toThrow(/a change without an actor/);
    expect(await dataSource.query(`SELECT id FROM thing WHERE full_name IN ('nobody', 'x')`)).toEqual([]);
    expect(await entryCount()).toBe(before);
  });

  it('write a CREATE naming the system job, with every non-empty column masked where personal, and no ignored column', async () => {
    const id = await insertThing({
      organization_id: ORG,
      unit_id: DISTRICT_A,
      unit_path: [STATE, DISTRICT_A],
      full_name: 'Asha Verma',
      phone: '+919876543210',
      email: 'asha.verma@example.org',
      date_of_birth: '1990-01-05',
      secret_hash: '$argon2id$v=19$m=65536,t=3,p=4$abc',
      search_key: 'asha verma',
      score: 7,
      tags: ['youth', 'it'],
    });
    const [entry] = await entriesOf([id]);
    expect(entry).toEqual({
      id: expect.any(String),
      actor_kind: 'system',
      actor_id: null,
      actor_name: null,
      job: 'test',
      request_id: expect.stringMatching(/^test-[0-9a-f-]{36}$/),
      operation: 'test',
      record_type: 'Thing',
      record_id: id,
      action: 'CREATE',
      bulk: false,
      // Field names as the API has them, in column order of name; null columns (deleted_at) left out.
      changes: [
        { field: 'dateOfBirth', old: null, new: '••••-••-••' },
        { field: 'email', old: null, new: 'a•••@example.org' },
        { field: 'fullName', old: null, new: 'Asha Verma' },
        { field: 'id', old: null, new: id },
        { field: 'organizationId', old: null, new: ORG },
        { field: 'phone', old: null, new: '+91••••••••10' },
        { field: 'score', old: null, new: 7 },
        { field: 'secretHash', old: null, new: '••••••' },
        { field: 'tags', old: null, new: ['youth', 'it'] },
        { field: 'unitId', old: null, new: DISTRICT_A },
        { field: 'unitPath', old: null, new: [STATE, DISTRICT_A] },
      ],
      organization_id: ORG,
      unit_path: [STATE, DISTRICT_A],
    });
    const stored = JSON.stringify(await dataSource.query('SELECT * FROM audit_entry WHERE record_id = $1', [id]));
    for (const secret of ['9876543210', 'asha.verma', '1990', 'argon2id', 'asha verma']) expect(stored).not.toContain(secret);
  });

  it('write an UPDATE of the changed fields only, in the request’s name; an update of ignored columns alone writes nothing', async () => {
    const id = await insertThing({ full_name: 'Old', phone: '+919812345678', score: 1, unit_path: [STATE] });
    await asAccount(
      `UPDATE thing SET full_name = 'New', phone = NULL, email = 'n@x.in', score = 1, version = version + 1, updated_at = now() + interval '1 s'
        WHERE id = $1`,
      [id],
    );
    await asAccount(`UPDATE thing SET search_key = 'ignored', version = version + 1, updated_at = now() WHERE id = $1`, [id]);
    const entries = await entriesOf([id]);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({
      actor_kind: 'account',
      actor_id: 'acc-1',
      actor_name: 'Asha Verma',
      job: null,
      request_id: 'req-42',
      operation: 'updateThing',
      action: 'UPDATE',
      bulk: false,
      changes: [
        { field: 'email', old: null, new: 'n•••@x.in' },
        { field: 'fullName', old: 'Old', new: 'New' },
        { field: 'phone', old: '+91••••••••78', new: null },
      ],
      unit_path: [STATE],
    });
  });

  it('tell DELETE and RESTORE (soft), MOVE (a move column), a hard DELETE, and a MERGE the service names', async () => {
    const id = await insertThing({ full_name: 'Mover', organization_id: ORG, unit_id: DISTRICT_A, unit_path: [STATE, DISTRICT_A] });
    await asAccount(`UPDATE thing SET deleted_at = '2026-01-02T03:04:05Z' WHERE id = $1`, [id]);
    await asAccount(`UPDATE thing SET deleted_at = NULL WHERE id = $1`, [id]);
    await asAccount(`UPDATE thing SET unit_id = $2, unit_path = $3 WHERE id = $1`, [id, DISTRICT_B, [STATE, DISTRICT_B]]);
    await runWithRequestId('req-merge', async () => {
      setRequestActor({ kind: 'account', id: 'acc-1', name: 'Asha Verma', job: null }, 'mergeThings');
      await dataSource.transaction(async (manager) => {
        await setAuditAction((sql, parameters) => manager.query(sql, parameters), 'MERGE');
        await manager.query(`UPDATE thing SET full_name = 'Merged' WHERE id = $1`, [id]);
      });
    });
    await asAccount(`DELETE FROM thing WHERE id = $1`, [id], 'purgeThing');
    const entries = await entriesOf([id]);
    // Timestamps are written in the session's time zone: compared as instants.
    const instants = (changes: Row['changes']) =>
      changes.map((change) =>
        change.field === 'deletedAt'
          ? {
              ...change,
              old: change.old && new Date(change.old as string).toISOString(),
              new: change.new && new Date(change.new as string).toISOString(),
            }
          : change,
      );
    expect(entries.map((entry) => [entry.action, entry.operation, instants(entry.changes)])).toEqual([
      ['CREATE', 'test', expect.any(Array)],
      ['DELETE', 'updateThing', [{ field: 'deletedAt', old: null, new: '2026-01-02T03:04:05.000Z' }]],
      ['RESTORE', 'updateThing', [{ field: 'deletedAt', old: '2026-01-02T03:04:05.000Z', new: null }]],
      [
        'MOVE',
        'updateThing',
        [
          { field: 'unitId', old: DISTRICT_A, new: DISTRICT_B },
          { field: 'unitPath', old: [STATE, DISTRICT_A], new: [STATE, DISTRICT_B] },
        ],
      ],
      ['MERGE', 'mergeThings', [{ field: 'fullName', old: 'Mover', new: 'Merged' }]],
      [
        'DELETE',
        'purgeThing',
        [
          { field: 'fullName', old: 'Merged', new: null },
          { field: 'id', old: id, new: null },
          { field: 'organizationId', old: ORG, new: null },
          { field: 'tags', old: [], new: null },
          { field: 'unitId', old: DISTRICT_B, new: null },
          { field: 'unitPath', old: [STATE, DISTRICT_B], new: null },
        ],
      ],
    ]);
    // Where the record was when it changed: the move's entry and those after it are in district B.
    expect(entries.map((entry) => entry.unit_path?.at(-1))).toEqual([
      DISTRICT_A,
      DISTRICT_A,
      DISTRICT_A,
      DISTRICT_B,
      DISTRICT_B,
      DISTRICT_B,
    ]);
  });

  it('mark each entry of a statement that changed several rows as bulk, and one row alone as not', async () => {
    const ids = (await asSystem(`INSERT INTO thing (full_name) SELECT 'bulk ' || n FROM generate_series(1, 3) n RETURNING id`)).map(
      (row) => row.id,
    );
    await asAccount(`UPDATE thing SET score = 5 WHERE id = ANY($1)`, [ids]);
    await asAccount(`UPDATE thing SET score = 6 WHERE id = $1`, [ids[0]]);
    const summary = (await entriesOf(ids)).map(
      (entry) => `${entry.action} bulk=${entry.bulk} ${JSON.stringify(entry.changes.map((c) => c.new))}`,
    );
    expect(summary.filter((line) => line.startsWith('CREATE bulk=true'))).toHaveLength(3);
    expect(summary.slice(3)).toEqual(['UPDATE bulk=true [5]', 'UPDATE bulk=true [5]', 'UPDATE bulk=true [5]', 'UPDATE bulk=false [6]']);
  });

  it('leave no entry when the transaction of the change rolls back', async () => {
    const id = await insertThing({ full_name: 'Stays' });
    const before = await entryCount();
    await expect(
      runAsSystem('test', () =>
        dataSource.transaction(async (manager) => {
          await manager.query(`UPDATE thing SET full_name = 'Gone' WHERE id = $1`, [id]);
          throw new Error('a later step failed');
        }),
      ),
    ).rejects.toThrow('a later step failed');
    expect(await entryCount()).toBe(before);
    expect((await dataSource.query('SELECT full_name FROM thing WHERE id = $1', [id]))[0].full_name).toBe('Stays');
  });
});

describe('audit entries themselves', () => {
  it('cannot be updated, deleted or truncated, even by a superuser', async () => {
    await insertThing({ full_name: 'Guarded' });
    const before = await dataSource.query('SELECT * FROM audit_entry ORDER BY id');
    expect(before.length).toBeGreaterThan(0);
    for (const sql of [
      `UPDATE audit_entry SET actor_name = 'someone else'`,
      `UPDATE audit_entry SET at = at - interval '10 years'`,
      `DELETE FROM audit_entry`,
      `DELETE FROM audit_entry WHERE id = '${before[0].id}'`,
      `TRUNCATE audit_entry`,
    ]) {
      await expect(dataSource.query(sql)).rejects.toMatchObject({ code: '42501', message: 'audit entries cannot be changed or removed' });
      await expect(asSystem(sql)).rejects.toThrow('audit entries cannot be changed or removed');
    }
    expect(await dataSource.query('SELECT * FROM audit_entry ORDER BY id')).toEqual(before);
  });
});

describe('retention', () => {
  /** Entries made directly (the superuser may insert; nobody may update), `daysAgo` before now. */
  const insertOld = async (daysAgo: number[]) => {
    const rows: { id: string }[] = await dataSource.query(
      `INSERT INTO audit_entry (at, actor_kind, job, record_type, record_id, action, changes)
       SELECT now() - make_interval(secs => d * 86400), 'system', 'old', 'Thing', gen_random_uuid(), 'UPDATE', '[]'
       FROM unnest($1::float8[]) d RETURNING id`,
      [daysAgo],
    );
    return rows.map((row) => row.id);
  };
  const stillThere = async (ids: string[]) =>
    (await dataSource.query('SELECT id FROM audit_entry WHERE id = ANY($1)', [ids])).map((row: { id: string }) => row.id).sort();

  it('pruneAuditLog removes exactly the entries older than the retention, and nothing with 0 (keep for ever)', async () => {
    const total = await entryCount();
    const older = await insertOld([400, 31, 30.05]);
    const younger = await insertOld([29.95, 5, 0]);
    expect(await pruneAuditLog(dataSource, 0)).toBe(0);
    expect(await stillThere([...older, ...younger])).toEqual([...older, ...younger].sort());
    expect(await pruneAuditLog(dataSource, 30)).toBe(3);
    expect(await stillThere([...older, ...younger])).toEqual([...younger].sort());
    expect(await entryCount()).toBe(total + 3);
    expect(await pruneAuditLog(dataSource, 30)).toBe(0);
  });

  it('pruneAuditLog removes more than one batch (10,000) in one run', async () => {
    const total = await entryCount();
    await dataSource.query(
      `INSERT INTO audit_entry (at, actor_kind, job, record_type, record_id, action, changes)
       SELECT now() - interval '100 days', 'system', 'old', 'Thing', gen_random_uuid(), 'UPDATE', '[]' FROM generate_series(1, 10_050)`,
    );
    expect(await pruneAuditLog(dataSource, 90)).toBe(10_050);
    expect(await entryCount()).toBe(total);
  });

  it('startAuditRetention prunes at once and logs how many went; with 0 days it does nothing', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logger = createLogger('test', 'info', sink);
    await pruneAuditLog(dataSource, 10); // the earlier tests' old entries
    const [old] = await insertOld([11]);
    const [young] = await insertOld([9]);
    const off = startAuditRetention(dataSource, 0, logger);
    await off.stop();
    expect(await stillThere([old, young])).toEqual([old, young].sort());
    const on = startAuditRetention(dataSource, 10, logger);
    await on.stop();
    expect(await stillThere([old, young])).toEqual([young]);
    expect(lines).toEqual([expect.objectContaining({ msg: 'old audit entries removed', removed: 1, retentionDays: 10 })]);
  });
});
