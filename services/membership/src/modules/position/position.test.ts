import { today } from '@sangathan/common';
import { createMember, createPartyFixture, startMembershipTestService, type MembershipTestService } from '../../test-support';

let service: MembershipTestService;
beforeAll(async () => {
  service = await startMembershipTestService('position');
});
afterAll(() => service.stop());

const POSITION_FIELDS = 'id version memberId unitId title label startsOn endsOn active member { fullName } unit { code }';
type PositionRow = {
  id: string;
  version: number;
  memberId: string;
  unitId: string;
  title: string;
  label: string | null;
  startsOn: string;
  endsOn: string | null;
  active: boolean;
  member: { fullName: string };
  unit: { code: string };
};

const positionCount = async () => (await service.dataSource.query('SELECT count(*)::int AS n FROM "position"'))[0].n as number;

async function createPosition(input: Record<string, unknown>): Promise<PositionRow> {
  const { createPosition } = await service.data<{ createPosition: PositionRow }>(
    `mutation ($input: PositionInput!) { createPosition(input: $input) { ${POSITION_FIELDS} } }`,
    { input },
  );
  return createPosition;
}

async function positionIds(filter: Record<string, unknown>): Promise<string[]> {
  const { positions } = await service.data<{ positions: { total: number; items: { id: string }[] } }>(
    `query ($f: PositionFilter) { positions(filter: $f, sort: [{ field: startsOn }], page: { limit: 500 }) { total items { id } } }`,
    { f: filter },
  );
  expect(positions.total).toBe(positions.items.length);
  return positions.items.map((p) => p.id);
}

