// Scale data for the membership benchmark, generated in SQL: one party organisation in Uttar Pradesh
// (state → 6 regions → 18 divisions → 75 districts, real; then 403 vidhan sabhas, ~1,500 mandals and
// 160,000 booths, generated) and ~500,000 members spread over the booths.
//
// Names are built from the demo seed's pools; their Latin forms and search keys are computed once per
// pool entry with the same toLatin/searchKey functions the services use, and joined in SQL. A sample of
// the generated rows is re-derived in JavaScript afterwards to prove the SQL built the same values.
const { randomUUID } = require('node:crypto');
const common = require('../../services/common/dist');
const {
  HINDI_NAMES,
  URDU_NAMES,
  BOOTH_VENUES,
  BOOTH_LOCALITIES,
  DEMO_CONSTITUENCIES,
} = require('../../services/membership/dist/seed/names.js');
const { UTTAR_PRADESH } = require('../../services/membership/dist/seed/reference-units.js');

const { toLatin, searchKey } = common;
const { nameKey } = require('../../services/membership/dist/modules/duplicate/name-key.js');

const LEVELS = [
  { key: 'state', label: 'State', rank: 0 },
  { key: 'region', label: 'Region', rank: 1 },
  { key: 'division', label: 'Division', rank: 2 },
  { key: 'district', label: 'District', rank: 3 },
  { key: 'vidhan_sabha', label: 'Vidhan Sabha constituency', rank: 5 },
  { key: 'mandal', label: 'Mandal', rank: 7 },
  { key: 'booth', label: 'Booth', rank: 9 },
];

/** Suffixes that tell a district's assembly constituencies apart, as real ones do ("Lucknow West"). */
const CONSTITUENCY_SUFFIXES = [
  ['उत्तर', 'North'],
  ['दक्षिण', 'South'],
  ['पूर्व', 'East'],
  ['पश्चिम', 'West'],
  ['मध्य', 'Central'],
  ['ग्रामीण', 'Rural'],
  ['शहर', 'Urban'],
  ['कैंट', 'Cantonment'],
];

const MOBILE_PREFIXES = [
  '98',
  '99',
  '97',
  '96',
  '94',
  '93',
  '91',
  '90',
  '89',
  '88',
  '87',
  '81',
  '80',
  '79',
  '78',
  '76',
  '75',
  '73',
  '70',
  '63',
  '62',
];

function codeSlug(latin) {
  return latin
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Search key of a text, split so SQL can assemble "name words, then Latin words" exactly as searchKey(`${name} ${latin}`). */
const key = (text) => searchKey(text);

function readOptions(env = process.env) {
  const number = (name, fallback) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    return value;
  };
  const booths = number('BENCH_BOOTHS', 160000);
  const mandals = Math.min(number('BENCH_MANDALS', 1500), booths);
  const vidhanSabhas = Math.min(number('BENCH_VIDHAN_SABHAS', 403), mandals);
  return { members: number('BENCH_MEMBERS', 500000), booths, mandals, vidhanSabhas };
}

