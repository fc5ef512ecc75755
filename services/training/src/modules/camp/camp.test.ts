import { writeFixture } from '@sangathan/common';
import { createPartyFixture } from '@sangathan/membership/test-support';
import { startTrainingTestService, type TrainingTestService } from '../../test-support';
import { CampaignPhase } from '../campaign-phase/campaign-phase.entity';
import {
  addVidhanSabhas,
  createCamp,
  createCampaignFixture,
  createMembers,
  rowCounts,
  TOPIC_TITLES,
  type CampaignFixture,
} from './camp-fixtures';

let service: TrainingTestService;
beforeAll(async () => {
  service = await startTrainingTestService('camp');
});
afterAll(() => service.stop());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** A phase-2 camp (15–30 September 2021) with a trainer team and the five topics. */
const campInput = (fixture: CampaignFixture, unitId: string, extra: Record<string, unknown> = {}) => ({
  phaseId: fixture.phase2,
  unitId,
  venue: 'रामलीला मैदान',
  startsOn: '2021-09-16',
  endsOn: '2021-09-17',
  capacity: 300,
  trainerTeamId: fixture.teams[0],
  topicIds: fixture.topics,
  ...extra,
});

const CREATE = `mutation ($input: CampInput!) { createCamp(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: CampUpdateInput!, $v: Int) {
  updateCamp(id: $id, input: $input, expectedVersion: $v) {
    id version phaseId unitId venue startsOn endsOn capacity trainerTeamId topicIds status } }`;

const fieldsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => {
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  return result.errors?.[0].extensions?.fields;
};

const enroll = (campId: string, memberIds: string[]) =>
  service.data<{ enrollMembers: { id: string }[] }>(`mutation ($c: ID!, $m: [ID!]!) { enrollMembers(campId: $c, memberIds: $m) { id } }`, {
    c: campId,
    m: memberIds,
  });