/** `days` days from today, as YYYY-MM-DD (UTC, like the service's today()). */
function dayOffset(days: number): string {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000beef';

describe('positions', () => {
  it('creates a position starting today by default, held today', async () => {
    const tree = await createPartyFixture(service, 'A');
    const memberId = await createMember(service, { organizationId: tree.organizationId, fullName: 'संजय राय', unitId: tree.booths[0] });
    const position = await createPosition({ memberId, unitId: tree.booths[0], title: 'PRESIDENT', label: '  Booth president  ' });
    expect(position).toMatchObject({
      version: 1,
      memberId,
      unitId: tree.booths[0],
      title: 'PRESIDENT',
      label: 'Booth president',
      startsOn: today(),
      endsOn: null,
      active: true,
      member: { fullName: 'संजय राय' },
      unit: { code: 'R1-D1-M1-B1' },
    });
    const { position: read } = await service.data<{ position: PositionRow }>(
      `query ($id: ID!) { position(id: $id) { ${POSITION_FIELDS} } }`,
      { id: position.id },
    );
    expect(read).toEqual(position);
  });

  it('an ended or not yet started position is not active; the active filter tells them apart', async () => {
    const tree = await createPartyFixture(service, 'B');
    const memberId = await createMember(service, { organizationId: tree.organizationId, fullName: 'सुनीता देवी', unitId: tree.booths[0] });
    const ended = await createPosition({
      memberId,
      unitId: tree.mandals[0],
      title: 'SECRETARY',
      startsOn: '2019-04-01',
      endsOn: '2021-03-31',
    });
    const endsToday = await createPosition({
      memberId,
      unitId: tree.mandals[0],
      title: 'TREASURER',
      startsOn: '2021-04-01',
      endsOn: today(),
    });
    const current = await createPosition({ memberId, unitId: tree.districts[0], title: 'GENERAL_SECRETARY', startsOn: '2022-01-01' });
    const future = await createPosition({ memberId, unitId: tree.districts[0], title: 'PRESIDENT', startsOn: dayOffset(30) });
    expect([ended.active, endsToday.active, current.active, future.active]).toEqual([false, true, true, false]);

    expect(await positionIds({ memberId, active: false })).toEqual([ended.id, future.id]);
    expect(await positionIds({ memberId, active: true })).toEqual([endsToday.id, current.id]);
    expect(await positionIds({ memberId })).toEqual([ended.id, endsToday.id, current.id, future.id]);
  });

  it.each([
    [
      'an end before the start',
      (tree: Fixture, memberId: string) => ({ memberId, unitId: tree.booths[0], startsOn: '2022-05-10', endsOn: '2022-05-09' }),
      'endsOn',
    ],
    ['an unknown member', (tree: Fixture) => ({ memberId: UNKNOWN_ID, unitId: tree.booths[0] }), 'memberId'],
    ['a malformed member id', (tree: Fixture) => ({ memberId: 'member-1', unitId: tree.booths[0] }), 'memberId'],
    ['an unknown unit', (_tree: Fixture, memberId: string) => ({ memberId, unitId: UNKNOWN_ID }), 'unitId'],
  ])('refuses %s with BAD_USER_INPUT on that field and writes nothing', async (label, input, field) => {
    const tree = await createPartyFixture(service, `C${label.length}`);
    const memberId = await createMember(service, { organizationId: tree.organizationId, fullName: 'राम', unitId: tree.booths[0] });
    const before = await positionCount();
    const result = await service.request(`mutation ($input: PositionInput!) { createPosition(input: $input) { id } }`, {
      input: { title: 'CONVENOR', ...input(tree, memberId) },
    });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors?.[0].extensions?.fields as object)).toEqual([field]);
    expect(await positionCount()).toBe(before);
  });

  it('refuses a unit of another organisation than the member', async () => {
    const first = await createPartyFixture(service, 'D1');
    const other = await createPartyFixture(service, 'D2');
    const memberId = await createMember(service, { organizationId: first.organizationId, fullName: 'राम', unitId: first.booths[0] });
    const before = await positionCount();
    const result = await service.request(`mutation ($input: PositionInput!) { createPosition(input: $input) { id } }`, {
      input: { memberId, unitId: other.booths[0], title: 'PRESIDENT' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { unitId: expect.stringContaining('another organisation') },
    });
    expect(Object.keys(result.errors?.[0].extensions?.fields as object)).toEqual(['unitId']);
    expect(await positionCount()).toBe(before);
  });

  it('lists a member’s positions newest first', async () => {
    const tree = await createPartyFixture(service, 'E');
    const memberId = await createMember(service, { organizationId: tree.organizationId, fullName: 'अजय कुमार', unitId: tree.booths[0] });
    const middle = await createPosition({
      memberId,
      unitId: tree.mandals[0],
      title: 'SECRETARY',
      startsOn: '2018-06-01',
      endsOn: '2020-05-31',
    });
    const newest = await createPosition({ memberId, unitId: tree.districts[0], title: 'PRESIDENT', startsOn: '2023-02-01' });
    const oldest = await createPosition({
      memberId,
      unitId: tree.booths[0],
      title: 'COMMITTEE_MEMBER',
      startsOn: '2015-01-15',
      endsOn: '2018-05-31',
    });
    const otherMember = await createMember(service, { organizationId: tree.organizationId, fullName: 'दूसरा', unitId: tree.booths[1] });
    await createPosition({ memberId: otherMember, unitId: tree.booths[1], title: 'PRESIDENT', startsOn: '2024-01-01' });

    const { member } = await service.data<{ member: { positions: { id: string; startsOn: string; active: boolean }[] } }>(
      `query ($id: ID!) { member(id: $id) { positions { id startsOn active } } }`,
      { id: memberId },
    );
    expect(member.positions).toEqual([
      { id: newest.id, startsOn: '2023-02-01', active: true },
      { id: middle.id, startsOn: '2018-06-01', active: false },
      { id: oldest.id, startsOn: '2015-01-15', active: false },
    ]);
  });

  it('filters by subtree (withinUnit) and titles', async () => {
    const tree = await createPartyFixture(service, 'F');
    const a = await createMember(service, { organizationId: tree.organizationId, fullName: 'एक', unitId: tree.booths[0] });
    const b = await createMember(service, { organizationId: tree.organizationId, fullName: 'दो', unitId: tree.booths[5] });
    const boothPresident = await createPosition({ memberId: a, unitId: tree.booths[1], title: 'PRESIDENT', startsOn: '2021-01-01' });
    const regionConvenor = await createPosition({ memberId: a, unitId: tree.regions[0], title: 'CONVENOR', startsOn: '2021-02-01' });
    const otherRegionPresident = await createPosition({ memberId: b, unitId: tree.booths[5], title: 'PRESIDENT', startsOn: '2021-03-01' });
    const stateSpokesperson = await createPosition({ memberId: b, unitId: tree.state, title: 'SPOKESPERSON', startsOn: '2021-04-01' });

    expect(await positionIds({ withinUnit: tree.regions[0] })).toEqual([boothPresident.id, regionConvenor.id]);
    expect(await positionIds({ withinUnit: tree.regions[1] })).toEqual([otherRegionPresident.id]);
    expect(await positionIds({ withinUnit: tree.mandals[0] })).toEqual([boothPresident.id]);
    expect(await positionIds({ withinUnit: tree.booths[1] })).toEqual([boothPresident.id]);
    expect(await positionIds({ withinUnit: tree.state })).toEqual([
      boothPresident.id,
      regionConvenor.id,
      otherRegionPresident.id,
      stateSpokesperson.id,
    ]);
    expect(await positionIds({ withinUnit: tree.state, titles: ['PRESIDENT'] })).toEqual([boothPresident.id, otherRegionPresident.id]);
    expect(await positionIds({ withinUnit: tree.state, titles: ['CONVENOR', 'SPOKESPERSON'] })).toEqual([
      regionConvenor.id,
      stateSpokesperson.id,
    ]);
    expect(await positionIds({ withinUnit: tree.regions[1], titles: ['CONVENOR'] })).toEqual([]);
  });

  it('updates with expectedVersion; a stale version is a CONFLICT that changes nothing', async () => {
    const tree = await createPartyFixture(service, 'G');
    const memberId = await createMember(service, { organizationId: tree.organizationId, fullName: 'राम लाल', unitId: tree.booths[0] });
    const position = await createPosition({ memberId, unitId: tree.booths[0], title: 'PRESIDENT', startsOn: '2020-01-01' });
    const { updatePosition: ended } = await service.data<{ updatePosition: PositionRow }>(
      `mutation ($id: ID!) { updatePosition(id: $id, input: { endsOn: "2022-12-31", title: VICE_PRESIDENT }, expectedVersion: 1) { ${POSITION_FIELDS} } }`,
      { id: position.id },
    );
    expect(ended).toMatchObject({ version: 2, title: 'VICE_PRESIDENT', startsOn: '2020-01-01', endsOn: '2022-12-31', active: false });

    const stale = await service.request(
      `mutation ($id: ID!) { updatePosition(id: $id, input: { endsOn: "2030-01-01", title: TREASURER }, expectedVersion: 1) { id } }`,
      {
        id: position.id,
      },
    );
    expect(stale.data).toBeNull();
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });

    const badRange = await service.request(
      `mutation ($id: ID!) { updatePosition(id: $id, input: { startsOn: "2023-01-01" }, expectedVersion: 2) { id } }`,
      {
        id: position.id,
      },
    );
    expect(badRange.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { endsOn: expect.any(String) } });

    const { position: read } = await service.data<{ position: PositionRow }>(
      `query ($id: ID!) { position(id: $id) { ${POSITION_FIELDS} } }`,
      { id: position.id },
    );
    expect(read).toEqual(ended);
  });
});

type Fixture = Awaited<ReturnType<typeof createPartyFixture>>;
