// Times one findDuplicates run (the batch duplicate finder) over generated members. Not part of
// `npm run bench` and asserts nothing: it prints the figure.
//
//   npm run build && node scripts/bench/duplicates.js            (100,000 members)
//   DUPLICATES_MEMBERS=1000000 node scripts/bench/duplicates.js
//
// Uses the test PostgreSQL (SANGATHAN_TEST_PG_URL, or starts one as the jest setup does) and a
// database of its own, dropped at the end. Tree: state → 5 regions → 50 districts → 1,000 mandals →
// 10,000 booths. Members: Hindi names (given × surname) in Devanagari with random phones and birth
// dates; every 100th person is entered a second time in Latin letters in a booth of the same mandal,
// half of those with the same phone, as an import from another list would.
const { randomUUID } = require('node:crypto');
const { Client } = require('pg');
const common = require('../../services/common/dist');
const membership = require('../../services/membership/dist/service.js');
const { HINDI_NAMES } = require('../../services/membership/dist/seed/names.js');
const { nameKey } = require('../../services/membership/dist/modules/duplicate/name-key.js');
const globalSetup = require('../jest-global-setup');
const globalTeardown = require('../jest-global-teardown');

const MEMBERS = Number(process.env.DUPLICATES_MEMBERS ?? 100000);

async function main() {
  await globalSetup();
  const database = await common.createTestDatabase('duplicates_bench');
  const dataSource = membership.createMembershipDataSource(database.url);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const organizationId = randomUUID();
    const started = Date.now();
    await client.query(`SET session_replication_role = replica`); // no audit triggers for generated rows
    await client.query(
      `INSERT INTO organization (id, name, short_name, country, default_locale, unit_levels) VALUES ($1, 'Duplicates Bench', 'DB', 'IN', 'hi', '[]')`,
      [organizationId],
    );
    // Units level by level: n children per parent, path = parent path + own id.
    const level = async (name, parentLevel, perParent) => {
      await client.query(
        `INSERT INTO org_unit (organization_id, parent_id, level, name, name_latin, code, path, search_key)
         SELECT $1, p.id, $2, $2 || ' ' || p.code || '-' || i, $2 || ' ' || p.code || '-' || i, p.code || '-' || i, p.path || u.id, ''
           FROM org_unit p CROSS JOIN generate_series(1, $4::int) AS i CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id) u
          WHERE p.organization_id = $1 AND p.level = $3`,
        [organizationId, name, parentLevel, perParent],
      );
    };
    await client.query(
      `INSERT INTO org_unit (id, organization_id, level, name, name_latin, code, path, search_key) VALUES ($1, $2, 'state', 'UP', 'UP', 'UP', ARRAY[$1::uuid], '')`,
      [randomUUID(), organizationId],
    );
    await level('region', 'state', 5);
    await level('district', 'region', 10);
    await level('mandal', 'district', 20);
    await level('booth', 'mandal', 10);
    await client.query(
      `CREATE TEMP TABLE bench_booth AS SELECT row_number() OVER (ORDER BY id) - 1 AS idx, id, parent_id FROM org_unit WHERE level = 'booth'`,
    );

    const names = [];
    for (const given of [...HINDI_NAMES.male, ...HINDI_NAMES.female])
      for (const surname of HINDI_NAMES.surnames) {
        const fullName = `${given} ${surname}`;
        const latin = common.toLatin(fullName);
        names.push({ fullName, latin, key: nameKey(latin) });
      }
    await client.query(
      `CREATE TEMP TABLE bench_name AS SELECT (o - 1)::int AS idx, n, l, k FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(n, l, k, o)`,
      [names.map((n) => n.fullName), names.map((n) => n.latin), names.map((n) => n.key)],
    );
    await client.query(
      `INSERT INTO member (organization_id, full_name, full_name_latin, date_of_birth, phone, unit_id, membership_number, joined_on, search_key, name_key)
       SELECT $1, p.n, p.l, date '1950-01-01' + floor(random() * 19000)::int,
              '+9198' || lpad(floor(random() * 100000000)::text, 8, '0'), b.id, 'DB-' || s.g, date '2020-01-01', '', p.k
         FROM (SELECT g, floor(random() * $3)::int AS name_idx, floor(random() * 10000)::int AS booth_idx
                 FROM generate_series(1, $2::int) AS g) s
         JOIN bench_name p ON p.idx = s.name_idx
         JOIN bench_booth b ON b.idx = s.booth_idx`,
      [organizationId, MEMBERS, names.length],
    );
    // The twins: the Latin name (its name key as the service computes it), a booth of the same mandal.
    await client.query(
      `INSERT INTO member (organization_id, full_name, full_name_latin, date_of_birth, phone, unit_id, membership_number, joined_on, search_key, name_key)
       SELECT m.organization_id, m.full_name_latin, m.full_name_latin, CASE WHEN n % 3 = 0 THEN m.date_of_birth END,
              CASE WHEN n % 2 = 0 THEN m.phone END,
              (SELECT s.id FROM org_unit s WHERE s.parent_id = b.parent_id ORDER BY s.id LIMIT 1),
              m.membership_number || 'L', date '2020-01-01', '', m.name_key
         FROM (SELECT m.*, row_number() OVER (ORDER BY m.id) AS n FROM member m) m JOIN org_unit b ON b.id = m.unit_id
        WHERE m.n % 100 = 0`,
    );
    await client.query(`SET session_replication_role = origin`);
    await client.query(`VACUUM ANALYZE`);
    const [{ count }] = (await client.query(`SELECT count(*)::int AS count FROM member`)).rows;
    console.log(`generated ${count.toLocaleString('en-US')} members in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await client.end();

    const services = membership.createMembershipServices(dataSource);
    for (const label of ['first run', 'second run (decisions kept, scores refreshed)']) {
      const started = await services.duplicates.findDuplicates(organizationId);
      await services.duplicates.running;
      const run = await services.duplicates.getRun(started.id);
      const milliseconds = run.finishedAt - run.startedAt;
      if (run.status !== 'DONE') throw new Error(`the run ended ${run.status}`);
      console.log(
        `${label}: ${milliseconds.toLocaleString('en-US')} ms, ${run.pairsCompared.toLocaleString('en-US')} pairs compared, ` +
          `${run.pairsProposed.toLocaleString('en-US')} proposed, ${run.newPairs.toLocaleString('en-US')} new`,
      );
    }
    const planted = Math.floor(MEMBERS / 100);
    const [{ found }] = await dataSource.query(
      `SELECT count(*)::int AS found FROM duplicate_candidate d JOIN member a ON a.id = d.member_a_id JOIN member b ON b.id = d.member_b_id
        WHERE a.membership_number || 'L' = b.membership_number OR b.membership_number || 'L' = a.membership_number`,
    );
    console.log(`planted twins found: ${found.toLocaleString('en-US')} of ${planted.toLocaleString('en-US')}`);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await database.drop();
    await globalTeardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
