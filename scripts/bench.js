// `npm run bench`: the membership subgraph at Uttar Pradesh scale (160,000 booths, 500,000 members).
// Starts its own embedded PostgreSQL (data in .data/bench-postgres), generates the data in SQL, serves
// the subgraph in-process and measures real HTTP GraphQL requests. Prints figures and ratios, writes
// them to .data/bench-results.json, and never asserts timings.
//
// Quick run: BENCH_MEMBERS=20000 BENCH_BOOTHS=5000 npm run bench
// Other knobs: BENCH_MANDALS, BENCH_VIDHAN_SABHAS, BENCH_REPEAT (20), BENCH_WARMUP (2), BENCH_DEPTH
// (200000), BENCH_SLOW_MS (200), BENCH_PAGING=all,organization, BENCH_PG_SHARED_BUFFERS (1GB).
//
// Phases after the generation: BENCH_ONLY=members (the member, unit and paging queries), BENCH_ONLY=audit
// (the audit log, scripts/bench/audit.js), unset: both. Audit knobs: BENCH_AUDIT_ENTRIES (3000000 entries
// generated; 0: none), BENCH_AUDIT_ROUNDS (4) × BENCH_AUDIT_WRITES (10) of each mutation with the audit
// triggers on and off, BENCH_AUDIT_BULK_ROWS (10000, the raw SQL UPDATE), BENCH_AUDIT_PRUNE (1000000
// entries removed by the retention job; 0: skip), BENCH_AUDIT_SLOW_MS (50, plans printed above it).
// Quick audit run: BENCH_ONLY=audit BENCH_MEMBERS=20000 BENCH_BOOTHS=5000 BENCH_AUDIT_ENTRIES=200000 npm run bench
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const common = require('../services/common/dist');
const membership = require('../services/membership/dist/service.js');
const { generate, readOptions } = require('./bench/generate');
const { measure, CapturingQueryLog, fmt, table } = require('./bench/measure');
const { measureAudit, reportAudit, readAuditOptions } = require('./bench/audit');

const DATABASE = 'bench_membership';
const RESULTS_FILE = path.join(common.REPO_ROOT, '.data', 'bench-results.json');
const started = Date.now();
const log = (message = '') => console.log(message);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function benchOptions(env = process.env) {
  const generation = readOptions(env);
  const int = (name, fallback) => (env[name] ? Number.parseInt(env[name], 10) : fallback);
  const only = env.BENCH_ONLY || 'all';
  if (!['all', 'members', 'audit'].includes(only)) throw new Error(`BENCH_ONLY must be members or audit (or unset), got "${only}"`);
  return {
    generation,
    phases: { members: only !== 'audit', audit: only !== 'members' },
    audit: readAuditOptions(env),
    measure: {
      repeat: int('BENCH_REPEAT', 20),
      warmup: int('BENCH_WARMUP', 2),
      depth: Math.max(1, Math.min(int('BENCH_DEPTH', 200000), generation.members - 100)),
      slowMs: int('BENCH_SLOW_MS', 200),
      members: generation.members,
      pagingVariants: (env.BENCH_PAGING ?? 'all,organization')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    },
    sharedBuffers: env.BENCH_PG_SHARED_BUFFERS ?? '1GB',
  };
}

