import {
  accountToken,
  createMember,
  createPartyFixture,
  createProvincialUnion,
  startMembershipTestService,
  type MembershipTestService,
} from '../../test-support';

let service: MembershipTestService;
let tree: Awaited<ReturnType<typeof createPartyFixture>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  service = await startMembershipTestService('duplicate');
  tree = await createPartyFixture(service, 'DUP');
  const add = async (key: string, fields: Record<string, unknown>) => {
    ids[key] = await createMember(service, { organizationId: tree.organizationId, ...fields });
  };
  // Booths 0 and 1 lie in district 0 (region 1); booth 4 in district 2 (region 2).
  await add('sanjayDevanagari', { fullName: 'संजय राय', unitId: tree.booths[0] });
  await add('sanjayLatin', { fullName: 'Sanjay Rai', unitId: tree.booths[1] });
  await add('ajayNational', { fullName: 'Ajay Kumar', phone: '098123 45670', unitId: tree.booths[0] });
  await add('ajayInternational', { fullName: 'अजय कुमार', phone: '+919812345670', unitId: tree.booths[4] });
  await add('sunita', { fullName: 'सुनीता देवी', phone: '+919811111111', unitId: tree.booths[0] });
  await add('ramLal', { fullName: 'राम लाल', phone: '+919811111111', unitId: tree.booths[0] });
  await add('ramesh', { fullName: 'Ramesh Yadav', dateOfBirth: '1980-05-01', unitId: tree.booths[0] });
  await add('pradeep', { fullName: 'प्रदीप श्रीवास्तव', dateOfBirth: '1975-01-02', unitId: tree.booths[2] });
  await add('pradeepLatin', { fullName: 'Pradeep Shrivastava', dateOfBirth: '1975-01-02', unitId: tree.booths[6] });
});
afterAll(() => service.stop());

const as = (token: string) => ({ token });
const PAIR_FIELDS = 'id version status score reasons memberA { id fullName unit { code } positions { title } } memberB { id fullName }';
type Pair = {
  id: string;
  status: string;
  score: number;
  reasons: string[];
  memberA: { id: string; fullName: string };
  memberB: { id: string };
};

const pairKey = (a: string, b: string) => [a, b].sort().join('|');
const keysOf = (pairs: Pair[]) => pairs.map((pair) => pairKey(pair.memberA.id, pair.memberB.id)).sort();

async function queue(filter: Record<string, unknown> = {}, token?: string): Promise<Pair[]> {
  const result = await service.request<{ duplicateCandidates: { items: Pair[] } }>(
    `query ($filter: DuplicateCandidateFilter) { duplicateCandidates(filter: $filter, page: { limit: 100 }) { items { ${PAIR_FIELDS} } } }`,
    { filter: { organizationId: tree.organizationId, ...filter } },
    token ? as(token) : {},
  );
  expect(result.errors).toBeUndefined();
  return result.data!.duplicateCandidates.items;
}

type Run = { id: string; status: string; pairsCompared: number; pairsProposed: number; pairsWritten: number; newPairs: number };
const RUN_FIELDS = 'id status pairsCompared pairsProposed pairsWritten newPairs error';

/** Starts a run and polls its progress until it ends (as the console does). */
async function run(organizationId = tree.organizationId, token?: string): Promise<Run> {
  const started = await service.request<{ findDuplicates: Run }>(
    `mutation ($org: ID!) { findDuplicates(organizationId: $org) { ${RUN_FIELDS} } }`,
    { org: organizationId },
    token ? as(token) : {},
  );
  expect(started.errors).toBeUndefined();
  let current = started.data!.findDuplicates;
  while (current.status === 'RUNNING') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = (
      await service.data<{ duplicateRun: Run }>(
        `query ($id: ID!) { duplicateRun(id: $id) { ${RUN_FIELDS} } }`,
        { id: current.id },
        token ? as(token) : {},
      )
    ).duplicateRun;
  }
  expect(current).toMatchObject({ status: 'DONE', error: null });
  expect(current.pairsWritten).toBe(current.pairsProposed);
  return current;
}

const candidateRows = async () => (await service.dataSource.query('SELECT count(*)::int AS n FROM duplicate_candidate'))[0].n as number;

