// The audit log at scale (issue 13): what the audit triggers cost a write, how the entry list answers
// with millions of entries, and how fast retention removes old ones. Runs after the data generation,
// against the same in-process membership subgraph over real HTTP. Prints figures; asserts no timing.
//
//   1. fill      audit_entry gets BENCH_AUDIT_ENTRIES synthetic entries in SQL (2 years, ~1,000 actors,
//                every record type, unit paths from the generated tree), indexes rebuilt, VACUUM ANALYZE
//   2. writes    the same mutations over HTTP with the audit triggers enabled and disabled, alternating
//                rounds in one process (on/off, then off/on, …) so drift cancels; and one raw SQL UPDATE
//                of BENCH_AUDIT_BULK_ROWS members, with and without triggers
//   3. queries   membershipAuditEntries as a superadmin and as an ADMIN of a district: first page with
//                and without `total`, and page 21 through nextCursor; EXPLAIN of each statement
//   4. prune     pruneAuditLog removing about BENCH_AUDIT_PRUNE of the oldest entries
const { createHash } = require('node:crypto');
const common = require('../../services/common/dist');
const { explain, fmt, stats, table } = require('./measure');
const { secondaryIndexes } = require('./generate');

const SPAN_DAYS = 730;
const DAY_MS = 24 * 3600 * 1000;