/** Resources to release on exit, newest first. */
const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    const [label, release] = cleanups.pop();
    try {
      await release();
    } catch (error) {
      console.error(`bench: could not ${label}: ${error.message}`);
    }
  }
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\nbench: ${signal}, stopping`);
    cleanup().finally(() => process.exit(130));
  });
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const options = benchOptions();
  log(
    `bench: membership subgraph at scale — ${options.generation.members.toLocaleString('en-US')} members, ${options.generation.booths.toLocaleString('en-US')} booths, ${options.generation.mandals} mandals, ${options.generation.vidhanSabhas} vidhan sabhas`,
  );
  log(`bench: node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, ${mb(os.totalmem())} RAM`);

  // 1. PostgreSQL and a fresh, migrated database
  const port = await freePort();
  const dataDir = path.join(common.REPO_ROOT, '.data', 'bench-postgres');
  const pg = await common.startEmbeddedPostgres(
    { port, dataDir, password: 'sangathan-bench' },
    {
      extraFlags: [
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        `shared_buffers=${options.sharedBuffers}`,
        '-c',
        'max_wal_size=4GB',
      ],
    },
  );
  cleanups.push(['stop PostgreSQL', () => pg.stop()]);
  if (!pg.startedHere) throw new Error(`port ${port} was taken by another server`);
  log(
    `bench: PostgreSQL on port ${port}, data in ${path.relative(common.REPO_ROOT, dataDir)} (fsync off, shared_buffers ${options.sharedBuffers}) [${elapsed()}]`,
  );

  const admin = new Client({ connectionString: common.withDatabase(pg.serverUrl, 'postgres') });
  await admin.connect();
  const {
    rows: [{ server_version: serverVersion }],
  } = await admin.query('SHOW server_version');
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();
  const url = common.withDatabase(pg.serverUrl, DATABASE);
  await common.ensureDatabaseExists(url);
  const migrator = membership.createMembershipDataSource(url);
  await migrator.initialize();
  const applied = await migrator.runMigrations();
  await migrator.destroy();
  log(`bench: database ${DATABASE} created, ${applied.length} migration(s) applied (PostgreSQL ${serverVersion}) [${elapsed()}]`);

  const client = new Client({ connectionString: url });
  // On Ctrl-C the embedded server may stop before this client is closed: report it, do not crash.
  client.on('error', (error) => console.error(`bench: SQL connection closed: ${error.message}`));
  await client.connect();
  cleanups.push(['close the SQL client', () => client.end()]);

  // 2. scale data
  log('bench: generating data');
  const generated = await generate(client, options.generation, (message) => log(`${message}`));

  // 3. the subgraph in-process, over real HTTP
  const queryLog = new CapturingQueryLog();
  const dataSource = membership.createMembershipDataSource(url, queryLog);
  await dataSource.initialize();
  cleanups.push(['close the service DataSource', () => dataSource.destroy()]);
  const keys = await common.testAuthKeys();
  const auth = { internalSecret: keys.internalSecret, jwksUrl: '', statusCacheMs: 2000, signing: keys.signing };
  // The offset-vs-keyset comparison pages past MAX_PAGE_OFFSET on purpose (a client gets BAD_USER_INPUT there).
  common.setServiceLimits({ maxPageOffset: Math.max(common.serviceLimits().maxPageOffset, options.measure.depth) });
  const server = await membership.startMembershipService({
    dataSource,
    port: 0,
    logger: common.createLogger('membership', 'silent'),
    auth,
  });
  cleanups.push(['stop the membership service', () => server.stop()]);
  // Requests as the gateway sends them, signed in as a superadmin.
  const superadmin = { email: 'bench@sangathan.test', password: `Measure-${Date.now()}-secret` };
  await membership.seedAccounts(dataSource, { adminEmail: superadmin.email, adminPassword: superadmin.password });
  const gatewaySecret = keys.internalSecret;
  const { data: signedIn } = await common.graphqlRequest(
    server.url,
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    superadmin,
    { gatewaySecret },
  );
  const requestOptions = { gatewaySecret, token: signedIn.login.accessToken };
  log(`\nbench: membership subgraph at ${server.url}; measuring [${elapsed()}]`);
  /** An account of `role` scoped to the given unit, signed in: the scope sections of the measurements ask as them. */
  const scopedAs = async (unitId, role = 'EDITOR') => {
    const email = `district.${role.toLowerCase()}@bench.test`;
    const input = { email, displayName: `District ${role.toLowerCase()}`, password: superadmin.password, role, scopeUnitId: unitId };
    await common.graphqlData(
      server.url,
      'mutation ($input: AccountInput!) { createAccount(input: $input) { id } }',
      { input },
      requestOptions,
    );
    const { login } = await common.graphqlData(
      server.url,
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password: superadmin.password },
      { gatewaySecret },
    );
    return login.accessToken;
  };
  const measured = !options.phases.members
    ? null
    : await measure({
        url: server.url,
        requestOptions,
        scopedAs,
        client,
        queryLog,
        organizationId: generated.organizationId,
        stateId: generated.stateId,
        options: options.measure,
        log,
      });

  // 4. the audit log: write overhead, queries at millions of entries, retention
  let audit = null;
  if (options.phases.audit) {
    log(`\nbench: audit log [${elapsed()}]`);
    const signIn = async () => {
      const { login } = await common.graphqlData(
        server.url,
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
        superadmin,
        { gatewaySecret },
      );
      return { gatewaySecret, token: login.accessToken };
    };
    audit = await measureAudit({
      url: server.url,
      signIn,
      adminOf: async (unitId) => ({ gatewaySecret, token: await scopedAs(unitId, 'ADMIN') }),
      client,
      dataSource,
      queryLog,
      organizationId: generated.organizationId,
      measureOptions: options.measure,
      options: options.audit,
      log,
    });
  }

  // 5. summary
  log('\n================================ SUMMARY ================================');
  log(
    `data: ${Object.entries(generated.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
      .join(', ')}`,
  );
  log(
    `generation: ${generated.timings.totalSeconds.toFixed(1)} s; HTTP requests: ${options.measure.repeat} timed (+${options.measure.warmup} warm-up) per query\n`,
  );
  const ratios = measured ? reportMembers(measured, generated, options) : [];
  if (audit) reportAudit(audit, log);

  const total = (Date.now() - started) / 1000;
  log(`\nbench: total runtime ${total.toFixed(1)} s (generation ${generated.timings.totalSeconds.toFixed(1)} s)`);

  const output = {
    finishedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      totalMemory: os.totalmem(),
      postgres: serverVersion,
      sharedBuffers: options.sharedBuffers,
    },
    options,
    data: {
      counts: generated.counts,
      timings: generated.timings,
      derivedColumnMismatches: generated.sampleMismatches,
      district: measured?.district,
    },
    results: measured?.results.map(({ samples, statements, ...rest }) => ({
      ...rest,
      samples: samples.map((s) => Number(s.toFixed(3))),
      sql: statements.map((s) => s.sql.replace(/\s+/g, ' ')),
    })),
    ratios,
    paging: measured?.paging,
    memory: measured?.memory,
    subtreeExplain: measured?.subtreeExplain,
    explained: measured?.explained,
    audit,
    totalSeconds: total,
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(output, null, 2)}\n`);
  log(`bench: results written to ${path.relative(common.REPO_ROOT, RESULTS_FILE)}`);
}