describe('finding duplicates', () => {
  it('keeps each member’s name key current', async () => {
    const [{ name_key }] = await service.dataSource.query('SELECT name_key FROM member WHERE id = $1', [ids.sanjayDevanagari]);
    expect(name_key).toBe('rai sanjai');
    const id = await createMember(service, { organizationId: tree.organizationId, fullName: 'अमित', unitId: tree.booths[7] });
    await service.data(`mutation ($id: ID!) { updateMember(id: $id, input: { fullName: "Amit Shukla" }) { id } }`, { id });
    expect((await service.dataSource.query('SELECT name_key FROM member WHERE id = $1', [id]))[0].name_key).toBe('amit sukl');
  });

  it('proposes Devanagari/Latin twins, one phone with and without country code, and spelling variants; not unrelated people', async () => {
    const first = await run();
    expect(first.newPairs).toBe(first.pairsProposed);
    const pairs = await queue();
    expect(keysOf(pairs)).toEqual(
      [
        pairKey(ids.sanjayDevanagari, ids.sanjayLatin),
        pairKey(ids.ajayNational, ids.ajayInternational),
        pairKey(ids.pradeep, ids.pradeepLatin),
      ].sort(),
    );
    const ajay = pairs.find((pair) => pair.reasons.includes('SAME_PHONE'))!;
    expect(ajay.reasons).toEqual(['SAME_NAME_KEY', 'SAME_PHONE']);
    expect(ajay.score).toBeGreaterThan(0.8);
    const sanjay = pairs.find((pair) => [pair.memberA.id, pair.memberB.id].includes(ids.sanjayLatin))!;
    expect(sanjay).toMatchObject({ status: 'OPEN', reasons: ['SAME_NAME_KEY', 'NEAR_UNIT'] });
    expect(sanjay.score).toBeLessThan(ajay.score);
    // Sunita Devi and Ram Lal share a phone (a family's): never proposed, whatever the threshold.
    expect(keysOf(await queue({ minScore: 0 }))).not.toContain(pairKey(ids.sunita, ids.ramLal));
    // Best first, and minScore filters.
    expect(pairs[0].score).toBeGreaterThanOrEqual(pairs[pairs.length - 1].score);
    expect(keysOf(await queue({ minScore: 0.8 }))).toEqual([pairKey(ids.ajayNational, ids.ajayInternational)]);
  });

  it('finds Vietnamese names with and without diacritics', async () => {
    const union = await createProvincialUnion(service, 'DUP');
    const withMarks = await createMember(service, {
      organizationId: union.organizationId,
      fullName: 'Nguyễn Thanh Tâm',
      unitId: union.dongLuan,
    });
    const without = await createMember(service, {
      organizationId: union.organizationId,
      fullName: 'Nguyen Thanh Tam',
      unitId: union.dongLuan,
      dateOfBirth: '1998-03-04',
    });
    await createMember(service, { organizationId: union.organizationId, fullName: 'Nguyễn Văn Nam', unitId: union.dongLuan });
    expect((await run(union.organizationId)).pairsProposed).toBe(1);
    const pairs = await queue({ organizationId: union.organizationId });
    expect(keysOf(pairs)).toEqual([pairKey(withMarks, without)]);
    expect(pairs[0].reasons).toEqual(['SAME_NAME_KEY', 'SAME_UNIT']);
  });

  it('remembers "not the same person" across runs', async () => {
    const [pair] = await queue({ withinUnit: tree.districts[0] });
    const marked = await service.data<{ markNotDuplicate: Pair }>(`mutation ($id: ID!) { markNotDuplicate(id: $id) { id status } }`, {
      id: pair.id,
    });
    expect(marked.markNotDuplicate.status).toBe('NOT_SAME');
    const before = await candidateRows();
    const again = await run();
    expect(again.newPairs).toBe(0);
    expect(await candidateRows()).toBe(before);
    expect(keysOf(await queue({ status: 'OPEN' }))).not.toContain(pairKey(pair.memberA.id, pair.memberB.id));
    expect((await queue({ status: 'NOT_SAME' })).map((p) => p.id)).toEqual([pair.id]);
    // The decision is in the audit log, in the caller's name.
    const entries = await service.dataSource.query(
      `SELECT action, actor_kind, changes FROM audit_entry WHERE record_id = $1 AND action = 'UPDATE'`,
      [pair.id],
    );
    expect(entries).toEqual([{ action: 'UPDATE', actor_kind: 'account', changes: [{ field: 'status', old: 'OPEN', new: 'NOT_SAME' }] }]);
  });

  it('shows a district editor only pairs with both members inside its district', async () => {
    const editor = await accountToken(service, 'EDITOR', tree.districts[0]);
    const visible = await queue({ status: null }, editor.token);
    expect(keysOf(visible)).toEqual([pairKey(ids.sanjayDevanagari, ids.sanjayLatin)]);
    // The Ajay pair has one member outside: absent, and NOT_FOUND to decide.
    const outside = (await queue()).find((pair) => pair.reasons.includes('SAME_PHONE'))!;
    const result = await service.request(`mutation ($id: ID!) { markNotDuplicate(id: $id) { id } }`, { id: outside.id }, as(editor.token));
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Its run compares only members in its scope (Sunita Devi and Ram Lal; the Sanjay pair was decided),
    // and the import check sees only them.
    const editorRun = await run(tree.organizationId, editor.token);
    expect(editorRun.pairsCompared).toBe(1);
    // A run started organisation-wide is not the editor's to see.
    const wide = await run();
    const seen = await service.data<{ duplicateRun: Run | null }>(
      `query ($id: ID!) { duplicateRun(id: $id) { id } }`,
      { id: wide.id },
      as(editor.token),
    );
    expect(seen.duplicateRun).toBeNull();
    const check = await service.data<{ possibleDuplicates: { matches: { member: { id: string } }[] }[] }>(
      `query ($rows: [PossibleDuplicateInput!]!) { possibleDuplicates(rows: $rows) { matches { member { id } } } }`,
      { rows: [{ organizationId: tree.organizationId, fullName: 'Ajay Kumar', phone: '+919812345670' }] },
      as(editor.token),
    );
    expect(check.possibleDuplicates[0].matches.map((match) => match.member.id)).toEqual([ids.ajayNational]);
    const viewer = await accountToken(service, 'VIEWER', tree.districts[0]);
    const refused = await service.request(
      `mutation ($id: ID!) { markNotDuplicate(id: $id) { id } }`,
      { id: visible[0].id },
      as(viewer.token),
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('flags import rows that look like existing members, best first, in one call', async () => {
    const { possibleDuplicates } = await service.data<{
      possibleDuplicates: { index: number; matches: { score: number; reasons: string[]; member: { id: string } }[] }[];
    }>(
      `query ($rows: [PossibleDuplicateInput!]!) { possibleDuplicates(rows: $rows, limit: 5) { index matches { score reasons member { id } } } }`,
      {
        rows: [
          { organizationId: tree.organizationId, fullName: 'Sanjay Ray', unitId: tree.booths[0] },
          { organizationId: tree.organizationId, fullName: 'A. Kumar', phone: '9812345670' },
          { organizationId: tree.organizationId, fullName: 'Vikas Tiwari', phone: '+919899999999' },
        ],
      },
    );
    expect(possibleDuplicates.map((row) => row.index)).toEqual([0, 1, 2]);
    expect(possibleDuplicates[0].matches.map((match) => match.member.id)).toEqual([ids.sanjayDevanagari, ids.sanjayLatin]);
    expect(possibleDuplicates[0].matches[0].reasons).toEqual(['SAME_NAME_KEY', 'SAME_UNIT']);
    expect(possibleDuplicates[1].matches.map((match) => match.member.id).sort()).toEqual([ids.ajayNational, ids.ajayInternational].sort());
    expect(possibleDuplicates[2].matches).toEqual([]);
  });

  it.each([
    ['a score above 1', `{ duplicateCandidates(filter: { minScore: 2 }) { total } }`, {}, 'BAD_USER_INPUT'],
    ['a malformed unit', `{ duplicateCandidates(filter: { withinUnit: "booth-1" }) { total } }`, {}, 'BAD_USER_INPUT'],
    [
      'an unknown organisation',
      `mutation { findDuplicates(organizationId: "00000000-0000-4000-8000-000000000000") { newPairs } }`,
      {},
      'BAD_USER_INPUT',
    ],
    ['an unknown pair', `mutation { markNotDuplicate(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, 'NOT_FOUND'],
    ['a malformed pair id', `mutation { markNotDuplicate(id: "x") { id } }`, {}, 'NOT_FOUND'],
  ])('refuses %s', async (_label, query, variables, code) => {
    const before = await candidateRows();
    const result = await service.request(query, variables);
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe(code);
    expect(await candidateRows()).toBe(before);
  });

  it('refuses bad import rows, naming the row and field', async () => {
    const query = `query ($rows: [PossibleDuplicateInput!]!) { possibleDuplicates(rows: $rows) { index } }`;
    const result = await service.request(query, {
      rows: [
        { organizationId: tree.organizationId, fullName: 'Sanjay Rai', phone: '12345' },
        { organizationId: tree.organizationId, fullName: '...', unitId: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors?.[0].extensions?.fields as object).sort()).toEqual([
      'rows.0.phone',
      'rows.1.fullName',
      'rows.1.unitId',
    ]);
    const bad = await service.request(query, { rows: [{ organizationId: 'nope', fullName: 'Sanjay' }] });
    expect(bad.errors?.[0].extensions?.fields).toEqual({ 'rows.0.organizationId': 'no Organization with id nope' });
  });

  it('marks a pair MERGED when its members are merged, and does not propose it again', async () => {
    const ajay = pairKey(ids.ajayNational, ids.ajayInternational);
    expect(keysOf(await queue({ status: 'OPEN' }))).toContain(ajay);
    await service.data(`mutation ($keep: ID!, $retire: ID!) { mergeMembers(keepId: $keep, retireId: $retire) { id } }`, {
      keep: ids.ajayNational,
      retire: ids.ajayInternational,
    });
    const [row] = await service.dataSource.query(
      `SELECT status FROM duplicate_candidate WHERE (member_a_id, member_b_id) IN (($1::uuid, $2::uuid), ($2::uuid, $1::uuid))`,
      [ids.ajayNational, ids.ajayInternational],
    );
    expect(row.status).toBe('MERGED');
    await run();
    expect(keysOf(await queue({ status: 'OPEN' }))).not.toContain(ajay);
  });
});
