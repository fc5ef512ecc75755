// Measurements over real HTTP GraphQL against the in-process membership subgraph. Prints figures and
// ratios; never asserts timings. Every query's SQL is captured (QueryLog) so slow ones can be EXPLAINed
// exactly as the service ran them.
const common = require('../../services/common/dist');

/** The common QueryLog, also keeping each statement's parameters (for EXPLAIN of the exact statement). */
class CapturingQueryLog extends common.QueryLog {
  constructor() {
    super();
    this.parameters = [];
  }
  logQuery(query, parameters) {
    super.logQuery(query);
    this.parameters.push(parameters ?? []);
  }
  clear() {
    super.clear();
    this.parameters.length = 0;
  }
  statements() {
    return this.queries.map((sql, index) => ({ sql, parameters: this.parameters[index] }));
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, p95: percentile(sorted, 95), min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/** "SELECT <long column list> FROM" → "SELECT … FROM", whitespace folded: for display only. */
function shortSql(sql) {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/^SELECT (?:DISTINCT )?"\w+"\."\w+" AS "\w+".*? FROM/, 'SELECT … FROM')
    .trim();
}

/** "SELECT member": the verb and main table of a statement, for per-type statement counts. */
function statementType(sql) {
  const verb = sql.trim().split(/\s+/)[0].toUpperCase();
  const table = /\bFROM\s+"?(\w+)"?/i.exec(sql)?.[1] ?? /\b(?:INTO|UPDATE)\s+"?(\w+)"?/i.exec(sql)?.[1] ?? '?';
  return `${verb} ${table}`;
}

async function explain(client, statement) {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.parameters);
  const plan = rows.map((row) => row['QUERY PLAN']);
  const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1]);
  const indexes = [
    ...new Set(
      plan.flatMap((line) =>
        [...line.matchAll(/(?:Index(?: Only)? Scan(?: Backward)?|Bitmap Index Scan) (?:using |on )?(\w+)/g)].map((m) => m[1]),
      ),
    ),
  ];
  const seqScans = [...new Set(plan.flatMap((line) => [...line.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1])))];
  return { sql: shortSql(statement.sql), parameters: statement.parameters, executionMs, indexes, seqScans, plan };
}

