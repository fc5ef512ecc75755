import { saveFixture } from '@sangathan/common';
import { createPartyFixture } from '@sangathan/membership/test-support';
import { startTrainingTestService, type TrainingTestService } from '../../test-support';
import {
  addVidhanSabhas,
  createCamp,
  createCampaignFixture,
  createMembers,
  rowCounts,
  type CampaignFixture,
  type Tree,
} from '../camp/camp-fixtures';
import { CampaignPhase } from '../campaign-phase/campaign-phase.entity';

let service: TrainingTestService;
beforeAll(async () => {
  service = await startTrainingTestService('enrollment');
});
afterAll(() => service.stop());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

type Enrollment = { id: string; version: number; memberId: string; status: string; topicsAttended: string[]; completedOn: string | null };
const FIELDS = 'id version memberId status topicsAttended completedOn';

const fieldsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => {
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  return result.errors?.[0].extensions?.fields;
};

/** A party tree with assembly constituencies, a campaign run by the state, and a phase-2 camp. */
async function setUp(suffix: string, camp: Record<string, unknown> = {}) {
  const tree = await createPartyFixture(service.membership, suffix);
  const vidhanSabhas = await addVidhanSabhas(service, tree);
  const fixture = await createCampaignFixture(service, tree.state);
  const campId = (await createCamp(service, campInput(fixture, vidhanSabhas[0], camp))).id;
  return { tree, vidhanSabhas, fixture, campId };
}

const campInput = (fixture: CampaignFixture, unitId: string, extra: Record<string, unknown> = {}) => ({
  phaseId: fixture.phase2,
  unitId,
  venue: 'रामलीला मैदान',
  startsOn: '2021-09-16',
  endsOn: '2021-09-17',
  capacity: 300,
  topicIds: fixture.topics,
  ...extra,
});

const create = (input: Record<string, unknown>) =>
  service.request<{ createEnrollment: Enrollment }>(
    `mutation ($input: EnrollmentInput!) { createEnrollment(input: $input) { ${FIELDS} } }`,
    {
      input,
    },
  );
const created = async (input: Record<string, unknown>) => {
  const result = await create(input);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createEnrollment;
};
const update = (id: string, input: Record<string, unknown>, v?: number) =>
  service.request<{ updateEnrollment: Enrollment }>(
    `mutation ($id: ID!, $input: EnrollmentUpdateInput!, $v: Int) { updateEnrollment(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`,
    { id, input, v },
  );
const enroll = (campId: string, memberIds: string[]) =>
  service.request<{ enrollMembers: Enrollment[] }>(
    `mutation ($c: ID!, $m: [ID!]!) { enrollMembers(campId: $c, memberIds: $m) { ${FIELDS} } }`,
    { c: campId, m: memberIds },
  );
const setStatuses = (ids: string[], status: string, completedOn?: string) =>
  service.request<{ setEnrollmentStatuses: Enrollment[] }>(
    `mutation ($ids: [ID!]!, $s: EnrollmentStatus!, $d: Date) { setEnrollmentStatuses(ids: $ids, status: $s, completedOn: $d) { ${FIELDS} } }`,
    { ids, s: status, d: completedOn },
  );
const enrolledCount = async (campId: string) =>
  (await service.data<{ camp: { enrolledCount: number } }>(`query ($id: ID!) { camp(id: $id) { enrolledCount } }`, { id: campId })).camp
    .enrolledCount;
const liveRows = async (campId: string) =>
  (await service.dataSource.query(`SELECT count(*)::int AS n FROM enrollment WHERE camp_id = $1 AND deleted_at IS NULL`, [campId]))[0]
    .n as number;

const stranger = async (suffix: string) => {
  const other: Tree = await createPartyFixture(service.membership, suffix);
  return (await createMembers(service, other, 1, 'बाहरी'))[0];
};