describe('camps', () => {
  it('holds a phase-2 camp at an assembly constituency, with its trainer team and five topics, and reads it back', async () => {
    const tree = await createPartyFixture(service.membership, 'A');
    const vidhanSabhas = await addVidhanSabhas(service, tree);
    const fixture = await createCampaignFixture(service, tree.state);
    const camp = await createCamp(service, campInput(fixture, vidhanSabhas[0]));
    expect(camp.version).toBe(1);
    const [row] = await service.dataSource.query(
      'SELECT organization_id, unit_path, unit_level, campaign_id, status FROM camp WHERE id = $1',
      [camp.id],
    );
    expect(row).toEqual({
      organization_id: tree.organizationId,
      unit_path: [tree.state, tree.regions[0], tree.districts[0], vidhanSabhas[0]],
      unit_level: 'vidhan_sabha',
      campaign_id: fixture.campaignId,
      status: 'PLANNED',
    });

    const { camp: read } = await service.data<{ camp: Record<string, unknown> }>(
      `query ($id: ID!) { camp(id: $id) {
        venue startsOn endsOn capacity status organizationId campaignId phaseId unitId trainerTeamId topicIds
        phase { id number campLevel } campaign { id name } unit { id } trainerTeam { id name } topics { id title }
        enrolledCount enrollments { total items { id } } } }`,
      { id: camp.id },
    );
    expect(read).toEqual({
      venue: 'रामलीला मैदान',
      startsOn: '2021-09-16',
      endsOn: '2021-09-17',
      capacity: 300,
      status: 'PLANNED',
      organizationId: tree.organizationId,
      campaignId: fixture.campaignId,
      phaseId: fixture.phase2,
      unitId: vidhanSabhas[0],
      trainerTeamId: fixture.teams[0],
      topicIds: fixture.topics,
      phase: { id: fixture.phase2, number: 2, campLevel: 'vidhan_sabha' },
      campaign: { id: fixture.campaignId, name: 'प्रशिक्षण से पराक्रम' },
      unit: { id: vidhanSabhas[0] },
      trainerTeam: { id: fixture.teams[0], name: 'मास्टर ट्रेनर दल 1' },
      topics: fixture.topics.map((id, index) => ({ id, title: TOPIC_TITLES[index] })),
      enrolledCount: 0,
      enrollments: { total: 0, items: [] },
    });

    // Phase 1 was held district by district; a camp needs neither a team nor topics.
    const district = await createCamp(service, {
      phaseId: fixture.phase1,
      unitId: tree.districts[1],
      venue: 'जिला कार्यालय',
      startsOn: '2021-08-21',
      endsOn: '2021-08-21',
      capacity: 400,
      status: 'COMPLETED',
    });
    const { camp: second } = await service.data<{ camp: Record<string, unknown> }>(
      `query ($id: ID!) { camp(id: $id) { status trainerTeam { id } topics { id } phase { number } } }`,
      { id: district.id },
    );
    expect(second).toEqual({ status: 'COMPLETED', trainerTeam: null, topics: [], phase: { number: 1 } });
  });

  it('refuses bad input, reporting every field at once (topics per index), and writes nothing', async () => {
    const tree = await createPartyFixture(service.membership, 'B');
    const other = await createPartyFixture(service.membership, 'B2');
    const vidhanSabhas = await addVidhanSabhas(service, tree);
    // Run by region 1: camps must lie within it.
    const fixture = await createCampaignFixture(service, tree.regions[0]);
    const elsewhere = await createCampaignFixture(service, tree.state);
    const before = await rowCounts(service);

    const everything = await service.request(CREATE, {
      input: campInput(fixture, vidhanSabhas[2], {
        venue: '  ',
        startsOn: '2021-09-10',
        endsOn: '2021-10-02',
        capacity: 0,
        trainerTeamId: elsewhere.teams[0],
        topicIds: [fixture.topics[0], fixture.topics[1], elsewhere.topics[0], UNKNOWN, fixture.topics[0], 'x'],
      }),
    });
    expect(fieldsOf(everything)).toEqual({
      unitId: 'must lie within the unit that runs the campaign',
      venue: 'must not be empty',
      startsOn: 'must be within the phase (2021-09-15 to 2021-09-30)',
      endsOn: 'must be within the phase (2021-09-15 to 2021-09-30)',
      capacity: 'must be a whole number, 1 or more',
      trainerTeamId: 'belongs to another campaign',
      'topicIds.2': 'belongs to another campaign',
      'topicIds.3': `no Topic with id ${UNKNOWN}`,
      'topicIds.4': 'listed twice (also at topicIds.0)',
      'topicIds.5': 'no Topic with id x',
    });
    const refuse = async (extra: Record<string, unknown>) =>
      fieldsOf(await service.request(CREATE, { input: campInput(fixture, vidhanSabhas[0], extra) }));
    // Phase 2 is held assembly by assembly: a district will not do.
    expect(await refuse({ unitId: tree.districts[0] })).toEqual({
      unitId: 'must be a unit at the phase’s camp level "vidhan_sabha", not "district"',
    });
    expect(await refuse({ unitId: other.districts[0] })).toEqual({ unitId: 'belongs to another organisation' });
    expect(await refuse({ unitId: UNKNOWN })).toEqual({ unitId: `no OrgUnit with id ${UNKNOWN}` });
    expect(await refuse({ phaseId: UNKNOWN })).toEqual({ phaseId: `no CampaignPhase with id ${UNKNOWN}` });
    expect(await refuse({ startsOn: '2021-09-20', endsOn: '2021-09-18' })).toEqual({ endsOn: 'must not be before the start date' });
    expect(await refuse({ trainerTeamId: UNKNOWN, venue: 'x'.repeat(301) })).toEqual({
      trainerTeamId: `no TrainerTeam with id ${UNKNOWN}`,
      venue: 'must be at most 300 characters',
    });
    expect(await refuse({ capacity: -5, topicIds: [] })).toEqual({ capacity: 'must be a whole number, 1 or more' });
    // A deleted phase, topic or team is refused like an unknown one.
    await writeFixture(service.dataSource, (manager) => manager.softDelete(CampaignPhase, elsewhere.phase2));
    expect(fieldsOf(await service.request(CREATE, { input: campInput(elsewhere, vidhanSabhas[0]) }))).toEqual({
      phaseId: `no CampaignPhase with id ${elsewhere.phase2}`,
    });
    const badDate = await service.request(CREATE, { input: campInput(fixture, vidhanSabhas[0], { startsOn: '2021-02-30' }) });
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await rowCounts(service)).toEqual(before);
  });

  it('updates with expectedVersion: phase of the same campaign, level and dates rechecked, capacity not below enrolments', async () => {
    const tree = await createPartyFixture(service.membership, 'C');
    const vidhanSabhas = await addVidhanSabhas(service, tree);
    const fixture = await createCampaignFixture(service, tree.state);
    const elsewhere = await createCampaignFixture(service, tree.state);
    const camp = await createCamp(service, campInput(fixture, vidhanSabhas[0], { capacity: 3 }));
    const members = await createMembers(service, tree, 2);
    const [first] = (await enroll(camp.id, members)).enrollMembers;
    await service.data(
      `mutation ($id: ID!, $t: [ID!]) { updateEnrollment(id: $id, input: { status: ATTENDED, topicsAttended: $t }) { id } }`,
      {
        id: first.id,
        t: [fixture.topics[4]],
      },
    );
    const update = (input: Record<string, unknown>, v?: number) =>
      service.request<{ updateCamp: Record<string, unknown> }>(UPDATE, { id: camp.id, input, v });
    const snapshot = async () => (await service.dataSource.query('SELECT * FROM camp WHERE id = $1', [camp.id]))[0];
    const before = await snapshot();

    expect((await update({ venue: 'नया' }, camp.version + 1)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(fieldsOf(await update({ capacity: 1 }))).toEqual({ capacity: 'must not be below the 2 members enrolled' });
    expect(fieldsOf(await update({ phaseId: elsewhere.phase1 }))).toEqual({ phaseId: 'must be a phase of the camp’s campaign' });
    expect(fieldsOf(await update({ phaseId: fixture.phase1 }))).toEqual({
      unitId: 'must be a unit at the phase’s camp level "district", not "vidhan_sabha"',
      startsOn: 'must be within the phase (2021-08-20 to 2021-08-31)',
      endsOn: 'must be within the phase (2021-08-20 to 2021-08-31)',
    });
    expect(fieldsOf(await update({ endsOn: '2021-10-01', trainerTeamId: elsewhere.teams[1] }))).toEqual({
      endsOn: 'must be within the phase (2021-09-15 to 2021-09-30)',
      trainerTeamId: 'belongs to another campaign',
    });
    // A member is recorded as attending topic 5: it cannot be taken off the camp.
    expect(fieldsOf(await update({ topicIds: fixture.topics.slice(0, 4) }))).toEqual({
      topicIds: '1 enrolled member(s) are recorded as attending a topic this would remove',
    });
    expect(fieldsOf(await update({ topicIds: [fixture.topics[0], elsewhere.topics[1]] }))).toEqual({
      'topicIds.1': 'belongs to another campaign',
    });
    expect(fieldsOf(await update({ unitId: tree.mandals[0], venue: '' }))).toEqual({
      unitId: 'must be a unit at the phase’s camp level "vidhan_sabha", not "mandal"',
      venue: 'must not be empty',
    });
    expect(await snapshot()).toEqual(before);

    const changed = await update(
      {
        unitId: vidhanSabhas[1],
        venue: 'टाउन हॉल',
        capacity: 2,
        trainerTeamId: null,
        topicIds: [fixture.topics[4], fixture.topics[0]],
        startsOn: '2021-09-25',
        endsOn: '2021-09-26',
        status: 'ONGOING',
      },
      camp.version,
    );
    expect(changed.data?.updateCamp).toEqual({
      id: camp.id,
      version: camp.version + 1,
      phaseId: fixture.phase2,
      unitId: vidhanSabhas[1],
      venue: 'टाउन हॉल',
      startsOn: '2021-09-25',
      endsOn: '2021-09-26',
      capacity: 2,
      trainerTeamId: null,
      topicIds: [fixture.topics[4], fixture.topics[0]],
      status: 'ONGOING',
    });
    const [row] = await service.dataSource.query('SELECT unit_path, unit_level FROM camp WHERE id = $1', [camp.id]);
    expect(row).toEqual({ unit_path: [tree.state, tree.regions[0], tree.districts[1], vidhanSabhas[1]], unit_level: 'vidhan_sabha' });

    // Moved to phase 1: a district and August dates.
    const moved = await update({ phaseId: fixture.phase1, unitId: tree.districts[2], startsOn: '2021-08-25', endsOn: '2021-08-26' });
    expect(moved.data?.updateCamp).toMatchObject({ phaseId: fixture.phase1, unitId: tree.districts[2], version: camp.version + 2 });
    expect((await update({ venue: 'x' }, camp.version)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await service.request(UPDATE, { id: UNKNOWN, input: { venue: 'x' } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lists by ids, text, organisation, campaign, phase, unit, subtree, level, status, team, topic and dates, sorted and paged', async () => {
    const tree = await createPartyFixture(service.membership, 'D');
    const vidhanSabhas = await addVidhanSabhas(service, tree);
    const fixture = await createCampaignFixture(service, tree.state);
    const a = await createCamp(service, campInput(fixture, vidhanSabhas[0]));
    const b = await createCamp(
      service,
      campInput(fixture, vidhanSabhas[3], {
        venue: 'Town Hall, Gorakhpur',
        startsOn: '2021-09-20',
        endsOn: '2021-09-21',
        capacity: 150,
        trainerTeamId: fixture.teams[1],
        topicIds: fixture.topics.slice(0, 2),
        status: 'ONGOING',
      }),
    );
    const c = await createCamp(service, {
      phaseId: fixture.phase1,
      unitId: tree.districts[1],
      venue: 'जिला कार्यालय',
      startsOn: '2021-08-22',
      endsOn: '2021-08-23',
      capacity: 400,
      topicIds: [fixture.topics[2]],
      status: 'COMPLETED',
    });
    const ids = async (filter: Record<string, unknown>, sort?: unknown) =>
      (
        await service.data<{ camps: { items: { id: string }[] } }>(
          `query ($f: CampFilter, $s: [CampSort!]) { camps(filter: $f, sort: $s, page: { limit: 100 }) { items { id } } }`,
          { f: { organizationId: tree.organizationId, ...filter }, s: sort },
        )
      ).camps.items.map((item) => item.id);
    expect(await ids({})).toEqual([c.id, a.id, b.id]);
    expect(await ids({}, [{ field: 'capacity', direction: 'DESC' }])).toEqual([c.id, a.id, b.id]);
    expect(await ids({}, [{ field: 'venue' }])).toEqual([b.id, c.id, a.id]);
    expect(await ids({ ids: [a.id, b.id] })).toEqual([a.id, b.id]);
    expect(await ids({ q: 'town hall' })).toEqual([b.id]);
    expect(await ids({ q: 'रामलीला' })).toEqual([a.id]);
    expect(await ids({ campaignId: fixture.campaignId })).toEqual([c.id, a.id, b.id]);
    expect(await ids({ phaseId: fixture.phase2 })).toEqual([a.id, b.id]);
    expect(await ids({ unitId: vidhanSabhas[0] })).toEqual([a.id]);
    expect(await ids({ withinUnit: tree.regions[0] })).toEqual([c.id, a.id]);
    expect(await ids({ withinUnit: tree.regions[1] })).toEqual([b.id]);
    expect(await ids({ unitLevels: ['district'] })).toEqual([c.id]);
    expect(await ids({ statuses: ['ONGOING', 'COMPLETED'] })).toEqual([c.id, b.id]);
    expect(await ids({ trainerTeamId: fixture.teams[1] })).toEqual([b.id]);
    expect(await ids({ topicId: fixture.topics[2] })).toEqual([c.id, a.id]);
    expect(await ids({ from: '2021-09-18' })).toEqual([b.id]);
    expect(await ids({ to: '2021-09-16' })).toEqual([c.id, a.id]);
    expect(await ids({ from: '2021-09-17', to: '2021-09-20' })).toEqual([a.id, b.id]);

    const page = async (after?: string) =>
      (
        await service.data<{ camps: { items: { id: string }[]; total: number; nextCursor: string | null } }>(
          `query ($f: CampFilter, $after: String) { camps(filter: $f, page: { limit: 2, after: $after }) { items { id } total nextCursor } }`,
          { f: { organizationId: tree.organizationId }, after },
        )
      ).camps;
    const first = await page();
    expect(first).toMatchObject({ items: [{ id: c.id }, { id: a.id }], total: 3 });
    expect((await page(first.nextCursor!)).items).toEqual([{ id: b.id }]);
    expect(fieldsOf(await service.request(`{ camps(filter: { phaseId: "nope" }) { total } }`))).toEqual({
      'filter.phaseId': '"nope" is not a valid id',
    });
  });

  it('soft-deletes (in bulk all or none, not while members are enrolled) and restores; resolves references in one query', async () => {
    const tree = await createPartyFixture(service.membership, 'E');
    const vidhanSabhas = await addVidhanSabhas(service, tree);
    const fixture = await createCampaignFixture(service, tree.state);
    const empty = await createCamp(service, campInput(fixture, vidhanSabhas[0]));
    const busy = await createCamp(service, campInput(fixture, vidhanSabhas[1]));
    await enroll(busy.id, await createMembers(service, tree, 1));
    const total = async () =>
      (
        await service.data<{ camps: { total: number } }>(`query ($o: ID) { camps(filter: { organizationId: $o }) { total } }`, {
          o: tree.organizationId,
        })
      ).camps.total;

    const blocked = 'the camp has 1 enrolment(s); cancel the camp instead, or delete its enrolments first';
    expect(fieldsOf(await service.request(`mutation ($id: ID!) { deleteCamp(id: $id) { id } }`, { id: busy.id }))).toEqual({ id: blocked });
    const bulk = (ids: string[]) => service.request(`mutation ($ids: [ID!]!) { deleteCamps(ids: $ids) { id } }`, { ids });
    expect(fieldsOf(await bulk([empty.id, busy.id]))).toEqual({ 'ids.1': blocked });
    expect(fieldsOf(await bulk([empty.id, UNKNOWN]))).toEqual({ 'ids.1': `no Camp with id ${UNKNOWN}` });
    expect(await total()).toBe(2);

    await service.data(`mutation ($ids: [ID!]!) { deleteCamps(ids: $ids) { id } }`, { ids: [empty.id] });
    expect(await total()).toBe(1);
    expect((await service.data<{ camp: null }>(`query ($id: ID!) { camp(id: $id) { id } }`, { id: empty.id })).camp).toBeNull();
    await service.data(`mutation ($id: ID!) { restoreCamp(id: $id) { id } }`, { id: empty.id });
    expect(await total()).toBe(2);

    // A camp whose phase has gone cannot come back until the phase does.
    await service.data(`mutation ($id: ID!) { deleteCamp(id: $id) { id } }`, { id: empty.id });
    await writeFixture(service.dataSource, (manager) => manager.softDelete(CampaignPhase, fixture.phase2));
    expect(fieldsOf(await service.request(`mutation ($id: ID!) { restoreCamp(id: $id) { id } }`, { id: empty.id }))).toEqual({
      phaseId: 'the camp’s phase was deleted; restore the phase first',
    });
    await writeFixture(service.dataSource, (manager) => manager.restore(CampaignPhase, fixture.phase2));

    service.queryLog.clear();
    const { _entities } = await service.data<{ _entities: { id: string; venue: string; enrolledCount: number }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Camp { id venue enrolledCount } } }`,
      { r: [empty.id, busy.id].map((id) => ({ __typename: 'Camp', id })) },
    );
    expect(_entities).toEqual([
      { id: empty.id, venue: 'रामलीला मैदान', enrolledCount: 0 },
      { id: busy.id, venue: 'रामलीला मैदान', enrolledCount: 1 },
    ]);
    expect(service.queryLog.selectsFrom('camp')).toHaveLength(1);
  });

  it('follows a unit moved in membership: OrgUnit.camps of the new ancestor includes the camp', async () => {
    const tree = await createPartyFixture(service.membership, 'F');
    const vidhanSabhas = await addVidhanSabhas(service, tree);
    const fixture = await createCampaignFixture(service, tree.state);
    const camp = await createCamp(service, campInput(fixture, vidhanSabhas[0]));
    const cancelled = await createCamp(service, campInput(fixture, vidhanSabhas[0], { status: 'CANCELLED' }));
    const campsOf = async (unitId: string, statuses?: string[]) => {
      const { _entities } = await service.data<{ _entities: { camps: { items: { id: string }[]; total: number } }[] }>(
        `query ($r: [_Any!]!, $s: [CampStatus!]) { _entities(representations: $r) { ... on OrgUnit { camps(statuses: $s) { items { id } total } } } }`,
        { r: [{ __typename: 'OrgUnit', id: unitId }], s: statuses },
      );
      return _entities[0].camps.items.map((item) => item.id);
    };
    expect(await campsOf(tree.regions[0])).toEqual([camp.id, cancelled.id].sort());
    expect(await campsOf(tree.regions[0], ['PLANNED'])).toEqual([camp.id]);
    expect(await campsOf(tree.regions[1])).toEqual([]);

    await service.membership.data(`mutation ($id: ID!, $p: ID!) { updateOrgUnit(id: $id, input: { parentId: $p }) { id } }`, {
      id: vidhanSabhas[0],
      p: tree.districts[3],
    });
    expect(await service.followUnitChanges()).toBeGreaterThanOrEqual(1);
    const [row] = await service.dataSource.query('SELECT unit_path FROM camp WHERE id = $1', [camp.id]);
    expect(row.unit_path).toEqual([tree.state, tree.regions[1], tree.districts[3], vidhanSabhas[0]]);
    expect(await campsOf(tree.regions[1], ['PLANNED'])).toEqual([camp.id]);
    expect(await campsOf(tree.districts[3], ['PLANNED'])).toEqual([camp.id]);
    expect(await campsOf(tree.regions[0])).toEqual([]);
  });
});