/** A plain-text table with a header line. */
function table(rows, columns) {
  const widths = columns.map((column) => Math.max(column.title.length, ...rows.map((row) => String(column.value(row)).length)));
  const line = (cells) =>
    cells.map((cell, i) => (columns[i].right ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join('  ');
  return [
    line(columns.map((c) => c.title)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((row) => line(columns.map((c) => c.value(row)))),
  ].join('\n');
}

const fmt = (ms) => (ms === undefined || Number.isNaN(ms) ? '-' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

async function measure({ url, requestOptions, scopedAs, client, queryLog, organizationId, stateId, options, log }) {
  const repeat = options.repeat;
  const warmup = options.warmup;
  const results = [];
  const memory = { before: process.memoryUsage() };
  let peakRss = memory.before.rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);

  async function request(query, variables, as = requestOptions) {
    const response = await common.graphqlRequest(url, query, variables, as);
    if (response.errors?.length) throw new Error(`GraphQL errors for ${query}: ${JSON.stringify(response.errors)}`);
    return response.data;
  }

  /** Times `repeat` requests after `warmup` unmeasured ones; keeps the SQL of the last request. */
  async function bench(key, label, query, variables, describe, times = repeat, as = requestOptions) {
    for (let i = 0; i < warmup; i++) await request(query, variables, as);
    const samples = [];
    let data;
    for (let i = 0; i < times; i++) {
      queryLog.clear();
      const t = performance.now();
      data = await request(query, variables, as);
      samples.push(performance.now() - t);
    }
    const statements = queryLog.statements();
    const result = { key, label, ...stats(samples), samples, value: describe(data), statementCount: statements.length, statements };
    results.push(result);
    log(`  ${label.padEnd(58)} median ${fmt(result.median).padStart(7)} ms  p95 ${fmt(result.p95).padStart(7)} ms  ${result.value}`);
    return { result, data };
  }

  const {
    rows: [district],
  } = await client.query(
    `SELECT u.id, u.name_latin, (SELECT count(*) FROM org_unit b WHERE b.path @> ARRAY[u.id] AND b.level = 'booth')::int AS booths
       FROM org_unit u WHERE u.organization_id = $1 AND u.code = 'UP-D-LUCKNOW'`,
    [organizationId],
  );
  log(`  district used: ${district.name_latin} (${district.booths} booths); repeat ${repeat}, warmup ${warmup}`);

  // a. subtree counts through the org-unit list
  const subtreeQuery = `query ($unit: ID!) { orgUnits(filter: { withinUnit: $unit, levels: ["booth"] }) { total } }`;
  const subtreeDistrict = await bench(
    'subtreeDistrict',
    `a. orgUnits withinUnit district, booths: total`,
    subtreeQuery,
    { unit: district.id },
    (d) => `total ${d.orgUnits.total}`,
  );
  const subtreeState = await bench(
    'subtreeState',
    `a. orgUnits withinUnit state, booths: total`,
    subtreeQuery,
    { unit: stateId },
    (d) => `total ${d.orgUnits.total}`,
  );

  // b. descendantCount field (batched DataLoader)
  const countQuery = `query ($id: ID!) { orgUnit(id: $id) { descendantCount(level: "booth") } }`;
  await bench(
    'descendantCountState',
    `b. orgUnit(state).descendantCount(booth)`,
    countQuery,
    { id: stateId },
    (d) => `count ${d.orgUnit.descendantCount}`,
  );
  await bench(
    'descendantCountDistrict',
    `b. orgUnit(district).descendantCount(booth)`,
    countQuery,
    { id: district.id },
    (d) => `count ${d.orgUnit.descendantCount}`,
  );

  // c. members within a unit
  const withinQuery = `query ($unit: ID!) { members(filter: { withinUnit: $unit }, page: { limit: 50 }) { total items { id } } }`;
  await bench(
    'membersWithinDistrict',
    `c. members withinUnit district, limit 50`,
    withinQuery,
    { unit: district.id },
    (d) => `total ${d.members.total}, ${d.members.items.length} items`,
  );
  await bench(
    'membersWithinState',
    `c. members withinUnit state, limit 50`,
    withinQuery,
    { unit: stateId },
    (d) => `total ${d.members.total}, ${d.members.items.length} items`,
  );

  // d. deep paging: offset vs keyset (cursor built from the row just before the target depth)
  const depth = options.depth;
  const pageQuery = `query ($page: PageInput, $filter: MemberFilter) { members(filter: $filter, page: $page) { total nextCursor items { id fullNameLatin } } }`;
  const paging = {};
  for (const variant of options.pagingVariants) {
    const filter = variant === 'organization' ? { organizationId } : undefined;
    const suffix = variant === 'organization' ? ' (filter organizationId)' : '';
    const {
      rows: [before],
    } = await client.query(
      `SELECT id, full_name_latin FROM member WHERE deleted_at IS NULL ${filter ? 'AND organization_id = $2' : ''}
        ORDER BY full_name_latin ASC NULLS LAST, id ASC NULLS LAST OFFSET $1 LIMIT 1`,
      filter ? [depth - 1, organizationId] : [depth - 1],
    );
    const cursor = Buffer.from(JSON.stringify([before.full_name_latin, before.id])).toString('base64url');
    const first = await bench(
      `firstPage${variant}`,
      `d. members page 1, limit 50${suffix}`,
      pageQuery,
      { page: { limit: 50 }, filter },
      (d) => `total ${d.members.total}`,
    );
    const offset = await bench(
      `offsetDeep${variant}`,
      `d. members offset ${depth.toLocaleString('en-US')}, limit 50${suffix}`,
      pageQuery,
      { page: { limit: 50, offset: depth }, filter },
      (d) => `first ${d.members.items[0]?.fullNameLatin}`,
    );
    const keyset = await bench(
      `keysetDeep${variant}`,
      `d. members after cursor @${depth.toLocaleString('en-US')}, limit 50${suffix}`,
      pageQuery,
      { page: { limit: 50, after: cursor }, filter },
      (d) => `first ${d.members.items[0]?.fullNameLatin}`,
    );
    const same = JSON.stringify(offset.data.members.items.map((i) => i.id)) === JSON.stringify(keyset.data.members.items.map((i) => i.id));
    // Keyset continuation from page 1's own cursor (what a client walking the list does).
    const second = await bench(
      `keysetSecond${variant}`,
      `d. members after page-1 cursor, limit 50${suffix}`,
      pageQuery,
      { page: { limit: 50, after: first.data.members.nextCursor }, filter },
      (d) => `first ${d.members.items[0]?.fullNameLatin}`,
    );
    paging[variant] = {
      depth,
      samePageOffsetAndKeyset: same,
      offsetOverKeysetAtDepth: offset.result.median / keyset.result.median,
      keysetDeepOverFirstPage: keyset.result.median / first.result.median,
      keysetDeepOverKeysetSecondPage: keyset.result.median / second.result.median,
      offsetDeepOverFirstPage: offset.result.median / first.result.median,
    };
    log(`  offset page == keyset page at depth ${depth}: ${same ? 'yes' : 'NO'}`);
  }

  // e. search
  const searchQuery = `query ($q: String!) { members(filter: { q: $q }, page: { limit: 20 }) { total items { id } } }`;
  await bench('searchName', `e. members q "sanjay", limit 20`, searchQuery, { q: 'sanjay' }, (d) => `total ${d.members.total}`);
  await bench('searchNameDevanagari', `e. members q "संजय राय", limit 20`, searchQuery, { q: 'संजय राय' }, (d) => `total ${d.members.total}`);
  const {
    rows: [someone],
  } = await client.query(`SELECT phone FROM member WHERE membership_number = $1`, [
    `BP-${String(Math.max(1, Math.floor(options.members / 3))).padStart(7, '0')}`,
  ]);
  const phoneDigits = someone.phone.replace(/^\+91/, '');
  await bench(
    'searchPhone',
    `e. members q "${phoneDigits}" (phone), limit 20`,
    searchQuery,
    { q: phoneDigits },
    (d) => `total ${d.members.total}`,
  );

  // f. federation reference batching
  const { rows: sampleMembers } = await client.query(`SELECT id FROM member TABLESAMPLE SYSTEM (5) LIMIT 500`);
  const representations = sampleMembers.map((row) => ({ __typename: 'Member', id: row.id }));
  const entitiesQuery = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id fullName unit { id name level } organization { id shortName } } } }`;
  const entities = await bench(
    'entities500',
    `f. _entities, ${representations.length} Member refs (+unit, organization)`,
    entitiesQuery,
    { r: representations },
    (d) => `${d._entities.filter(Boolean).length} resolved`,
  );
  const perType = {};
  for (const statement of entities.result.statements)
    perType[statementType(statement.sql)] = (perType[statementType(statement.sql)] ?? 0) + 1;
  entities.result.statementsPerType = perType;
  log(`  _entities SQL statements: ${entities.result.statementCount} ${JSON.stringify(perType)}`);

  // g. the cost of scope: the same questions asked by an editor of that district (the scope is enforced
  // in SQL), next to the superadmin asking with an explicit withinUnit filter (above).
  if (scopedAs) {
    const token = await scopedAs(district.id);
    const as = { ...requestOptions, token };
    await bench(
      'scopedMembers',
      `g. [district editor] members, limit 50 (scope only)`,
      `{ members(page: { limit: 50 }) { total items { id } } }`,
      {},
      (d) => `total ${d.members.total}, ${d.members.items.length} items`,
      repeat,
      as,
    );
    await bench(
      'scopedBooths',
      `g. [district editor] orgUnits booths: total`,
      `{ orgUnits(filter: { levels: ["booth"] }) { total } }`,
      {},
      (d) => `total ${d.orgUnits.total}`,
      repeat,
      as,
    );
    await bench(
      'scopedSearch',
      `g. [district editor] members q "sanjay", limit 20`,
      searchQuery,
      { q: 'sanjay' },
      (d) => `total ${d.members.total}`,
      repeat,
      as,
    );
    await bench(
      'scopedEntities',
      `g. [district editor] _entities, ${representations.length} Member refs`,
      entitiesQuery,
      { r: representations },
      (d) => `${d._entities.filter(Boolean).length} resolved (the rest outside the scope)`,
      repeat,
      as,
    );
  }

  clearInterval(sampler);
  memory.after = process.memoryUsage();
  memory.peakRss = Math.max(peakRss, memory.after.rss);

  // EXPLAIN of the subtree queries as the service ran them.
  const subtreeExplain = {};
  for (const [name, run] of [
    ['district', subtreeDistrict],
    ['state', subtreeState],
  ]) {
    const statement = run.result.statements.find((s) => /path" @>/.test(s.sql));
    const plan = await explain(client, statement);
    subtreeExplain[name] = plan;
    log(
      `\nEXPLAIN (ANALYZE, BUFFERS) subtree count, ${name}: GIN index org_unit_path used: ${plan.indexes.includes('org_unit_path') ? 'YES' : 'no'}` +
        (plan.seqScans.length ? ` (seq scan on ${plan.seqScans.join(', ')})` : ''),
    );
    log(`  ${plan.sql}  -- parameters ${JSON.stringify(plan.parameters)}`);
    for (const line of plan.plan) log(`  | ${line}`);
  }

  // Per-statement times for paging (total count vs the page itself), and EXPLAIN of anything slow.
  const explained = {};
  for (const result of results) {
    const wanted = result.median > options.slowMs || /^(offsetDeep|keysetDeep|firstPage)/.test(result.key);
    if (!wanted || result.key === 'entities500') continue;
    explained[result.key] = [];
    for (const statement of result.statements) explained[result.key].push(await explain(client, statement));
  }

  return {
    district: { id: district.id, name: district.name_latin, booths: district.booths },
    results,
    paging,
    memory,
    subtreeExplain,
    explained,
    phoneDigits,
  };
}

module.exports = { measure, CapturingQueryLog, fmt, shortSql, stats, explain, table };