/** The member phase's part of the summary; returns its ratios. */
function reportMembers(measured, generated, options) {
  const byKey = Object.fromEntries(measured.results.map((result) => [result.key, result]));
  log(
    table(measured.results, [
      { title: 'query', value: (r) => r.label },
      { title: 'median ms', value: (r) => fmt(r.median), right: true },
      { title: 'p95 ms', value: (r) => fmt(r.p95), right: true },
      { title: 'min ms', value: (r) => fmt(r.min), right: true },
      { title: 'SQL', value: (r) => r.statementCount, right: true },
      { title: 'result', value: (r) => r.value },
    ]),
  );

  const ratios = [];
  const ratio = (label, a, b) => {
    if (byKey[a] && byKey[b]) ratios.push({ label, value: byKey[a].median / byKey[b].median, a: byKey[a].median, b: byKey[b].median });
  };
  for (const variant of options.measure.pagingVariants) {
    const suffix = variant === 'organization' ? ' [filter organizationId]' : ' [no filter]';
    ratio(`offset@${options.measure.depth} / keyset@${options.measure.depth}${suffix}`, `offsetDeep${variant}`, `keysetDeep${variant}`);
    ratio(`keyset@${options.measure.depth} / page 1${suffix}`, `keysetDeep${variant}`, `firstPage${variant}`);
    ratio(`keyset@${options.measure.depth} / keyset page 2${suffix}`, `keysetDeep${variant}`, `keysetSecond${variant}`);
    ratio(`offset@${options.measure.depth} / page 1${suffix}`, `offsetDeep${variant}`, `firstPage${variant}`);
  }
  ratio(
    `subtree count state / district (booths ${generated.counts.booth} vs ${measured.district.booths})`,
    'subtreeState',
    'subtreeDistrict',
  );
  ratio('descendantCount state / district', 'descendantCountState', 'descendantCountDistrict');
  ratio('members within state / within district', 'membersWithinState', 'membersWithinDistrict');
  ratio('[district editor] members (scope) / superadmin members withinUnit district', 'scopedMembers', 'membersWithinDistrict');
  ratio('[district editor] booths total (scope) / superadmin withinUnit district', 'scopedBooths', 'subtreeDistrict');
  ratio('[district editor] search "sanjay" / superadmin search', 'scopedSearch', 'searchName');
  ratio('[district editor] _entities 500 / superadmin _entities 500', 'scopedEntities', 'entities500');
  log('\nratios (of medians)');
  log(
    table(ratios, [
      { title: 'ratio', value: (r) => r.label },
      { title: 'value', value: (r) => `${r.value.toFixed(2)}x`, right: true },
      { title: 'medians ms', value: (r) => `${fmt(r.a)} / ${fmt(r.b)}`, right: true },
    ]),
  );
  for (const [variant, paging] of Object.entries(measured.paging))
    log(`offset page == keyset page at depth ${paging.depth} [${variant}]: ${paging.samePageOffsetAndKeyset ? 'yes' : 'NO'}`);

  const entities = byKey.entities500;
  log(
    `\n_entities: ${entities.value} in ${fmt(entities.median)} ms median (${fmt(entities.median / 500)} ms per reference), ${entities.statementCount} SQL statements: ${JSON.stringify(entities.statementsPerType)}`,
  );
  const { before, after, peakRss } = measured.memory;
  log(
    `memory (bench + service process): RSS ${mb(before.rss)} before HTTP phase, ${mb(after.rss)} after (peak ${mb(peakRss)}); heap used ${mb(before.heapUsed)} → ${mb(after.heapUsed)}`,
  );
  for (const [name, plan] of Object.entries(measured.subtreeExplain)) {
    log(
      `subtree count (${name}): GIN index org_unit_path ${plan.indexes.includes('org_unit_path') ? 'USED' : 'not used'}; indexes ${plan.indexes.join(', ') || 'none'}${plan.seqScans.length ? `; seq scan on ${plan.seqScans.join(', ')}` : ''}; ${fmt(plan.executionMs)} ms in PostgreSQL`,
    );
  }

  log('\nper-statement PostgreSQL time (EXPLAIN ANALYZE of the SQL each request ran)');
  for (const [key, plans] of Object.entries(measured.explained)) {
    log(`  ${byKey[key].label} — HTTP median ${fmt(byKey[key].median)} ms`);
    for (const plan of plans)
      log(
        `    ${fmt(plan.executionMs).padStart(7)} ms  ${plan.indexes.length ? `idx ${plan.indexes.join(',')}` : ''}${plan.seqScans.length ? ` seq ${plan.seqScans.join(',')}` : ''}  ${plan.sql.slice(0, 200)}${plan.sql.length > 200 ? '…' : ''}`,
      );
  }
  const slow = measured.results.filter((result) => result.median > options.measure.slowMs && result.key !== 'entities500');
  log(`\nslow (median > ${options.measure.slowMs} ms): ${slow.length ? slow.map((r) => r.label).join('; ') : 'none'}`);
  for (const result of slow) {
    log(`\n--- ${result.label}: median ${fmt(result.median)} ms`);
    for (const plan of measured.explained[result.key] ?? []) {
      log(`  ${plan.sql}`);
      log(`  parameters ${JSON.stringify(plan.parameters)}`);
      for (const line of plan.plan) log(`  | ${line}`);
    }
  }

  return ratios;
}

main()
  .then(() => cleanup())
  .then(() => {
    if (!interrupted) process.exit(0);
  })
  .catch(async (error) => {
    if (interrupted) return; // the signal handler cleans up and exits
    console.error(`bench: failed: ${error.stack ?? error}`);
    await cleanup();
    process.exit(1);
  });