function readAuditOptions(env = process.env) {
  const number = (name, fallback, min = 1) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, got "${raw}"`);
    return value;
  };
  return {
    entries: number('BENCH_AUDIT_ENTRIES', 3_000_000, 0),
    rounds: number('BENCH_AUDIT_ROUNDS', 4),
    writesPerRound: number('BENCH_AUDIT_WRITES', 10),
    bulkRows: number('BENCH_AUDIT_BULK_ROWS', 10_000),
    prune: number('BENCH_AUDIT_PRUNE', 1_000_000, 0),
    slowMs: number('BENCH_AUDIT_SLOW_MS', 50),
    pages: 20,
    limit: 50,
  };
}

// --- the audit triggers --------------------------------------------------------------------------------

/** The audit triggers of the record tables (audit_<table>_<event>); the guard triggers of audit_entry itself stay. */
async function auditTriggers(client) {
  const { rows } = await client.query(
    `SELECT c.relname AS table_name, t.tgname AS trigger_name
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND t.tgname LIKE 'audit\\_%' AND c.relname <> 'audit_entry'
      ORDER BY 1, 2`,
  );
  return rows;
}

/** ALTER TABLE … ENABLE/DISABLE TRIGGER for each audit trigger, in one transaction (the bench's superuser session). */
async function setAuditTriggers(client, triggers, enabled) {
  await client.query('BEGIN');
  try {
    for (const { table_name: table, trigger_name: trigger } of triggers)
      await client.query(`ALTER TABLE "${table}" ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER "${trigger}"`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

// --- 1. fill ---------------------------------------------------------------------------------------------

/** The changes of a synthetic entry, by action and variant 0..3: the shapes the triggers write (masked PII). */
function changeTemplates(organizationId) {
  const unitA = '7d4c2a10-3b5e-4c8f-9a61-2f0e8b7c5d31';
  const unitB = 'c1e9f7a2-5d3b-4e6a-8f20-9b8a7c6d5e4f';
  const when = '2025-03-14T09:26:53.589+00:00';
  const c = (field, oldValue, newValue) => ({ field, old: oldValue, new: newValue });
  const create = (name, number) => [
    c('fullName', null, name),
    c('gender', null, 'MALE'),
    c('id', null, 'b0c5e6f1-9a2d-4d7e-8b3c-1f2e3d4c5b6a'),
    c('joinedOn', null, '2024-08-15'),
    c('membershipNumber', null, number),
    c('organizationId', null, organizationId),
    c('phone', null, '+91•••••••••47'),
    c('status', null, 'ACTIVE'),
    c('tags', null, []),
    c('unitId', null, unitA),
  ];
  const variants = {
    CREATE: [
      create('राम कुमार यादव', 'BP-0412345'),
      create('सुनीता देवी', 'BP-0412346'),
      create('मोहम्मद आरिफ़', 'BP-0412347'),
      create('अनीता सिंह', 'BP-0412348'),
    ],
    UPDATE: [
      [c('status', 'ACTIVE', 'LAPSED')],
      [c('phone', '+91•••••••••47', '+91•••••••••12')],
      [c('tags', [], ['cyber_warrior'])],
      [c('email', null, 'r•••@example.org'), c('fullName', 'राम कुमार', 'राम कुमार यादव')],
    ],
    MOVE: [[c('unitId', unitA, unitB)], [c('unitId', unitB, unitA)], [c('parentId', unitA, unitB)], [c('unitId', unitA, unitB)]],
    DELETE: [[c('deletedAt', null, when)], [c('deletedAt', null, when)], [c('deletedAt', null, when)], [c('deletedAt', null, when)]],
    RESTORE: [[c('deletedAt', when, null)], [c('deletedAt', when, null)], [c('deletedAt', when, null)], [c('deletedAt', when, null)]],
    MERGE: [
      [c('phone', null, '+91•••••••••47'), c('tags', [], ['trained_2021'])],
      [c('email', null, 'a•••@example.org')],
      [c('dateOfBirth', null, '••••-••-••')],
      [c('tags', ['app_in_charge'], ['app_in_charge', 'trained_2021'])],
    ],
  };
  return variants;
}

/** The actions in the order of the change templates' parameter. */
const CHANGE_ACTIONS = ['CREATE', 'UPDATE', 'MOVE', 'DELETE', 'RESTORE', 'MERGE'];

/** The id of generated actor number `n` (0: the busiest), as text like an account id. */
const actorId = (n) => {
  const hex = createHash('md5').update(`bench-actor-${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** Shares of entries per record type (per mille) and how many distinct records of that type change. */
const RECORD_TYPES = [
  { type: 'Member', share: 700 },
  { type: 'Position', share: 80, pool: 60_000 },
  { type: 'Assignment', share: 60, pool: 40_000 },
  { type: 'FieldVisit', share: 80, pool: 150_000 },
  { type: 'OrgUnit', share: 50 },
  { type: 'Account', share: 20, pool: 3_000 },
  { type: 'PartnerToken', share: 5, pool: 50 },
  { type: 'Organization', share: 5, pool: 1 },
];

/**
 * Fills audit_entry with `count` entries. Inserted directly as the bench's superuser: the guard trigger
 * refuses only UPDATE, DELETE and TRUNCATE, and no audited table is written, so no actor is needed. The
 * secondary indexes are dropped for the load and rebuilt with their exact definitions (a fresh build is
 * somewhat more compact than one grown entry by entry). `at` rises with the row number over the last
 * two years, so the heap is in time order as a real log's is.
 */
async function fillAuditLog(client, { organizationId, count }, log) {
  const started = Date.now();
  const timings = {};
  const step = async (label, work) => {
    const t = Date.now();
    const result = await work();
    log(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return result;
  };
  await client.query(`SELECT setseed(0.1307)`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SET max_parallel_maintenance_workers = 2`);

  await client.query(
    `CREATE TEMP TABLE bench_audit_member AS
     SELECT (row_number() OVER (ORDER BY m.id) - 1)::int AS idx, m.id, u.path
       FROM member m JOIN org_unit u ON u.id = m.unit_id WHERE m.organization_id = $1`,
    [organizationId],
  );
  await client.query(`ALTER TABLE bench_audit_member ADD PRIMARY KEY (idx)`);
  await client.query(
    `CREATE TEMP TABLE bench_audit_unit AS
     SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, id, path FROM org_unit WHERE organization_id = $1`,
    [organizationId],
  );
  await client.query(`ALTER TABLE bench_audit_unit ADD PRIMARY KEY (idx)`);
  const {
    rows: [sizes],
  } = await client.query(
    `SELECT (SELECT count(*) FROM bench_audit_member)::int AS members, (SELECT count(*) FROM bench_audit_unit)::int AS units`,
  );
  // ~1,000 actors: 970 accounts, 20 partner tokens, 10 system jobs; a few are far busier than the rest.
  const actors = Array.from({ length: 1000 }, (_, g) => ({
    idx: g + 1,
    kind: g < 970 ? 'account' : g < 990 ? 'partner' : 'system',
    id: g < 990 ? actorId(g) : null,
    name: g < 970 ? `Bench admin ${g}` : g < 990 ? `Bench partner ${g}` : null,
    job: g < 990 ? null : ['seed', 'import'][g % 2],
  }));
  await client.query(
    `CREATE TEMP TABLE bench_audit_actor AS
     SELECT * FROM json_to_recordset($1::json) AS a(idx int, kind text, id text, name text, job text)`,
    [JSON.stringify(actors)],
  );
  await client.query(`ALTER TABLE bench_audit_actor ADD PRIMARY KEY (idx)`);
  // One row per per-mille bucket: the record type an entry drawn into that bucket is about.
  const buckets = RECORD_TYPES.flatMap(({ type, share, pool }) =>
    Array.from({ length: share }, () => ({ type, pool: pool ?? (type === 'Member' ? sizes.members : sizes.units) })),
  );
  await client.query(
    `CREATE TEMP TABLE bench_audit_type AS
     SELECT (ord - 1)::int AS bucket, type, pool FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS t(type, pool, ord)`,
    [buckets.map((b) => b.type), buckets.map((b) => b.pool)],
  );
  await client.query(`ALTER TABLE bench_audit_type ADD PRIMARY KEY (bucket)`);
  const templates = changeTemplates(organizationId);

  const indexes = await secondaryIndexes(client, ['audit_entry']);
  await step(`dropped ${indexes.length} secondary indexes of audit_entry for the load`, async () => {
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  });

  const {
    rows: [{ now: fillStart }],
  } = await client.query(`SELECT now() AS now`);
  const spanStart = new Date(fillStart.getTime() - SPAN_DAYS * DAY_MS);
  const stepMs = (SPAN_DAYS * DAY_MS) / Math.max(1, count);
  const loadStarted = Date.now();
  const chunk = 250_000;
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    await client.query(
      // The random draws are made once per row in a materialised CTE: PostgreSQL would otherwise copy
      // the random() calls into every place that uses them, each drawing anew. The few change templates
      // are an array parameter; actors, members and units are joined from temporary tables.
      `WITH s AS MATERIALIZED (
         SELECT g::bigint AS g, floor(random() * 1000)::int AS bucket, random() AS r2, random() AS r3,
                1 + floor(1000 * power(random(), 1.5))::int AS actor,
                $2::timestamptz + (g - 1) * $3::float8 * interval '1 millisecond' AS at
           FROM generate_series($4::int, $5::int) AS g),
       e AS MATERIALIZED (
         SELECT s.g, s.actor, s.at, t.type, floor(s.r2 * t.pool)::int AS rec_idx,
                CASE WHEN s.r3 < 0.15 THEN 'CREATE' WHEN s.r3 < 0.70 THEN 'UPDATE'
                     WHEN s.r3 < 0.80 THEN CASE WHEN t.type IN ('Member', 'OrgUnit', 'Position', 'Assignment') THEN 'MOVE' ELSE 'UPDATE' END
                     WHEN s.r3 < 0.92 THEN 'DELETE' WHEN s.r3 < 0.98 THEN 'RESTORE'
                     ELSE CASE WHEN t.type = 'Member' THEN 'MERGE' ELSE 'UPDATE' END END AS action
           FROM s JOIN bench_audit_type t ON t.bucket = s.bucket)
       INSERT INTO audit_entry (id, at, actor_kind, actor_id, actor_name, job, request_id, operation, record_type, record_id,
                                action, bulk, changes, organization_id, unit_path)
       SELECT gen_random_uuid(), e.at, a.kind, a.id, a.name, a.job,
              coalesce(a.job || '-', '') || gen_random_uuid()::text,
              CASE WHEN a.job IS NOT NULL THEN a.job
                   WHEN e.action = 'CREATE' THEN 'create' || e.type
                   WHEN e.action IN ('UPDATE', 'MOVE') THEN 'update' || e.type
                   WHEN e.action = 'DELETE' THEN 'delete' || e.type || 's'
                   WHEN e.action = 'RESTORE' THEN 'restore' || e.type
                   ELSE 'mergeMembers' END,
              e.type,
              CASE e.type WHEN 'Member' THEN m.id WHEN 'OrgUnit' THEN u.id WHEN 'Organization' THEN $1::uuid
                          ELSE md5(e.type || e.rec_idx)::uuid END,
              e.action,
              e.action IN ('DELETE', 'MOVE') AND e.g % 2 = 0,
              ($7::jsonb[])[1 + array_position($8::text[], e.action) * 4 - 4 + (e.g % 4)::int],
              $1::uuid,
              CASE e.type WHEN 'Member' THEN m.path WHEN 'Organization' THEN NULL ELSE u.path END
         FROM e
         JOIN bench_audit_actor a ON a.idx = e.actor
         LEFT JOIN bench_audit_member m ON e.type = 'Member' AND m.idx = e.rec_idx
         LEFT JOIN bench_audit_unit u ON e.type <> 'Member' AND u.idx = (e.rec_idx::bigint * 7919) % $6`,
      [
        organizationId,
        spanStart,
        stepMs,
        from,
        to,
        sizes.units,
        CHANGE_ACTIONS.flatMap((action) => templates[action].map((changes) => JSON.stringify(changes))),
        CHANGE_ACTIONS,
      ],
    );
    const seconds = (Date.now() - loadStarted) / 1000;
    log(
      `  audit entries ${to.toLocaleString('en-US')} / ${count.toLocaleString('en-US')} (${seconds.toFixed(1)} s, ${Math.round(to / seconds).toLocaleString('en-US')} rows/s)`,
    );
  }
  timings.loadSeconds = (Date.now() - loadStarted) / 1000;
  const indexStarted = Date.now();
  for (const index of indexes) await step(`index ${index.name}`, () => client.query(index.definition));
  timings.indexesSeconds = (Date.now() - indexStarted) / 1000;
  await step('VACUUM ANALYZE audit_entry', () => client.query(`VACUUM (ANALYZE) audit_entry`));
  for (const table of ['bench_audit_member', 'bench_audit_unit', 'bench_audit_type', 'bench_audit_actor'])
    await client.query(`DROP TABLE ${table}`);
  timings.totalSeconds = (Date.now() - started) / 1000;
  return { spanStart: spanStart.toISOString(), fillStart: fillStart.toISOString(), timings };
}

/** Rows, heap and index sizes of audit_entry. */
async function auditTableSize(client) {
  const {
    rows: [size],
  } = await client.query(
    `SELECT (SELECT count(*) FROM audit_entry)::bigint AS entries, pg_table_size('audit_entry')::bigint AS table_bytes,
            pg_indexes_size('audit_entry')::bigint AS index_bytes`,
  );
  const { rows: indexes } = await client.query(
    `SELECT c.relname AS name, pg_relation_size(c.oid)::bigint AS bytes FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = 'audit_entry'::regclass ORDER BY c.relname`,
  );
  return {
    entries: Number(size.entries),
    tableBytes: Number(size.table_bytes),
    indexBytes: Number(size.index_bytes),
    indexes: Object.fromEntries(indexes.map((row) => [row.name, Number(row.bytes)])),
  };
}

// --- 2. writes -------------------------------------------------------------------------------------------

const UPDATE_MEMBER = `mutation ($id: ID!, $v: Int, $input: MemberUpdateInput!) { updateMember(id: $id, expectedVersion: $v, input: $input) { id version } }`;
const CREATE_MEMBER = `mutation ($input: MemberInput!) { createMember(input: $input) { id unit { id } } }`;
const CREATE_POSITION = `mutation ($input: PositionInput!) { createPosition(input: $input) { id } }`;
const DELETE_MEMBERS = `mutation ($ids: [ID!]!) { deleteMembers(ids: $ids) { id } }`;
const BATCH = 50;
/** 50 restoreMember fields in one request: the API restores one member per field. */
const RESTORE_MEMBERS = `mutation (${Array.from({ length: BATCH }, (_, i) => `$i${i}: ID!`).join(', ')}) {
  ${Array.from({ length: BATCH }, (_, i) => `r${i}: restoreMember(id: $i${i}) { id }`).join('\n  ')}
}`;

const WRITES = [
  { key: 'updateMember', label: 'updateMember (phone + tags, expectedVersion)', entries: 1 },
  { key: 'createMember', label: 'createMember', entries: 1 },
  { key: 'createPosition', label: 'createPosition (for the new member)', entries: 1 },
  { key: 'deleteMembers', label: `deleteMembers, ${BATCH} ids`, entries: BATCH },
  { key: 'restoreMembers', label: `restoreMember ×${BATCH} (one request)`, entries: BATCH },
];

async function measureWrites({ url, as, client, organizationId, triggers, options, log }) {
  const perMode = options.rounds * options.writesPerRound;
  const warmup = 2;
  const iterations = perMode * 2 + warmup;
  const { rows: pool } = await client.query(
    `SELECT m.id, m.version, m.unit_id FROM member m WHERE m.organization_id = $1 AND m.deleted_at IS NULL
      ORDER BY random() LIMIT $2`,
    [organizationId, iterations * (BATCH + 1) + options.bulkRows],
  );
  if (pool.length < iterations * (BATCH + 1) + options.bulkRows)
    throw new Error(`the audit write phase needs ${iterations * (BATCH + 1) + options.bulkRows} members, there are ${pool.length}`);
  const updatePool = pool.splice(0, iterations);
  const deletePool = pool.splice(0, iterations * BATCH);
  const bulkIds = pool.splice(0, options.bulkRows).map((row) => row.id);
  const request = (query, variables) => common.graphqlData(url, query, variables, as);
  const samples = Object.fromEntries(WRITES.map((w) => [w.key, { on: [], off: [] }]));
  const written = { on: 0, off: 0 };
  let i = 0;
  const timed = async (key, mode, work) => {
    const t = performance.now();
    const result = await work();
    if (mode) samples[key][mode].push(performance.now() - t);
    return result;
  };
  /** One of each write; `mode` null for a warm-up. */
  const iteration = async (mode) => {
    const n = i++;
    const member = updatePool[n];
    const updated = await timed('updateMember', mode, () =>
      request(UPDATE_MEMBER, {
        id: member.id,
        v: member.version,
        input: { phone: `+91 7${String(100000000 + n * 7919).slice(-9)}`, tags: [`bench_edit_${n % 3}`] },
      }),
    );
    member.version = updated.updateMember.version;
    const created = await timed('createMember', mode, () =>
      request(CREATE_MEMBER, {
        input: {
          organizationId,
          fullName: `बेंच सदस्य ${n}`,
          gender: n % 2 ? 'FEMALE' : 'MALE',
          phone: `+91 6${String(200000000 + n * 104729).slice(-9)}`,
          unitId: member.unit_id,
        },
      }),
    );
    await timed('createPosition', mode, () =>
      request(CREATE_POSITION, {
        input: { memberId: created.createMember.id, unitId: created.createMember.unit.id, title: 'COMMITTEE_MEMBER' },
      }),
    );
    const ids = deletePool.slice(n * BATCH, (n + 1) * BATCH).map((row) => row.id);
    await timed('deleteMembers', mode, () => request(DELETE_MEMBERS, { ids }));
    await timed('restoreMembers', mode, () => request(RESTORE_MEMBERS, Object.fromEntries(ids.map((id, k) => [`i${k}`, id]))));
  };
  // Entries the triggers write carry their transaction's time: those after the phase began are this phase's.
  const {
    rows: [{ now: phaseStart }],
  } = await client.query(`SELECT now() AS now`);
  const entryCount = async () =>
    Number((await client.query(`SELECT count(*) AS n FROM audit_entry WHERE at >= $1`, [phaseStart])).rows[0].n);

  const bulk = { on: [], off: [] };
  // A statement-level change of many rows by a system job, as an import would make (the bench session's
  // actor is the system job "bench", set in generate()).
  const bulkUpdate = async (mode) => {
    const t = performance.now();
    await client.query(
      `UPDATE member SET tags = CASE WHEN 'bench_bulk' = ANY (tags) THEN array_remove(tags, 'bench_bulk') ELSE array_append(tags, 'bench_bulk') END
        WHERE id = ANY ($1::uuid[])`,
      [bulkIds],
    );
    bulk[mode].push(performance.now() - t);
  };

  for (let w = 0; w < warmup; w++) await iteration(null);
  try {
    for (let round = 0; round < options.rounds; round++) {
      // on/off, then off/on: a drift in time weighs on both alike.
      const order = round % 2 ? ['off', 'on'] : ['on', 'off'];
      for (const mode of order) {
        await setAuditTriggers(client, triggers, mode === 'on');
        const before = await entryCount();
        for (let k = 0; k < options.writesPerRound; k++) await iteration(mode);
        for (let k = 0; k < 2; k++) await bulkUpdate(mode);
        written[mode] += (await entryCount()) - before;
      }
      log(`  round ${round + 1}/${options.rounds} (${order.join(', ')}) done`);
    }
  } finally {
    await setAuditTriggers(client, triggers, true);
  }

  const rows = WRITES.map((w) => {
    const on = stats(samples[w.key].on);
    const off = stats(samples[w.key].off);
    return { key: w.key, label: w.label, entriesEach: w.entries, on, off, ratio: on.median / off.median, addedMs: on.median - off.median };
  });
  const bulkOn = stats(bulk.on);
  const bulkOff = stats(bulk.off);
  rows.push({
    key: 'sqlBulkUpdate',
    label: `SQL: one UPDATE of ${options.bulkRows.toLocaleString('en-US')} members`,
    entriesEach: options.bulkRows,
    on: bulkOn,
    off: bulkOff,
    ratio: bulkOn.median / bulkOff.median,
    addedMs: bulkOn.median - bulkOff.median,
  });
  const expectedOn = perMode * WRITES.reduce((sum, w) => sum + w.entries, 0) + options.rounds * 2 * options.bulkRows;
  return {
    rows,
    samplesPerMode: perMode,
    bulkSamplesPerMode: options.rounds * 2,
    entriesWritten: written,
    entriesExpectedOn: expectedOn,
    samples: Object.fromEntries(
      Object.entries({ ...samples, sqlBulkUpdate: bulk }).map(([key, value]) => [
        key,
        { on: value.on.map((s) => Number(s.toFixed(3))), off: value.off.map((s) => Number(s.toFixed(3))) },
      ]),
    ),
  };
}

// --- 3. queries ------------------------------------------------------------------------------------------

const ITEM_FIELDS = `id at actorKind actorId actorName job operation recordType recordId action bulk unitId changes { field oldValue newValue }`;
const listQuery = (withTotal) =>
  `query ($filter: AuditEntryFilter, $page: PageInput) { membershipAuditEntries(filter: $filter, page: $page) { ${withTotal ? 'total ' : ''}nextCursor items { ${ITEM_FIELDS} } } }`;

async function measureQueries({ url, superadmin, districtAdmin, client, queryLog, district, options, measureOptions, log }) {
  const repeat = measureOptions.repeat;
  const warmup = measureOptions.warmup;
  const {
    rows: [mandal],
  } = await client.query(
    `SELECT id, name_latin, (SELECT count(*) FROM audit_entry e WHERE e.unit_path @> ARRAY[u.id])::int AS entries
       FROM org_unit u WHERE u.parent_id IN (SELECT id FROM org_unit WHERE parent_id = $1) AND u.level = 'mandal'
      ORDER BY u.code LIMIT 1`,
    [district.id],
  );
  const {
    rows: [record],
  } = await client.query(
    `SELECT record_id AS id, count(*)::int AS entries FROM audit_entry
      WHERE record_type = 'Member' AND unit_path @> ARRAY[$1::uuid] GROUP BY record_id ORDER BY count(*) DESC, record_id LIMIT 1`,
    [district.id],
  );
  const { rows: actors } = await client.query(
    `SELECT a.id, (SELECT count(*) FROM audit_entry e WHERE e.actor_id = a.id)::int AS entries FROM unnest($1::text[]) WITH ORDINALITY AS a(id, ord) ORDER BY a.ord`,
    [[actorId(0), actorId(500)]],
  );
  const busiest = actors[0] ?? { id: 'none', entries: 0 };
  const typical = actors[1] ?? { id: 'none', entries: 0 };
  const dayFrom = new Date(Date.now() - 365 * DAY_MS);
  dayFrom.setUTCHours(0, 0, 0, 0);
  const day = { from: dayFrom.toISOString(), to: new Date(dayFrom.getTime() + DAY_MS).toISOString() };
  log(
    `  mandal used: ${mandal?.name_latin} (${mandal?.entries ?? 0} entries); member history: ${record?.entries ?? 0} entries; ` +
      `actors: busiest ${busiest.entries}, typical ${typical.entries} entries; day ${day.from.slice(0, 10)}`,
  );

  const cases = [
    { key: 'all', label: 'all entries', filter: {} },
    ...(record
      ? [{ key: 'record', label: `one member's history (${record.entries})`, filter: { recordId: record.id, recordTypes: ['Member'] } }]
      : []),
    { key: 'actorBusiest', label: 'by actor, busiest', filter: { actorId: busiest.id } },
    { key: 'actorTypical', label: 'by actor, typical', filter: { actorId: typical.id } },
    { key: 'typePosition', label: 'recordTypes [Position]', filter: { recordTypes: ['Position'] } },
    { key: 'day', label: 'one day (from/to)', filter: day },
    { key: 'withinDistrict', label: 'withinUnit district', filter: { withinUnit: district.id }, only: 'superadmin' },
    ...(mandal ? [{ key: 'withinMandal', label: 'withinUnit mandal', filter: { withinUnit: mandal.id } }] : []),
  ];
  const callers = [
    { key: 'superadmin', label: 'superadmin', as: superadmin },
    { key: 'admin', label: 'district ADMIN', as: districtAdmin },
  ];

  const ask = async (as, withTotal, filter, page) => {
    const response = await common.graphqlRequest(url, listQuery(withTotal), { filter, page }, as);
    if (response.errors?.length) throw new Error(`membershipAuditEntries: ${JSON.stringify(response.errors)}`);
    return response.data.membershipAuditEntries;
  };
  const time = async (as, withTotal, filter, page) => {
    for (let w = 0; w < warmup; w++) await ask(as, withTotal, filter, page);
    const samples = [];
    let data;
    for (let r = 0; r < repeat; r++) {
      queryLog.clear();
      const t = performance.now();
      data = await ask(as, withTotal, filter, page);
      samples.push(performance.now() - t);
    }
    return { ...stats(samples), samples, data, statements: queryLog.statements() };
  };
  const explainAll = async (statements) => {
    const plans = [];
    for (const statement of statements) plans.push(await explain(client, statement));
    return plans;
  };

  const results = [];
  for (const caller of callers) {
    for (const c of cases) {
      if (c.only && c.only !== caller.key) continue;
      const label = `[${caller.label}] ${c.label}`;
      const withTotal = await time(caller.as, true, c.filter, { limit: options.limit });
      const first = await time(caller.as, false, c.filter, { limit: options.limit });
      // Walk `pages` pages as a client does, then time the next one.
      let cursor = first.data.nextCursor;
      for (let p = 1; p < options.pages && cursor; p++)
        cursor = (await ask(caller.as, false, c.filter, { limit: options.limit, after: cursor })).nextCursor;
      const deep = cursor ? await time(caller.as, false, c.filter, { limit: options.limit, after: cursor }) : null;
      const result = {
        key: `${caller.key}.${c.key}`,
        label,
        filter: c.filter,
        total: withTotal.data.total,
        items: first.data.items.length,
        withTotal: pick(withTotal),
        first: pick(first),
        deep: deep && pick(deep),
        explain: { withTotal: await explainAll(withTotal.statements), deep: deep ? await explainAll(deep.statements) : [] },
      };
      results.push(result);
      const auditPlans = (plans) =>
        plans
          .filter((plan) => /audit_entry/.test(plan.sql))
          .map(
            (plan) =>
              `${/COUNT\(/i.test(plan.sql) ? 'count' : 'page'}: ${plan.indexes.join('+') || 'no index'}${plan.seqScans.length ? ` SEQ ${plan.seqScans.join(',')}` : ''} ${fmt(plan.executionMs)} ms`,
          )
          .join('; ');
      log(
        `  ${label.padEnd(46)} total ${String(result.total).padStart(9)}  ` +
          `+total ${fmt(withTotal.median).padStart(6)}/${fmt(withTotal.p95).padStart(6)}  page 1 ${fmt(first.median).padStart(6)}/${fmt(first.p95).padStart(6)}  ` +
          `page ${options.pages + 1} ${deep ? `${fmt(deep.median).padStart(6)}/${fmt(deep.p95).padStart(6)}` : '     -/     -'} ms  [${auditPlans(result.explain.withTotal)}${deep ? ` | deep ${auditPlans(result.explain.deep)}` : ''}]`,
      );
    }
  }
  return {
    entries: Number((await client.query(`SELECT count(*) AS n FROM audit_entry`)).rows[0].n),
    mandal: mandal && { id: mandal.id, name: mandal.name_latin, entries: mandal.entries },
    record,
    actors: { busiest, typical },
    day,
    results,
  };
}

const pick = ({ median, p95, min, max, n, samples }) => ({ median, p95, min, max, n, samples: samples.map((s) => Number(s.toFixed(3))) });

// --- 4. prune --------------------------------------------------------------------------------------------

async function measurePrune({ client, dataSource, queryLog, target, log }) {
  const entries = Number((await client.query(`SELECT count(*)::bigint AS n FROM audit_entry`)).rows[0].n);
  if (!entries || !target) return null;
  // The retention (whole days) that makes about `target` entries old: the age of the target-th oldest.
  const {
    rows: [cutoff],
  } = await client.query(`SELECT extract(epoch FROM now() - at) / 86400 AS days FROM audit_entry ORDER BY at, id OFFSET $1 LIMIT 1`, [
    Math.min(target, entries) - 1,
  ]);
  const retentionDays = Math.max(1, Math.round(Number(cutoff.days)));
  const {
    rows: [due],
  } = await client.query(`SELECT count(*)::int AS n FROM audit_entry WHERE at < now() - make_interval(days => $1)`, [retentionDays]);
  log(
    `  pruneAuditLog(retention ${retentionDays} days): ${due.n.toLocaleString('en-US')} of ${entries.toLocaleString('en-US')} entries are older`,
  );
  queryLog.clear();
  const t = performance.now();
  const removed = await common.pruneAuditLog(dataSource, retentionDays);
  const seconds = (performance.now() - t) / 1000;
  queryLog.clear();
  const result = { retentionDays, entriesBefore: entries, due: due.n, removed, seconds, perSecond: removed / seconds };
  log(
    `  removed ${removed.toLocaleString('en-US')} in ${seconds.toFixed(1)} s: ${Math.round(result.perSecond).toLocaleString('en-US')} entries/s (batches of 10,000)`,
  );
  return result;
}

// --- the phase -------------------------------------------------------------------------------------------

async function measureAudit({ url, signIn, adminOf, client, dataSource, queryLog, organizationId, measureOptions, options, log }) {
  const triggers = await auditTriggers(client);
  // The district the member phase's scope section uses too.
  const {
    rows: [district],
  } = await client.query(`SELECT id, name_latin FROM org_unit WHERE organization_id = $1 AND code = 'UP-D-LUCKNOW'`, [organizationId]);
  log(`  ${triggers.length} audit triggers on ${new Set(triggers.map((t) => t.table_name)).size} tables`);
  const result = { options };

  log(`\n  -- fill: ${options.entries.toLocaleString('en-US')} entries`);
  result.fill = options.entries ? await fillAuditLog(client, { organizationId, count: options.entries }, log) : null;
  result.sizeAfterFill = await auditTableSize(client);
  log(
    `  audit_entry: ${result.sizeAfterFill.entries.toLocaleString('en-US')} entries, table ${mb(result.sizeAfterFill.tableBytes)}, indexes ${mb(result.sizeAfterFill.indexBytes)} ` +
      `(${Object.entries(result.sizeAfterFill.indexes)
        .map(([name, bytes]) => `${name} ${mb(bytes)}`)
        .join(', ')})`,
  );

  // Access tokens live 15 minutes: sign in again before each part.
  log(`\n  -- writes: audit triggers on vs off, ${options.rounds} rounds × ${options.writesPerRound} of each mutation per setting`);
  result.writes = await measureWrites({ url, as: await signIn(), client, organizationId, triggers, options, log });
  for (const row of result.writes.rows)
    log(
      `  ${row.label.padEnd(46)} on ${fmt(row.on.median).padStart(7)}/${fmt(row.on.p95).padStart(7)}  off ${fmt(row.off.median).padStart(7)}/${fmt(row.off.p95).padStart(7)} ms  ${row.ratio.toFixed(2)}x`,
    );
  log(
    `  entries written: triggers on ${result.writes.entriesWritten.on.toLocaleString('en-US')} (expected ${result.writes.entriesExpectedOn.toLocaleString('en-US')}), off ${result.writes.entriesWritten.off}`,
  );

  // A log table is mostly old, all-visible pages (autovacuum sees to that); a VACUUM now makes the bulk
  // load so too, as its first VACUUM may have run beside autovacuum's and left pages unmarked.
  await client.query(`VACUUM (ANALYZE) audit_entry`);
  const {
    rows: [visibility],
  } = await client.query(`SELECT relpages, relallvisible FROM pg_class WHERE oid = 'audit_entry'::regclass`);
  result.allVisiblePages = { pages: visibility.relpages, allVisible: visibility.relallvisible };
  log(
    `\n  -- queries: membershipAuditEntries at ${(await auditTableSize(client)).entries.toLocaleString('en-US')} entries ` +
      `(${visibility.relallvisible.toLocaleString('en-US')} of ${visibility.relpages.toLocaleString('en-US')} pages all-visible), limit ${options.limit}, median/p95 ms`,
  );
  result.queries = await measureQueries({
    url,
    superadmin: await signIn(),
    districtAdmin: await adminOf(district.id),
    client,
    queryLog,
    district,
    options,
    measureOptions,
    log,
  });

  log(`\n  -- prune`);
  result.prune = await measurePrune({ client, dataSource, queryLog, target: options.prune, log });
  return result;
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The audit part of the summary. */
function reportAudit(audit, log) {
  const { writes, queries, prune, sizeAfterFill, fill } = audit;
  log(
    `\naudit log: ${sizeAfterFill.entries.toLocaleString('en-US')} entries generated${fill ? ` in ${fill.timings.totalSeconds.toFixed(1)} s (load ${fill.timings.loadSeconds.toFixed(1)} s, indexes ${fill.timings.indexesSeconds.toFixed(1)} s)` : ''}; table ${mb(sizeAfterFill.tableBytes)}, indexes ${mb(sizeAfterFill.indexBytes)}`,
  );
  log(
    `\naudit write overhead (triggers on vs off, ${writes.samplesPerMode} requests each; SQL ${writes.bulkSamplesPerMode} statements each)`,
  );
  log(
    table(writes.rows, [
      { title: 'write', value: (r) => r.label },
      { title: 'entries', value: (r) => r.entriesEach, right: true },
      { title: 'on median', value: (r) => fmt(r.on.median), right: true },
      { title: 'on p95', value: (r) => fmt(r.on.p95), right: true },
      { title: 'off median', value: (r) => fmt(r.off.median), right: true },
      { title: 'off p95', value: (r) => fmt(r.off.p95), right: true },
      { title: 'on/off', value: (r) => `${r.ratio.toFixed(2)}x`, right: true },
      { title: '+ms', value: (r) => fmt(r.addedMs), right: true },
    ]),
  );
  log(
    `\naudit queries at ${queries.entries.toLocaleString('en-US')} entries (median / p95 ms, ${audit.options.limit} a page; page ${audit.options.pages + 1} through nextCursor)`,
  );
  const indexesOf = (plans, kind) =>
    plans
      .filter((plan) => /audit_entry/.test(plan.sql) && (kind === 'count') === /COUNT\(/i.test(plan.sql))
      .map((plan) => `${plan.indexes.join('+') || '-'}${plan.seqScans.length ? ' (seq scan)' : ''}`)
      .join(' ');
  log(
    table(queries.results, [
      { title: 'query', value: (r) => r.label },
      { title: 'total', value: (r) => r.total, right: true },
      { title: 'page+total', value: (r) => `${fmt(r.withTotal.median)} / ${fmt(r.withTotal.p95)}`, right: true },
      { title: 'page 1', value: (r) => `${fmt(r.first.median)} / ${fmt(r.first.p95)}`, right: true },
      {
        title: `page ${audit.options.pages + 1}`,
        value: (r) => (r.deep ? `${fmt(r.deep.median)} / ${fmt(r.deep.p95)}` : '-'),
        right: true,
      },
      { title: 'page index', value: (r) => indexesOf(r.explain.withTotal, 'page') },
      { title: 'count index', value: (r) => indexesOf(r.explain.withTotal, 'count') },
    ]),
  );
  const slowMs = audit.options.slowMs;
  const slow = queries.results.filter((r) => r.first.median > slowMs || r.withTotal.median > slowMs || (r.deep && r.deep.median > slowMs));
  log(`audit queries slower than ${slowMs} ms (median): ${slow.length ? slow.map((r) => r.label).join('; ') : 'none'}`);
  for (const result of slow) {
    log(
      `\n--- ${result.label}: page+total ${fmt(result.withTotal.median)} ms, page 1 ${fmt(result.first.median)} ms, deep ${fmt(result.deep?.median)} ms`,
    );
    for (const plan of [...result.explain.withTotal, ...result.explain.deep].filter((p) => /audit_entry/.test(p.sql))) {
      log(`  ${plan.sql.slice(0, 400)}`);
      log(`  parameters ${JSON.stringify(plan.parameters)}`);
      for (const line of plan.plan) log(`  | ${line}`);
    }
  }
  if (prune)
    log(
      `\naudit retention: pruneAuditLog removed ${prune.removed.toLocaleString('en-US')} of ${prune.entriesBefore.toLocaleString('en-US')} entries in ${prune.seconds.toFixed(1)} s — ${Math.round(prune.perSecond).toLocaleString('en-US')} entries/s`,
    );
}

module.exports = { measureAudit, reportAudit, readAuditOptions, fillAuditLog };