/** Secondary indexes of a table that back no constraint (the primary key stays). */
async function secondaryIndexes(client, tables) {
  const { rows } = await client.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY c.relname`,
    [tables],
  );
  return rows;
}

/**
 * Fills an empty, migrated membership database. `client` is a connected pg Client (superuser, so foreign
 * key triggers can be skipped during the load: the rows are consistent by construction).
 */
async function generate(client, options, log) {
  const started = Date.now();
  const step = async (label, work) => {
    const t = Date.now();
    const result = await work();
    log(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return result;
  };
  const timings = {};

  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SET max_parallel_maintenance_workers = 2`);
  // Replica mode skips the foreign-key checks and every ordinary trigger, the audit triggers included, on
  // purpose: through them the load would write one audit entry per unit and member, all from a handful of
  // statements by one actor at one moment, which is neither realistic history nor what the member queries
  // measure. The audit phase (BENCH_ONLY=audit) generates realistic history of its own instead.
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SELECT setseed(0.2021)`);

  // Bulk loads are much faster into unindexed tables; the exact definitions are recreated afterwards.
  const indexes = await secondaryIndexes(client, ['org_unit', 'member']);
  await step(`dropped ${indexes.length} secondary indexes for the load`, async () => {
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  });

  const organizationId = randomUUID();
  await client.query(
    `INSERT INTO organization (id, name, short_name, country, default_locale, unit_levels, member_sequence)
     VALUES ($1, 'Bench Party Uttar Pradesh', 'BP', 'IN', 'hi', $2::jsonb, $3)`,
    [organizationId, JSON.stringify(LEVELS), options.members],
  );

  // --- state, regions, divisions, districts: the real reference units --------------------------------
  const top = [];
  const addUnit = (parent, level, code, name, nameLatin) => {
    const id = randomUUID();
    const unit = {
      id,
      parentId: parent?.id ?? null,
      level,
      name,
      nameLatin,
      code,
      path: [...(parent?.path ?? []), id],
      nameKey: key(name),
      latinKey: key(nameLatin),
    };
    top.push(unit);
    return unit;
  };
  const state = addUnit(null, 'state', 'UP', UTTAR_PRADESH.name, UTTAR_PRADESH.nameLatin);
  const districts = [];
  UTTAR_PRADESH.regions.forEach((region, r) => {
    const regionUnit = addUnit(state, 'region', `UP-R${r + 1}`, region.name, region.nameLatin);
    for (const division of region.divisions) {
      const divisionUnit = addUnit(regionUnit, 'division', `UP-DV-${codeSlug(division.nameLatin)}`, division.name, division.nameLatin);
      for (const district of division.districts) {
        districts.push(addUnit(divisionUnit, 'district', `UP-D-${codeSlug(district.nameLatin)}`, district.name, district.nameLatin));
      }
    }
  });
  await step(
    `state, ${top.filter((u) => u.level === 'region').length} regions, ${top.filter((u) => u.level === 'division').length} divisions, ${districts.length} districts`,
    () =>
      client.query(
        `INSERT INTO org_unit (id, organization_id, parent_id, level, name, name_latin, code, path, search_key)
       SELECT u.id, $1, u.parent_id, u.level, u.name, u.name_latin, u.code, u.path::uuid[], u.search_key
         FROM json_to_recordset($2::json) AS u(id uuid, parent_id uuid, level text, name text, name_latin text, code text, path text[], search_key text)`,
        [
          organizationId,
          JSON.stringify(
            top.map((u) => ({
              id: u.id,
              parent_id: u.parentId,
              level: u.level,
              name: u.name,
              name_latin: u.nameLatin,
              code: u.code,
              path: u.path,
              search_key: `${u.nameKey} ${u.latinKey}`,
            })),
          ),
        ],
      ),
  );

  // Parents of each generated level, numbered 0..n-1: child g of n goes under parent floor(g * parents / n).
  await client.query(
    `CREATE TEMP TABLE bench_district AS
     SELECT (row_number() OVER (ORDER BY d.ord) - 1)::int AS idx, u.id, u.path, u.code, u.name, u.name_latin,
            d.name_key, d.latin_key
       FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS d(id, name_key, latin_key, ord)
       JOIN org_unit u ON u.id = d.id`,
    [districts.map((d) => d.id), districts.map((d) => d.nameKey), districts.map((d) => d.latinKey)],
  );

  // --- vidhan sabhas: "<district> <direction>", e.g. "लखनऊ पश्चिम" / "Lucknow West" --------------------
  await step(`${options.vidhanSabhas} vidhan sabhas`, async () => {
    await client.query(
      `CREATE TEMP TABLE bench_vs AS
       SELECT g AS idx, gen_random_uuid() AS id, d.id AS parent_id, d.path AS parent_path, d.code AS parent_code,
              d.name AS parent_name, d.name_latin AS parent_latin, d.name_key AS parent_name_key, d.latin_key AS parent_latin_key,
              row_number() OVER (PARTITION BY d.idx ORDER BY g)::int AS k
         FROM generate_series(0, $1::int - 1) AS g
         JOIN bench_district d ON d.idx = (g::bigint * $2::int / $1::int)::int`,
      [options.vidhanSabhas, districts.length],
    );
    await client.query(
      `INSERT INTO org_unit (id, organization_id, parent_id, level, name, name_latin, code, path, search_key)
       SELECT v.id, $1, v.parent_id, 'vidhan_sabha',
              v.parent_name || ' ' || s.name || CASE WHEN v.k > $5 THEN ' ' || v.k ELSE '' END,
              v.parent_latin || ' ' || s.latin || CASE WHEN v.k > $5 THEN ' ' || v.k ELSE '' END,
              v.parent_code || '-VS' || v.k,
              v.parent_path || v.id,
              v.parent_name_key || ' ' || s.name_key || CASE WHEN v.k > $5 THEN ' ' || v.k ELSE '' END
                || ' ' || v.parent_latin_key || ' ' || s.latin_key || CASE WHEN v.k > $5 THEN ' ' || v.k ELSE '' END
         FROM bench_vs v
         JOIN unnest($2::text[], $3::text[], $4::text[], $6::text[]) WITH ORDINALITY AS s(name, latin, name_key, latin_key, ord)
           ON s.ord = 1 + (v.k - 1) % $5`,
      [
        organizationId,
        CONSTITUENCY_SUFFIXES.map(([name]) => name),
        CONSTITUENCY_SUFFIXES.map(([, latin]) => latin),
        CONSTITUENCY_SUFFIXES.map(([name]) => key(name)),
        CONSTITUENCY_SUFFIXES.length,
        CONSTITUENCY_SUFFIXES.map(([, latin]) => key(latin)),
      ],
    );
  });

  // --- mandals: "<locality> मंडल" ---------------------------------------------------------------------
  const places = [
    ...new Set([...Object.values(DEMO_CONSTITUENCIES).flatMap((list) => list.flatMap((c) => c.mandals)), ...BOOTH_LOCALITIES]),
  ];
  const mandalNames = places.map((place) => `${place} मंडल`);
  const mandalLatins = mandalNames.map((name) => toLatin(name));
  await step(`${options.mandals} mandals`, async () => {
    await client.query(
      `CREATE TEMP TABLE bench_mandal AS
       SELECT g AS idx, gen_random_uuid() AS id, v.idx AS vs_idx, v.id AS parent_id, v.parent_path || v.id AS parent_path,
              v.parent_code || '-VS' || v.k AS parent_code,
              row_number() OVER (PARTITION BY v.idx ORDER BY g)::int AS k
         FROM generate_series(0, $1::int - 1) AS g
         JOIN bench_vs v ON v.idx = (g::bigint * $2::int / $1::int)::int`,
      [options.mandals, options.vidhanSabhas],
    );
    await client.query(
      `INSERT INTO org_unit (id, organization_id, parent_id, level, name, name_latin, code, path, search_key)
       SELECT m.id, $1, m.parent_id, 'mandal', p.name, p.latin, m.parent_code || '-M' || m.k, m.parent_path || m.id, p.search_key
         FROM bench_mandal m
         JOIN unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS p(name, latin, search_key, ord)
           ON p.ord = 1 + (m.idx * 7) % $5`,
      [organizationId, mandalNames, mandalLatins, mandalNames.map((name, i) => `${key(name)} ${key(mandalLatins[i])}`), mandalNames.length],
    );
  });

  // --- booths: "बूथ <n> – <venue> <locality>", numbered through the constituency, as in the demo seed ---
  const buildings = BOOTH_VENUES.flatMap((venue) => BOOTH_LOCALITIES.map((locality) => `${venue} ${locality}`));
  const buildingLatins = buildings.map((building) => toLatin(building));
  const boothWord = 'बूथ';
  await step(`${options.booths} booths`, async () => {
    await client.query(
      `CREATE TEMP TABLE bench_booth AS
       SELECT g AS idx, gen_random_uuid() AS id, m.id AS parent_id, m.parent_path || m.id AS parent_path,
              m.parent_code || '-M' || m.k AS parent_code,
              row_number() OVER (PARTITION BY m.vs_idx ORDER BY g)::int AS n
         FROM generate_series(0, $1::int - 1) AS g
         JOIN bench_mandal m ON m.idx = (g::bigint * $2::int / $1::int)::int`,
      [options.booths, options.mandals],
    );
    await client.query(`ALTER TABLE bench_booth ADD PRIMARY KEY (idx)`);
    await client.query(
      `INSERT INTO org_unit (id, organization_id, parent_id, level, name, name_latin, code, path, search_key)
       SELECT b.id, $1, b.parent_id, 'booth',
              $2 || ' ' || b.n || ' – ' || p.name,
              $3 || ' ' || b.n || ' – ' || p.latin,
              b.parent_code || '-B' || lpad(b.n::text, 3, '0'),
              b.parent_path || b.id,
              $4 || ' ' || b.n || ' ' || p.name_key || ' ' || $5 || ' ' || b.n || ' ' || p.latin_key
         FROM bench_booth b
         JOIN unnest($6::text[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY AS p(name, latin, name_key, latin_key, ord)
           ON p.ord = 1 + (b.idx::bigint * 7919) % $10`,
      [
        organizationId,
        boothWord,
        toLatin(boothWord),
        key(boothWord),
        key(toLatin(boothWord)),
        buildings,
        buildingLatins,
        buildings.map(key),
        buildingLatins.map(key),
        buildings.length,
      ],
    );
  });
  timings.unitsSeconds = (Date.now() - started) / 1000;

  // --- members -----------------------------------------------------------------------------------------
  const pool = [];
  const addPeople = (names, gender) => {
    for (const given of gender === 'MALE' ? names.male : names.female) {
      for (const surname of names.surnames) {
        const fullName = `${given} ${surname}`;
        const latin = toLatin(fullName);
        pool.push({
          fullName,
          latin,
          searchKey: searchKey(`${fullName} ${latin}`),
          nameKey: nameKey(latin),
          gender,
          emailLocal: latin
            .toLowerCase()
            .replace(/[^a-z\s]/g, '')
            .trim()
            .split(/\s+/)
            .join('.'),
        });
      }
    }
  };
  for (let i = 0; i < 8; i++) {
    // Hindi names about 8 times as often as Urdu names, roughly as in the demo data.
    addPeople(HINDI_NAMES, 'MALE');
    addPeople(HINDI_NAMES, 'FEMALE');
    if (i === 0) {
      addPeople(URDU_NAMES, 'MALE');
      addPeople(URDU_NAMES, 'FEMALE');
    }
  }
  await client.query(
    `CREATE TEMP TABLE bench_pool AS
     SELECT (ord - 1)::int AS idx, full_name, full_name_latin, search_key, gender, email_local, name_key
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS p(full_name, full_name_latin, search_key, gender, email_local, name_key, ord)`,
    [
      pool.map((p) => p.fullName),
      pool.map((p) => p.latin),
      pool.map((p) => p.searchKey),
      pool.map((p) => p.gender),
      pool.map((p) => p.emailLocal),
      pool.map((p) => p.nameKey),
    ],
  );
  await client.query(`ALTER TABLE bench_pool ADD PRIMARY KEY (idx)`);

  const memberStarted = Date.now();
  const chunk = 100000;
  for (let from = 1; from <= options.members; from += chunk) {
    const to = Math.min(options.members, from + chunk - 1);
    await client.query(
      `INSERT INTO member (organization_id, full_name, full_name_latin, gender, date_of_birth, phone, email, unit_id,
                           membership_number, joined_on, status, tags, search_key, name_key)
       SELECT $1, p.full_name, p.full_name_latin, p.gender,
              date '1950-01-01' + ((s.g * 7919) % 19700)::int,
              '+91' || ($5::text[])[1 + s.g % 21] || lpad(((s.g * 48271) % 100000000)::text, 8, '0'),
              CASE WHEN s.g % 5 < 2 THEN p.email_local || s.g || '@example.org' END,
              b.id,
              'BP-' || lpad(s.g::text, 7, '0'),
              date '2005-01-01' + ((s.g * 104729) % 7000)::int,
              CASE WHEN s.g % 100 < 88 THEN 'ACTIVE' WHEN s.g % 100 < 94 THEN 'LAPSED' WHEN s.g % 100 < 96 THEN 'SUSPENDED'
                   WHEN s.g % 100 < 98 THEN 'RESIGNED' WHEN s.g % 100 < 99 THEN 'EXPELLED' ELSE 'DECEASED' END,
              CASE s.g % 20 WHEN 0 THEN '{cyber_warrior}'::text[] WHEN 1 THEN '{app_in_charge}'::text[]
                            WHEN 2 THEN '{trained_2021}'::text[] WHEN 3 THEN '{trained_2021,cyber_warrior}'::text[] ELSE '{}'::text[] END,
              p.search_key, p.name_key
         FROM (SELECT g::bigint AS g, floor(random() * $4)::int AS booth_idx, floor(random() * $6)::int AS pool_idx
                 FROM generate_series($2::int, $3::int) AS g) AS s
         JOIN bench_booth b ON b.idx = s.booth_idx
         JOIN bench_pool p ON p.idx = s.pool_idx`,
      [organizationId, from, to, options.booths, MOBILE_PREFIXES, pool.length],
    );
    const seconds = (Date.now() - memberStarted) / 1000;
    log(
      `  members ${to.toLocaleString('en-US')} / ${options.members.toLocaleString('en-US')} (${seconds.toFixed(1)} s, ${Math.round(to / seconds).toLocaleString('en-US')} rows/s)`,
    );
  }
  timings.membersSeconds = (Date.now() - memberStarted) / 1000;

  await client.query(`SET session_replication_role = origin`);
  // From here on the audit triggers fire again, and they refuse a change without an actor: this session's
  // later writes (the audit phase's bulk UPDATE) are a system job named "bench".
  await client.query(`SELECT set_config('sangathan.actor_kind', 'system', false), set_config('sangathan.job', 'bench', false)`);
  const indexStarted = Date.now();
  for (const index of indexes) {
    await step(`index ${index.name}`, () => client.query(index.definition));
  }
  timings.indexesSeconds = (Date.now() - indexStarted) / 1000;
  await step('VACUUM ANALYZE', async () => {
    for (const table of ['organization', 'org_unit', 'member']) await client.query(`VACUUM (ANALYZE) ${table}`);
  });
  for (const table of ['bench_district', 'bench_vs', 'bench_mandal', 'bench_booth', 'bench_pool'])
    await client.query(`DROP TABLE ${table}`);

  const check = await verify(client, organizationId, log);
  timings.totalSeconds = (Date.now() - started) / 1000;
  log(
    `generated in ${timings.totalSeconds.toFixed(1)} s (units ${timings.unitsSeconds.toFixed(1)} s, members ${timings.membersSeconds.toFixed(1)} s, indexes ${timings.indexesSeconds.toFixed(1)} s)`,
  );
  return { organizationId, stateId: state.id, counts: check.counts, sampleMismatches: check.mismatches, timings };
}

/** Counts per level, tree shape checks, and a re-derivation of derived columns on a sample. */
async function verify(client, organizationId, log) {
  const { rows: levels } = await client.query(
    `SELECT level, count(*)::int AS count FROM org_unit WHERE organization_id = $1 GROUP BY level`,
    [organizationId],
  );
  const counts = Object.fromEntries(LEVELS.map((level) => [level.key, levels.find((row) => row.level === level.key)?.count ?? 0]));
  const {
    rows: [shape],
  } = await client.query(
    `SELECT count(*) FILTER (WHERE u.path[array_length(u.path, 1)] <> u.id)::int AS bad_self,
            count(*) FILTER (WHERE u.parent_id IS NOT NULL AND u.path[1:array_length(u.path, 1) - 1] IS DISTINCT FROM p.path)::int AS bad_parent,
            count(*) FILTER (WHERE array_length(u.path, 1) IS DISTINCT FROM l.depth)::int AS bad_depth
       FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id
       LEFT JOIN unnest($2::text[]) WITH ORDINALITY AS l(level, depth) ON l.level = u.level
      WHERE u.organization_id = $1`,
    [organizationId, LEVELS.map((level) => level.key)],
  );
  const {
    rows: [people],
  } = await client.query(
    `SELECT count(*)::int AS members, count(DISTINCT unit_id)::int AS booths_with_members FROM member WHERE organization_id = $1`,
    [organizationId],
  );
  counts.members = people.members;
  counts.boothsWithMembers = people.booths_with_members;

  // Re-derive Latin names and search keys in JavaScript for a sample of each level and of members.
  const { rows: sample } = await client.query(
    `(SELECT name, name_latin, search_key, level FROM org_unit TABLESAMPLE BERNOULLI (1) WHERE level IN ('vidhan_sabha', 'mandal', 'booth') LIMIT 300)
     UNION ALL (SELECT name, name_latin, search_key, level FROM org_unit WHERE level IN ('state','region','division','district'))
     UNION ALL (SELECT full_name, full_name_latin, search_key, 'member' FROM member TABLESAMPLE BERNOULLI (0.1) LIMIT 300)`,
  );
  const mismatches = [];
  for (const row of sample) {
    const expectedKey = searchKey(`${row.name} ${row.name_latin}`);
    const latinCheck =
      row.level === 'vidhan_sabha' || ['state', 'region', 'division', 'district'].includes(row.level)
        ? true
        : toLatin(row.name) === row.name_latin;
    if (expectedKey !== row.search_key || !latinCheck)
      mismatches.push({
        level: row.level,
        name: row.name,
        nameLatin: row.name_latin,
        stored: row.search_key,
        expected: expectedKey,
        expectedLatin: toLatin(row.name),
      });
  }
  log(
    `  check: ${LEVELS.map((level) => `${counts[level.key]} ${level.key}`).join(', ')}; ${counts.members} members on ${counts.boothsWithMembers} booths; ` +
      `path errors self/parent/depth ${shape.bad_self}/${shape.bad_parent}/${shape.bad_depth}; derived-column mismatches ${mismatches.length}/${sample.length} sampled`,
  );
  for (const mismatch of mismatches.slice(0, 3)) log(`    mismatch ${JSON.stringify(mismatch)}`);
  if (shape.bad_self || shape.bad_parent || shape.bad_depth) throw new Error('generated tree has inconsistent paths');
  return { counts, mismatches: mismatches.length };
}

module.exports = { generate, readOptions, secondaryIndexes, LEVELS };