describe('enrolments', () => {
  it('enrols a member of the camp’s organisation once, refusing bad input field by field and writing nothing', async () => {
    const { tree, vidhanSabhas, fixture, campId } = await setUp('A');
    const [member, second, third] = await createMembers(service, tree, 3);
    const outsider = await stranger('A2');
    const enrollment = await created({ campId, memberId: member });
    expect(enrollment).toMatchObject({ version: 1, memberId: member, status: 'REGISTERED', topicsAttended: [], completedOn: null });
    const { enrollment: read } = await service.data<{ enrollment: Record<string, unknown> }>(
      `query ($id: ID!) { enrollment(id: $id) { campId camp { id venue } member { id } topics { id } } }`,
      { id: enrollment.id },
    );
    expect(read).toEqual({ campId, camp: { id: campId, venue: 'रामलीला मैदान' }, member: { id: member }, topics: [] });

    const before = await rowCounts(service);
    expect(fieldsOf(await create({ campId, memberId: outsider }))).toEqual({ memberId: 'belongs to another organisation' });
    expect(fieldsOf(await create({ campId, memberId: UNKNOWN }))).toEqual({ memberId: `no Member with id ${UNKNOWN}` });
    expect(fieldsOf(await create({ campId, memberId: member }))).toEqual({ memberId: 'is already enrolled in this camp' });
    expect(fieldsOf(await create({ campId: UNKNOWN, memberId: second }))).toEqual({ campId: `no Camp with id ${UNKNOWN}` });
    expect(fieldsOf(await create({ campId, memberId: second, status: 'CANCELLED' }))).toEqual({
      status: 'a new enrolment cannot be CANCELLED',
    });
    expect(fieldsOf(await create({ campId, memberId: second, topicsAttended: [fixture.topics[0]] }))).toEqual({
      topicsAttended: 'only for an ATTENDED or COMPLETED enrolment',
    });
    expect(fieldsOf(await create({ campId, memberId: second, status: 'COMPLETED' }))).toEqual({
      completedOn: 'required when the status is COMPLETED',
    });
    expect(fieldsOf(await create({ campId, memberId: second, status: 'ATTENDED', completedOn: '2021-09-17' }))).toEqual({
      completedOn: 'only for a COMPLETED enrolment',
    });
    expect(fieldsOf(await create({ campId, memberId: second, status: 'COMPLETED', completedOn: '2021-09-01' }))).toEqual({
      completedOn: 'must not be before the camp starts (2021-09-16)',
    });
    // Everything at once.
    const other = await createCampaignFixture(service, tree.state);
    expect(
      fieldsOf(
        await create({
          campId,
          memberId: outsider,
          status: 'COMPLETED',
          topicsAttended: [fixture.topics[0], other.topics[0], UNKNOWN],
          completedOn: '2999-01-01',
        }),
      ),
    ).toEqual({
      memberId: 'belongs to another organisation',
      'topicsAttended.1': 'is not a topic of this camp',
      'topicsAttended.2': 'is not a topic of this camp',
      completedOn: 'must not be in the future',
    });

    // A full camp, a cancelled camp, and a camp that has not started yet.
    const small = (await createCamp(service, campInput(fixture, vidhanSabhas[1], { capacity: 1 }))).id;
    await created({ campId: small, memberId: member });
    expect(fieldsOf(await create({ campId: small, memberId: second }))).toEqual({ campId: 'the camp is full (capacity 1)' });
    const cancelled = (await createCamp(service, campInput(fixture, vidhanSabhas[1], { status: 'CANCELLED' }))).id;
    expect(fieldsOf(await create({ campId: cancelled, memberId: outsider }))).toEqual({
      campId: 'the camp is cancelled',
      memberId: 'belongs to another organisation',
    });
    const nextYear = new Date().getUTCFullYear() + 1;
    const future = await saveFixture(
      service.dataSource.manager,
      service.dataSource.manager.create(CampaignPhase, {
        campaignId: fixture.campaignId,
        number: 3,
        name: 'तृतीय चरण',
        startsOn: `${nextYear}-01-10`,
        endsOn: `${nextYear}-01-20`,
        campLevel: 'vidhan_sabha',
        targetCamps: 100,
        targetTrainees: 30000,
      }),
    );
    const upcoming = (
      await createCamp(
        service,
        campInput(fixture, vidhanSabhas[2], { phaseId: future.id, startsOn: `${nextYear}-01-12`, endsOn: `${nextYear}-01-12` }),
      )
    ).id;
    expect(fieldsOf(await create({ campId: upcoming, memberId: second, status: 'ATTENDED' }))).toEqual({
      status: `the camp starts on ${nextYear}-01-12; attendance is recorded from then`,
    });
    expect(await rowCounts(service)).toEqual({ ...before, camps: before.camps + 3, enrollments: before.enrollments + 1 });
    await created({ campId: upcoming, memberId: second });

    // Recording a past camp directly: completed, with the topics attended.
    const past = await created({
      campId,
      memberId: third,
      status: 'COMPLETED',
      topicsAttended: [fixture.topics[0], fixture.topics[1], fixture.topics[0]],
      completedOn: '2021-09-17',
    });
    expect(past).toMatchObject({ status: 'COMPLETED', topicsAttended: fixture.topics.slice(0, 2), completedOn: '2021-09-17' });
  });

  it('registers a camp of 300 in one call: one lookup in membership, one INSERT', async () => {
    const { tree, campId } = await setUp('B');
    const started = Date.now();
    const members = await createMembers(service, tree, 301);
    service.membership.queryLog.clear();
    service.queryLog.clear();
    const result = await enroll(campId, members.slice(0, 300));
    expect(result.errors).toBeUndefined();
    const enrollments = result.data!.enrollMembers;
    expect(enrollments.map((enrollment) => enrollment.memberId)).toEqual(members.slice(0, 300));
    expect(new Set(enrollments.map((enrollment) => enrollment.status))).toEqual(new Set(['REGISTERED']));
    expect(service.membership.queryLog.selectsFrom('member')).toHaveLength(1);
    expect(service.queryLog.queries.filter((query) => /^\s*INSERT INTO enrollment\b/i.test(query))).toHaveLength(1);
    expect(await enrolledCount(campId)).toBe(300);
    expect(Date.now() - started).toBeLessThan(20000);

    // The camp is full: the 301st is over capacity.
    expect(fieldsOf(await enroll(campId, [members[300]]))).toEqual({
      'memberIds.0': 'over capacity: the camp has 300 places and 0 were free',
    });
    expect(await liveRows(campId)).toBe(300);
  });

  it('refuses a whole list when any row is bad, reporting each row at its index', async () => {
    const { tree, campId } = await setUp('C', { capacity: 5 });
    const members = await createMembers(service, tree, 7);
    const outsider = await stranger('C2');
    await created({ campId, memberId: members[0] });
    const before = await rowCounts(service);
    const list = [members[1], UNKNOWN, outsider, members[0], members[2], members[1], members[3], members[4], members[5], members[6], 'x'];
    expect(fieldsOf(await enroll(campId, list))).toEqual({
      'memberIds.1': `no Member with id ${UNKNOWN}`,
      'memberIds.2': 'belongs to another organisation',
      'memberIds.3': 'is already enrolled in this camp',
      'memberIds.5': 'listed twice (also at memberIds.0)',
      'memberIds.8': 'over capacity: the camp has 5 places and 4 were free',
      'memberIds.9': 'over capacity: the camp has 5 places and 4 were free',
      'memberIds.10': 'no Member with id x',
    });
    expect(fieldsOf(await enroll(UNKNOWN, [members[1]]))).toEqual({ campId: `no Camp with id ${UNKNOWN}` });
    expect(await rowCounts(service)).toEqual(before);

    const ok = await enroll(campId, [members[1], members[2], members[3], members[4]]);
    expect(ok.data?.enrollMembers).toHaveLength(4);
    expect(await enrolledCount(campId)).toBe(5);
    expect((await enroll(campId, [])).data?.enrollMembers).toEqual([]);
  });

  it('never overfills a camp, however many enrolments arrive at once', async () => {
    const { tree, vidhanSabhas, fixture, campId } = await setUp('D', { capacity: 5 });
    const members = await createMembers(service, tree, 18);
    const results = await Promise.all(members.slice(0, 10).map((memberId) => create({ campId, memberId })));
    expect(results.filter((result) => result.data?.createEnrollment)).toHaveLength(5);
    for (const result of results.filter((result) => result.errors)) {
      expect(fieldsOf(result)).toEqual({ campId: 'the camp is full (capacity 5)' });
    }
    expect(await liveRows(campId)).toBe(5);

    // Two lists racing for the last places: one wins whole, the other is refused whole.
    const second = (await createCamp(service, campInput(fixture, vidhanSabhas[1], { capacity: 5 }))).id;
    const races = await Promise.all([enroll(second, members.slice(10, 14)), enroll(second, members.slice(14, 18))]);
    expect(races.filter((result) => result.data?.enrollMembers)).toHaveLength(1);
    const refused = races.find((result) => result.errors)!;
    expect(fieldsOf(refused)).toEqual({
      'memberIds.1': 'over capacity: the camp has 5 places and 1 were free',
      'memberIds.2': 'over capacity: the camp has 5 places and 1 were free',
      'memberIds.3': 'over capacity: the camp has 5 places and 1 were free',
    });
    expect(await liveRows(second)).toBe(4);
  });

  it('moves through the status transitions, with topics attended and a completion date, under expectedVersion', async () => {
    const { tree, fixture, campId } = await setUp('E', { capacity: 2 });
    const [member, second, third] = await createMembers(service, tree, 3);
    const enrollment = await created({ campId, memberId: member });
    const attended = await update(enrollment.id, { status: 'ATTENDED', topicsAttended: [fixture.topics[0], fixture.topics[2]] }, 1);
    expect(attended.data?.updateEnrollment).toMatchObject({
      version: 2,
      status: 'ATTENDED',
      topicsAttended: [fixture.topics[0], fixture.topics[2]],
    });
    expect((await update(enrollment.id, { status: 'COMPLETED', completedOn: '2021-09-17' }, 1)).errors?.[0].extensions?.code).toBe(
      'CONFLICT',
    );
    expect(fieldsOf(await update(enrollment.id, { status: 'COMPLETED' }))).toEqual({
      completedOn: 'required when the status is COMPLETED',
    });
    expect(fieldsOf(await update(enrollment.id, { topicsAttended: [UNKNOWN] }))).toEqual({
      'topicsAttended.0': 'is not a topic of this camp',
    });
    const completed = await update(enrollment.id, { status: 'COMPLETED', completedOn: '2021-09-17' }, 2);
    expect(completed.data?.updateEnrollment).toMatchObject({ version: 3, status: 'COMPLETED', completedOn: '2021-09-17' });
    expect(fieldsOf(await update(enrollment.id, { status: 'NO_SHOW' }))).toEqual({ status: 'cannot change from COMPLETED to NO_SHOW' });
    expect(fieldsOf(await update(enrollment.id, { status: 'CANCELLED' }))).toEqual({ status: 'cannot change from COMPLETED to CANCELLED' });
    // Completion withdrawn: the date goes, the topics stay; a no-show attended nothing.
    const back = await update(enrollment.id, { status: 'ATTENDED' });
    expect(back.data?.updateEnrollment).toMatchObject({
      status: 'ATTENDED',
      completedOn: null,
      topicsAttended: [fixture.topics[0], fixture.topics[2]],
    });
    const noShow = await update(enrollment.id, { status: 'NO_SHOW' });
    expect(noShow.data?.updateEnrollment).toMatchObject({ status: 'NO_SHOW', topicsAttended: [] });
    expect(fieldsOf(await update(enrollment.id, { topicsAttended: [fixture.topics[0]] }))).toEqual({
      topicsAttended: 'only for an ATTENDED or COMPLETED enrolment',
    });
    await update(enrollment.id, { status: 'REGISTERED' });
    const cancelledEnrollment = await update(enrollment.id, { status: 'CANCELLED' });
    expect(cancelledEnrollment.data?.updateEnrollment.status).toBe('CANCELLED');
    expect(await enrolledCount(campId)).toBe(0);

    // Its place was taken meanwhile: it cannot come back.
    await enroll(campId, [second, third]);
    const snapshot = async () =>
      (await service.dataSource.query('SELECT status, version FROM enrollment WHERE id = $1', [enrollment.id]))[0];
    const before = await snapshot();
    expect(fieldsOf(await update(enrollment.id, { status: 'REGISTERED' }))).toEqual({ status: 'the camp is full (capacity 2)' });
    expect(fieldsOf(await update(enrollment.id, { status: 'ATTENDED' }))).toEqual({ status: 'cannot change from CANCELLED to ATTENDED' });
    expect(await snapshot()).toEqual(before);
    expect((await update(UNKNOWN, { status: 'ATTENDED' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('sets the statuses of many enrolments at once, all or none, reporting each row at its index', async () => {
    const { tree, campId } = await setUp('F');
    const members = await createMembers(service, tree, 4);
    const rows = (await enroll(campId, members)).data!.enrollMembers;
    const ids = rows.map((row) => row.id);
    await update(ids[3], { status: 'CANCELLED' });
    const snapshot = async () =>
      (await service.dataSource.query('SELECT id, status, version, completed_on FROM enrollment WHERE camp_id = $1 ORDER BY id', [
        campId,
      ])) as unknown[];
    const before = await snapshot();

    expect(fieldsOf(await setStatuses([ids[0], ids[1], UNKNOWN, ids[3], ids[0]], 'ATTENDED'))).toEqual({
      'ids.2': `no Enrollment with id ${UNKNOWN}`,
      'ids.3': 'cannot change from CANCELLED to ATTENDED',
      'ids.4': 'listed twice (also at ids.0)',
    });
    expect(fieldsOf(await setStatuses([ids[0], 'bad'], 'ATTENDED'))).toEqual({ 'ids.1': '"bad" is not a valid id' });
    expect(fieldsOf(await setStatuses([ids[0]], 'COMPLETED'))).toEqual({ completedOn: 'required when the status is COMPLETED' });
    expect(fieldsOf(await setStatuses([ids[0]], 'ATTENDED', '2021-09-17'))).toEqual({ completedOn: 'only for a COMPLETED enrolment' });
    expect(fieldsOf(await setStatuses([ids[0], ids[1]], 'COMPLETED', '2021-09-10'))).toEqual({
      'ids.0': 'must not be before the camp starts (2021-09-16)',
      'ids.1': 'must not be before the camp starts (2021-09-16)',
    });
    expect(await snapshot()).toEqual(before);

    const attended = await setStatuses([ids[0], ids[1], ids[2]], 'ATTENDED');
    expect(attended.data?.setEnrollmentStatuses.map((row) => [row.id, row.status, row.version])).toEqual([
      [ids[0], 'ATTENDED', 2],
      [ids[1], 'ATTENDED', 2],
      [ids[2], 'ATTENDED', 2],
    ]);
    const completed = await setStatuses([ids[1], ids[0]], 'COMPLETED', '2021-09-17');
    expect(completed.data?.setEnrollmentStatuses.map((row) => [row.id, row.status, row.completedOn])).toEqual([
      [ids[1], 'COMPLETED', '2021-09-17'],
      [ids[0], 'COMPLETED', '2021-09-17'],
    ]);
    const noShow = await setStatuses([ids[2]], 'NO_SHOW');
    expect(noShow.data?.setEnrollmentStatuses[0]).toMatchObject({ status: 'NO_SHOW', completedOn: null, topicsAttended: [] });
    // The cancelled one comes back while there is room.
    expect((await setStatuses([ids[3]], 'REGISTERED')).data?.setEnrollmentStatuses[0].status).toBe('REGISTERED');
    expect((await setStatuses([], 'ATTENDED')).data?.setEnrollmentStatuses).toEqual([]);
  });

  it('lists by camp, member, status, campaign, phase, subtree and topic attended', async () => {
    const { tree, vidhanSabhas, fixture, campId: a } = await setUp('G');
    const b = (await createCamp(service, campInput(fixture, vidhanSabhas[3], { startsOn: '2021-09-20', endsOn: '2021-09-20' }))).id;
    const other = await createCampaignFixture(service, tree.state);
    const c = (await createCamp(service, campInput(other, vidhanSabhas[1]))).id;
    const [m0, m1] = await createMembers(service, tree, 2);
    const [a0, a1] = (await enroll(a, [m0, m1])).data!.enrollMembers.map((row) => row.id);
    const [b0] = (await enroll(b, [m0])).data!.enrollMembers.map((row) => row.id);
    const [c1] = (await enroll(c, [m1])).data!.enrollMembers.map((row) => row.id);
    await update(a0, { status: 'ATTENDED', topicsAttended: [fixture.topics[1]] });
    await update(c1, { status: 'CANCELLED' });

    const ids = async (filter: Record<string, unknown>) =>
      (
        await service.data<{ enrollments: { items: { id: string }[] } }>(
          `query ($f: EnrollmentFilter) { enrollments(filter: $f, page: { limit: 100 }) { items { id } } }`,
          { f: { ids: [a0, a1, b0, c1], ...filter } },
        )
      ).enrollments.items
        .map((item) => item.id)
        .sort();
    // Enrolments written by one enrollMembers call share a creation time: compare as sets.
    const set = (...items: string[]) => items.sort();
    expect(await ids({})).toEqual(set(a0, a1, b0, c1));
    expect(await ids({ campId: a })).toEqual(set(a0, a1));
    expect(await ids({ memberId: m0 })).toEqual(set(a0, b0));
    expect(await ids({ statuses: ['REGISTERED'] })).toEqual(set(a1, b0));
    expect(await ids({ campaignId: fixture.campaignId })).toEqual(set(a0, a1, b0));
    expect(await ids({ campaignId: other.campaignId })).toEqual(set(c1));
    expect(await ids({ phaseId: other.phase2 })).toEqual(set(c1));
    expect(await ids({ withinUnit: tree.regions[1] })).toEqual(set(b0));
    expect(await ids({ withinUnit: tree.districts[0], memberId: m1 })).toEqual(set(a1));
    expect(await ids({ topicAttended: fixture.topics[1] })).toEqual(set(a0));
    const { camp } = await service.data<{ camp: { enrollments: { items: { id: string }[]; total: number } } }>(
      `query ($id: ID!) { camp(id: $id) { enrollments(statuses: [ATTENDED], page: { limit: 10 }) { items { id } total } } }`,
      { id: a },
    );
    expect(camp.enrollments).toEqual({ items: [{ id: a0 }], total: 1 });
    expect(fieldsOf(await service.request(`{ enrollments(filter: { withinUnit: "nope" }) { total } }`))).toEqual({
      'filter.withinUnit': '"nope" is not a valid id',
    });
  });

  it('adds enrolments and trainings completed to Member, batched: one query each however many members', async () => {
    const { tree, vidhanSabhas, fixture, campId: a } = await setUp('H');
    const b = (await createCamp(service, campInput(fixture, vidhanSabhas[2]))).id;
    const [m0, m1, m2] = await createMembers(service, tree, 3);
    const [a0, a1] = (await enroll(a, [m0, m1])).data!.enrollMembers.map((row) => row.id);
    const [b0] = (await enroll(b, [m0])).data!.enrollMembers.map((row) => row.id);
    await setStatuses([a0, b0], 'COMPLETED', '2021-09-17');

    service.queryLog.clear();
    const { _entities } = await service.data<{
      _entities: { id: string; enrollments: { id: string; status: string; camp: { id: string } }[] }[];
    }>(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id enrollments { id status camp { id } } } } }`, {
      r: [m0, m1, m2].map((id) => ({ __typename: 'Member', id })),
    });
    expect(_entities).toEqual([
      {
        id: m0,
        enrollments: [
          { id: b0, status: 'COMPLETED', camp: { id: b } },
          { id: a0, status: 'COMPLETED', camp: { id: a } },
        ],
      },
      { id: m1, enrollments: [{ id: a1, status: 'REGISTERED', camp: { id: a } }] },
      { id: m2, enrollments: [] },
    ]);
    expect(service.queryLog.selectsFrom('enrollment')).toHaveLength(1);
    expect(service.queryLog.selectsFrom('camp')).toHaveLength(1);

    service.queryLog.clear();
    const counts = await service.data<{ _entities: { trainingsCompleted: number }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { trainingsCompleted } } }`,
      { r: [m0, m1, m2].map((id) => ({ __typename: 'Member', id })) },
    );
    expect(counts._entities.map((member) => member.trainingsCompleted)).toEqual([2, 0, 0]);
    expect(service.queryLog.selectsFrom('enrollment')).toHaveLength(1);
  });

  it('soft-deletes (in bulk all or none) and restores, as long as the member’s place is still free', async () => {
    const { tree, campId } = await setUp('I', { capacity: 2 });
    const [m0, m1, m2] = await createMembers(service, tree, 3);
    const [e0, e1] = (await enroll(campId, [m0, m1])).data!.enrollMembers.map((row) => row.id);
    const partly = await service.request(`mutation ($ids: [ID!]!) { deleteEnrollments(ids: $ids) { id } }`, { ids: [e0, UNKNOWN] });
    expect(fieldsOf(partly)).toEqual({ 'ids.1': `no Enrollment with id ${UNKNOWN}` });
    expect(await liveRows(campId)).toBe(2);

    await service.data(`mutation ($id: ID!) { deleteEnrollment(id: $id) { id } }`, { id: e0 });
    expect(await enrolledCount(campId)).toBe(1);
    expect((await service.data<{ enrollment: null }>(`query ($id: ID!) { enrollment(id: $id) { id } }`, { id: e0 })).enrollment).toBeNull();
    // The member enrols again; the old enrolment may not come back beside the new one.
    const again = await created({ campId, memberId: m0 });
    const restore = (id: string) => service.request(`mutation ($id: ID!) { restoreEnrollment(id: $id) { id status } }`, { id });
    expect(fieldsOf(await restore(e0))).toEqual({
      memberId: 'the member was enrolled in this camp again since',
      campId: 'the camp is full (capacity 2)',
    });
    await service.data(`mutation ($ids: [ID!]!) { deleteEnrollments(ids: $ids) { id } }`, { ids: [again.id, e1] });
    expect(await enrolledCount(campId)).toBe(0);
    await created({ campId, memberId: m2 });
    expect((await restore(e0)).data).toEqual({ restoreEnrollment: { id: e0, status: 'REGISTERED' } });
    expect(fieldsOf(await restore(e1))).toEqual({ campId: 'the camp is full (capacity 2)' });
    expect(await enrolledCount(campId)).toBe(2);
  });
});
