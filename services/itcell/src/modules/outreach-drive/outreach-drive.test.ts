import { createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { startItcellTestService, type ItcellTestService } from '../../test-support';

let service: ItcellTestService;
beforeAll(async () => {
  service = await startItcellTestService('outreach_drive');
});
afterAll(() => service.stop());

type Tree = Awaited<ReturnType<typeof createPartyFixture>>;
type Fields = Record<string, string>;
type Progress = { target: number; achieved: number; percent: number };
type DriveUnitProgress = Progress & { unitId: string; unit: { id: string } };

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const DRIVE = `mutation ($input: OutreachDriveInput!) { createOutreachDrive(input: $input) { id version } }`;
const REPORT = `mutation ($input: DriveReportInput!) { createDriveReport(input: $input) { id } }`;
const SET_TARGETS = `mutation ($id: ID!, $targets: [DriveTargetInput!]!, $v: Int) {
  setDriveTargets(driveId: $id, targets: $targets, expectedVersion: $v) { id version progress { target achieved percent } } }`;

const createDrive = async (unitId: string, extra: Record<string, unknown> = {}) =>
  (
    await service.data<{ createOutreachDrive: { id: string; version: number } }>(DRIVE, {
      input: { kind: 'APP_ONBOARDING', name: 'ऐप जोड़ो अभियान', unitId, startsOn: '2018-07-01', endsOn: '2018-09-30', ...extra },
    })
  ).createOutreachDrive;

const setTargets = (driveId: string, targets: { unitId: string; target: number }[], expectedVersion?: number) =>
  service.request<{ setDriveTargets: { id: string; version: number; progress: Progress } }>(SET_TARGETS, {
    id: driveId,
    targets,
    v: expectedVersion,
  });

const createReport = (input: Record<string, unknown>) => service.request<{ createDriveReport: { id: string } }>(REPORT, { input });

const report = async (input: Record<string, unknown>) => {
  const result = await createReport(input);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createDriveReport.id;
};

const fieldsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => {
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  return result.errors?.[0].extensions?.fields as Fields;
};

const rows = async (table: string) => (await service.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const allCounts = async () => ({
  drives: await rows('outreach_drive'),
  targets: await rows('drive_target'),
  reports: await rows('drive_report'),
});

const progressOf = async (driveId: string, level: string) =>
  (
    await service.data<{ outreachDrive: { progress: Progress; progressByUnit: DriveUnitProgress[] } }>(
      `query ($id: ID!, $level: String!) { outreachDrive(id: $id) {
        progress { target achieved percent } progressByUnit(level: $level) { unitId unit { id } target achieved percent } } }`,
      { id: driveId, level },
    )
  ).outreachDrive;

/** The fixture's parent of every unit, as the test built it (state → regions → districts → mandals → booths). */
function parentsOf(tree: Tree): Map<string, string> {
  const parents = new Map<string, string>();
  tree.regions.forEach((region) => parents.set(region, tree.state));
  tree.districts.forEach((district, index) => parents.set(district, tree.regions[Math.floor(index / 2)]));
  tree.mandals.forEach((mandal, index) => parents.set(mandal, tree.districts[index]));
  tree.booths.forEach((booth, index) => parents.set(booth, tree.mandals[Math.floor(index / 2)]));
  return parents;
}

/** True when `unit` is `ancestor` or lies below it, walking the test's own parent map. */
function within(parents: Map<string, string>, unit: string, ancestor: string): boolean {
  for (let current: string | undefined = unit; current; current = parents.get(current)) if (current === ancestor) return true;
  return false;
}

const expectedPercent = (achieved: number, target: number) => (target === 0 ? 0 : Math.round((achieved * 1000) / target) / 10);

/** What progressByUnit must answer, summed here from the rows the test wrote. */
function expectedProgress(
  parents: Map<string, string>,
  units: string[],
  targets: { unitId: string; target: number }[],
  reports: { unitId: string; count: number }[],
): DriveUnitProgress[] {
  return units.map((unitId) => {
    const target = targets.filter((row) => within(parents, row.unitId, unitId)).reduce((sum, row) => sum + row.target, 0);
    const achieved = reports.filter((row) => within(parents, row.unitId, unitId)).reduce((sum, row) => sum + row.count, 0);
    return { unitId, unit: { id: unitId }, target, achieved, percent: expectedPercent(achieved, target) };
  });
}

const sortByUnit = (list: DriveUnitProgress[]) => [...list].sort((a, b) => a.unitId.localeCompare(b.unitId));

describe('outreach drives', () => {
  it('copies the root unit’s organisation, ancestry and level, and lists with filters, sort and keyset pages', async () => {
    const tree = await createPartyFixture(service.membership, 'A');
    const state = await createDrive(tree.state, { name: 'App onboarding 2018' });
    const region = await createDrive(tree.regions[1], {
      kind: 'VOTER_REGISTRATION',
      name: 'मतदाता पंजीकरण',
      startsOn: '2018-10-01',
      endsOn: '2018-12-31',
    });
    const [row] = await service.dataSource.query(
      'SELECT organization_id, unit_id, unit_path, unit_level, kind, starts_on::text FROM outreach_drive WHERE id = $1',
      [region.id],
    );
    expect(row).toEqual({
      organization_id: tree.organizationId,
      unit_id: tree.regions[1],
      unit_path: [tree.state, tree.regions[1]],
      unit_level: 'region',
      kind: 'VOTER_REGISTRATION',
      starts_on: '2018-10-01',
    });
    const ids = async (filter: Record<string, unknown>, sort?: unknown) =>
      (
        await service.data<{ outreachDrives: { items: { id: string }[] } }>(
          `query ($f: OutreachDriveFilter, $s: [OutreachDriveSort!]) { outreachDrives(filter: $f, sort: $s, page: { limit: 100 }) { items { id } } }`,
          { f: filter, s: sort },
        )
      ).outreachDrives.items.map((drive) => drive.id);
    const mine = { organizationId: tree.organizationId };
    expect(await ids(mine)).toEqual([state.id, region.id]);
    expect(await ids(mine, [{ field: 'startsOn', direction: 'DESC' }])).toEqual([region.id, state.id]);
    expect(await ids({ withinUnit: tree.regions[1] })).toEqual([region.id]);
    expect(await ids({ withinUnit: tree.state })).toEqual([state.id, region.id]);
    expect(await ids({ ...mine, kinds: ['VOTER_REGISTRATION'] })).toEqual([region.id]);
    expect(await ids({ ...mine, activeOn: '2018-08-15' })).toEqual([state.id]);
    expect(await ids({ ...mine, unitId: tree.state })).toEqual([state.id]);
    expect(await ids({ ...mine, q: 'पंजीकरण' })).toEqual([region.id]);
    const first = await service.data<{ outreachDrives: { items: { id: string }[]; total: number; nextCursor: string } }>(
      `query ($o: ID!) { outreachDrives(filter: { organizationId: $o }, page: { limit: 1 }) { items { id } total nextCursor } }`,
      { o: tree.organizationId },
    );
    expect(first.outreachDrives).toMatchObject({ items: [{ id: state.id }], total: 2 });
    const second = await service.data<{ outreachDrives: { items: { id: string }[]; nextCursor: string | null } }>(
      `query ($o: ID!, $after: String) { outreachDrives(filter: { organizationId: $o }, page: { limit: 1, after: $after }) { items { id } nextCursor } }`,
      { o: tree.organizationId, after: first.outreachDrives.nextCursor },
    );
    expect(second.outreachDrives).toEqual({ items: [{ id: region.id }], nextCursor: null });
    const bad = await service.request(`{ outreachDrives(filter: { withinUnit: "nope" }) { total } }`);
    expect(fieldsOf(bad)).toEqual({ 'filter.withinUnit': '"nope" is not a valid id' });
  });

  it('refuses an unknown or deleted root unit, an empty name and an end before the start; writes nothing', async () => {
    const tree = await createPartyFixture(service.membership, 'B');
    const before = await allCounts();
    const input = { kind: 'OTHER', name: 'X', unitId: tree.state, startsOn: '2018-07-01', endsOn: '2018-07-31' };
    const everything = await service.request(DRIVE, { input: { ...input, unitId: UNKNOWN, name: '  ', endsOn: '2018-06-30' } });
    expect(fieldsOf(everything)).toEqual({
      unitId: `no OrgUnit with id ${UNKNOWN}`,
      name: 'must not be empty',
      endsOn: 'must not be before the start date',
    });
    expect(fieldsOf(await service.request(DRIVE, { input: { ...input, unitId: 'not-an-id' } }))).toEqual({
      unitId: 'no OrgUnit with id not-an-id',
    });
    await service.membership.data(`mutation ($id: ID!) { deleteOrgUnit(id: $id) { id } }`, { id: tree.booths[7] });
    expect(fieldsOf(await service.request(DRIVE, { input: { ...input, unitId: tree.booths[7] } }))).toEqual({
      unitId: expect.stringContaining('no OrgUnit'),
    });
    const badDate = await service.request(DRIVE, { input: { ...input, startsOn: '2018-02-30' } });
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await allCounts()).toEqual(before);
    // A one-day drive is fine.
    await createDrive(tree.state, { startsOn: '2018-07-10', endsOn: '2018-07-10' });
  });

  it('updates with expectedVersion, keeps dates around existing reports and the root around targets and reports', async () => {
    const tree = await createPartyFixture(service.membership, 'C');
    const reporter = await createMember(service.membership, { organizationId: tree.organizationId, fullName: 'रवि', unitId: tree.state });
    const drive = await createDrive(tree.state);
    expect((await setTargets(drive.id, [{ unitId: tree.districts[2], target: 10 }])).errors).toBeUndefined();
    await report({ driveId: drive.id, unitId: tree.booths[0], reportedOn: '2018-07-15', count: 4, reportedById: reporter });
    const update = (input: Record<string, unknown>, expectedVersion?: number) =>
      service.request<{ updateOutreachDrive: { name: string; version: number; unitId: string } }>(
        `mutation ($id: ID!, $input: OutreachDriveUpdateInput!, $v: Int) { updateOutreachDrive(id: $id, input: $input, expectedVersion: $v) { name version unitId } }`,
        { id: drive.id, input, v: expectedVersion },
      );
    const stale = await update({ name: 'Old' }, 1);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
    const before = await service.dataSource.query('SELECT name, version, starts_on::text, ends_on::text, unit_id FROM outreach_drive');
    expect(fieldsOf(await update({ startsOn: '2018-07-16', endsOn: '2018-07-14' }))).toEqual({
      endsOn: 'must not be before the start date',
      startsOn: 'a report of this drive is dated 2018-07-15',
    });
    expect(fieldsOf(await update({ endsOn: '2018-07-14' }))).toEqual({ endsOn: 'a report of this drive is dated 2018-07-15' });
    expect(fieldsOf(await update({ name: '' }))).toEqual({ name: 'must not be empty' });
    // Region 0 holds the report's booth but not the district-2 target.
    expect(fieldsOf(await update({ unitId: tree.regions[0] }))).toEqual({
      unitId: '1 targets and 0 reports of this drive lie outside this unit',
    });
    const other = await createPartyFixture(service.membership, 'C2');
    expect(fieldsOf(await update({ unitId: other.state }))).toEqual({ unitId: 'belongs to another organisation' });
    expect(await service.dataSource.query('SELECT name, version, starts_on::text, ends_on::text, unit_id FROM outreach_drive')).toEqual(
      before,
    );
    expect((await setTargets(drive.id, [{ unitId: tree.mandals[0], target: 10 }], 2)).errors).toBeUndefined();
    const moved = await update({ unitId: tree.regions[0], name: 'क्षेत्र 1 अभियान', startsOn: '2018-07-15' }, 3);
    expect(moved.data?.updateOutreachDrive).toEqual({ name: 'क्षेत्र 1 अभियान', version: 4, unitId: tree.regions[0] });
    const [row] = await service.dataSource.query('SELECT unit_path, unit_level FROM outreach_drive WHERE id = $1', [drive.id]);
    expect(row).toEqual({ unit_path: [tree.state, tree.regions[0]], unit_level: 'region' });
  });

  it('soft-deletes, restores and bulk-deletes drives', async () => {
    const tree = await createPartyFixture(service.membership, 'D');
    const [a, b] = [await createDrive(tree.state), await createDrive(tree.regions[0])];
    await service.data(`mutation ($id: ID!) { deleteOutreachDrive(id: $id) { id deletedAt } }`, { id: a.id });
    const gone = await service.data<{ outreachDrive: null }>(`query ($id: ID!) { outreachDrive(id: $id) { id } }`, { id: a.id });
    expect(gone.outreachDrive).toBeNull();
    const restored = await service.data<{ restoreOutreachDrive: { deletedAt: string | null } }>(
      `mutation ($id: ID!) { restoreOutreachDrive(id: $id) { deletedAt } }`,
      { id: a.id },
    );
    expect(restored.restoreOutreachDrive.deletedAt).toBeNull();
    const partly = await service.request(`mutation ($ids: [ID!]!) { deleteOutreachDrives(ids: $ids) { id } }`, { ids: [a.id, UNKNOWN] });
    expect(fieldsOf(partly)).toEqual({ 'ids.1': `no OutreachDrive with id ${UNKNOWN}` });
    expect(
      await service.dataSource.query('SELECT count(*)::int AS n FROM outreach_drive WHERE id = $1 AND deleted_at IS NULL', [a.id]),
    ).toEqual([{ n: 1 }]);
    const both = await service.data<{ deleteOutreachDrives: { id: string }[] }>(
      `mutation ($ids: [ID!]!) { deleteOutreachDrives(ids: $ids) { id } }`,
      { ids: [a.id, b.id] },
    );
    expect(both.deleteOutreachDrives).toHaveLength(2);
    const missing = await service.request(`mutation { deleteOutreachDrive(id: "${UNKNOWN}") { id } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // A deleted drive takes no targets and no reports.
    expect((await setTargets(a.id, [{ unitId: tree.state, target: 1 }])).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('setDriveTargets', () => {
  it('replaces the targets: updates listed units in place, adds new ones, drops the rest; bumps the drive’s version', async () => {
    const tree = await createPartyFixture(service.membership, 'E');
    const drive = await createDrive(tree.state);
    const first = await setTargets(
      drive.id,
      [
        { unitId: tree.districts[0], target: 100 },
        { unitId: tree.districts[1], target: 50 },
      ],
      1,
    );
    expect(first.data?.setDriveTargets).toEqual({ id: drive.id, version: 2, progress: { target: 150, achieved: 0, percent: 0 } });
    const [{ id: d0Target }] = await service.dataSource.query('SELECT id FROM drive_target WHERE unit_id = $1', [tree.districts[0]]);
    const second = await setTargets(
      drive.id,
      [
        { unitId: tree.districts[0], target: 120 },
        { unitId: tree.booths[4], target: 30 },
      ],
      2,
    );
    expect(second.data?.setDriveTargets).toMatchObject({ version: 3, progress: { target: 150 } });
    const live = await service.dataSource.query(
      `SELECT id, unit_id, unit_path, unit_level, target, version FROM drive_target WHERE drive_id = $1 AND deleted_at IS NULL ORDER BY target`,
      [drive.id],
    );
    expect(live).toEqual([
      {
        id: expect.any(String),
        unit_id: tree.booths[4],
        unit_path: [tree.state, tree.regions[1], tree.districts[2], tree.mandals[2], tree.booths[4]],
        unit_level: 'booth',
        target: 30,
        version: 1,
      },
      {
        id: d0Target,
        unit_id: tree.districts[0],
        unit_path: [tree.state, tree.regions[0], tree.districts[0]],
        unit_level: 'district',
        target: 120,
        version: 2,
      },
    ]);
    expect(await rows(`drive_target WHERE drive_id = '${drive.id}' AND deleted_at IS NOT NULL AND unit_id = '${tree.districts[1]}'`)).toBe(
      1,
    );
    // A removed unit may come back; the same list again changes nothing but the drive's version.
    expect((await setTargets(drive.id, [{ unitId: tree.districts[1], target: 5 }])).data?.setDriveTargets.progress.target).toBe(5);
    expect((await setTargets(drive.id, [{ unitId: tree.districts[1], target: 5 }])).data?.setDriveTargets.version).toBe(5);
    const [{ version }] = await service.dataSource.query('SELECT version FROM drive_target WHERE unit_id = $1 AND deleted_at IS NULL', [
      tree.districts[1],
    ]);
    expect(version).toBe(1);
    const listed = await service.data<{ outreachDrive: { targets: { total: number; items: { target: number; unit: { id: string } }[] } } }>(
      `query ($id: ID!) { outreachDrive(id: $id) { targets { total items { target unit { id } } } } }`,
      { id: drive.id },
    );
    expect(listed.outreachDrive.targets).toEqual({ total: 1, items: [{ target: 5, unit: { id: tree.districts[1] } }] });
    const filtered = await service.data<{ driveTargets: { items: { driveId: string; drive: { name: string } }[] } }>(
      `query ($id: ID!, $u: ID!) { driveTargets(filter: { driveId: $id, withinUnit: $u, unitLevels: ["district"] }) { items { driveId drive { name } } } }`,
      { id: drive.id, u: tree.regions[0] },
    );
    expect(filtered.driveTargets.items).toEqual([{ driveId: drive.id, drive: { name: 'ऐप जोड़ो अभियान' } }]);
    // An empty list clears every target.
    expect((await setTargets(drive.id, [])).data?.setDriveTargets.progress).toEqual({ target: 0, achieved: 0, percent: 0 });
  });

  it('reports every bad row (unknown unit, unit outside the root, other organisation, negative, duplicate) and writes nothing', async () => {
    const tree = await createPartyFixture(service.membership, 'F');
    const other = await createPartyFixture(service.membership, 'F2');
    const drive = await createDrive(tree.regions[0]);
    expect((await setTargets(drive.id, [{ unitId: tree.districts[0], target: 7 }])).errors).toBeUndefined();
    const before = await service.dataSource.query('SELECT * FROM drive_target ORDER BY id');
    const [driveBefore] = await service.dataSource.query('SELECT version FROM outreach_drive WHERE id = $1', [drive.id]);

    service.membership.queryLog.clear();
    const result = await setTargets(drive.id, [
      { unitId: tree.districts[1], target: 40 },
      { unitId: tree.booths[0], target: 5 },
      { unitId: tree.mandals[0], target: 6 },
      { unitId: UNKNOWN, target: 10 },
      { unitId: tree.districts[2], target: 20 },
    ]);
    expect(fieldsOf(result)).toEqual({
      'targets.3.unitId': `no OrgUnit with id ${UNKNOWN}`,
      'targets.4.unitId': 'is not within the drive’s root unit',
    });
    // All five unit ids were looked up in membership in one query.
    expect(service.membership.queryLog.selectsFrom('org_unit')).toHaveLength(1);

    const more = await setTargets(drive.id, [
      { unitId: 'nope', target: 1 },
      { unitId: other.districts[0], target: 1 },
      { unitId: tree.districts[1], target: -1 },
      { unitId: tree.districts[0], target: 3 },
      { unitId: tree.districts[0], target: 4 },
    ]);
    expect(fieldsOf(more)).toEqual({
      'targets.0.unitId': 'no OrgUnit with id nope',
      'targets.1.unitId': 'belongs to another organisation',
      'targets.2.target': 'must be a whole number, zero or more',
      'targets.4.unitId': 'is listed twice (also at targets.3)',
    });
    expect((await setTargets(drive.id, [{ unitId: tree.districts[1], target: 1 }], 1)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await setTargets(UNKNOWN, [{ unitId: tree.districts[1], target: 1 }])).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await service.dataSource.query('SELECT * FROM drive_target ORDER BY id')).toEqual(before);
    expect(await service.dataSource.query('SELECT version FROM outreach_drive WHERE id = $1', [drive.id])).toEqual([driveBefore]);
  });
});

describe('drive reports', () => {
  it('refuses a unit outside the root, a stranger, dates outside the drive or in the future and a negative count; writes nothing', async () => {
    const tree = await createPartyFixture(service.membership, 'G');
    const other = await createPartyFixture(service.membership, 'G2');
    const member = await createMember(service.membership, {
      organizationId: tree.organizationId,
      fullName: 'सीमा',
      unitId: tree.booths[0],
    });
    const stranger = await createMember(service.membership, {
      organizationId: other.organizationId,
      fullName: 'बाहरी',
      unitId: other.state,
    });
    const drive = await createDrive(tree.regions[0], { startsOn: '2018-07-01', endsOn: '2099-12-31' });
    const good = { driveId: drive.id, unitId: tree.booths[1], reportedOn: '2018-07-02', count: 3, reportedById: member };
    const before = await allCounts();
    expect(fieldsOf(await createReport({ ...good, unitId: tree.booths[4], reportedById: stranger, count: -2 }))).toEqual({
      unitId: 'is not within the drive’s root unit',
      reportedById: 'belongs to another organisation',
      count: 'must be a whole number, zero or more',
    });
    expect(fieldsOf(await createReport({ ...good, unitId: other.booths[0], reportedById: UNKNOWN }))).toEqual({
      unitId: 'belongs to another organisation',
      reportedById: `no Member with id ${UNKNOWN}`,
    });
    expect(fieldsOf(await createReport({ ...good, reportedOn: '2018-06-30' }))).toEqual({
      reportedOn: 'must lie within the drive’s dates (2018-07-01 to 2099-12-31)',
    });
    expect(fieldsOf(await createReport({ ...good, reportedOn: '2099-01-01' }))).toEqual({ reportedOn: 'must not be in the future' });
    expect(fieldsOf(await createReport({ ...good, driveId: UNKNOWN, unitId: UNKNOWN }))).toEqual({
      driveId: `no OutreachDrive with id ${UNKNOWN}`,
      unitId: `no OrgUnit with id ${UNKNOWN}`,
    });
    const ended = await createDrive(tree.state, { startsOn: '2018-07-01', endsOn: '2018-07-31' });
    expect(fieldsOf(await createReport({ ...good, driveId: ended.id, reportedOn: undefined }))).toEqual({
      reportedOn: 'must lie within the drive’s dates (2018-07-01 to 2018-07-31)',
    });
    expect(await allCounts()).toEqual({ ...before, drives: before.drives + 1 });
    // reportedOn defaults to today, which lies within the open drive.
    const id = await report({ ...good, reportedOn: undefined, note: '  कॉलेज में शिविर  ' });
    const [row] = await service.dataSource.query('SELECT reported_on::text, note, unit_path, unit_level FROM drive_report WHERE id = $1', [
      id,
    ]);
    expect(row).toEqual({
      reported_on: new Date().toISOString().slice(0, 10),
      note: 'कॉलेज में शिविर',
      unit_path: [tree.state, tree.regions[0], tree.districts[0], tree.mandals[0], tree.booths[1]],
      unit_level: 'booth',
    });
  });

  it('updates with expectedVersion and the same rules, soft-deletes and restores', async () => {
    const tree = await createPartyFixture(service.membership, 'H');
    const member = await createMember(service.membership, { organizationId: tree.organizationId, fullName: 'अमित', unitId: tree.state });
    const drive = await createDrive(tree.regions[1]);
    const id = await report({ driveId: drive.id, unitId: tree.booths[4], reportedOn: '2018-07-20', count: 10, reportedById: member });
    const update = (input: Record<string, unknown>, expectedVersion?: number) =>
      service.request<{ updateDriveReport: { count: number; unitId: string; version: number; note: string | null } }>(
        `mutation ($id: ID!, $input: DriveReportUpdateInput!, $v: Int) { updateDriveReport(id: $id, input: $input, expectedVersion: $v) { count unitId version note } }`,
        { id, input, v: expectedVersion },
      );
    const before = await service.dataSource.query('SELECT * FROM drive_report WHERE id = $1', [id]);
    expect(fieldsOf(await update({ unitId: tree.booths[0], count: -1, reportedOn: '2018-10-01', reportedById: UNKNOWN }))).toEqual({
      unitId: 'is not within the drive’s root unit',
      count: 'must be a whole number, zero or more',
      reportedOn: 'must lie within the drive’s dates (2018-07-01 to 2018-09-30)',
      reportedById: `no Member with id ${UNKNOWN}`,
    });
    expect((await update({ count: 11 }, 7)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await service.dataSource.query('SELECT * FROM drive_report WHERE id = $1', [id])).toEqual(before);
    const updated = await update({ unitId: tree.mandals[3], count: 12, note: 'संशोधित' }, 1);
    expect(updated.data?.updateDriveReport).toEqual({ count: 12, unitId: tree.mandals[3], version: 2, note: 'संशोधित' });
    const [row] = await service.dataSource.query('SELECT unit_path, unit_level FROM drive_report WHERE id = $1', [id]);
    expect(row).toEqual({ unit_path: [tree.state, tree.regions[1], tree.districts[3], tree.mandals[3]], unit_level: 'mandal' });
    expect((await update({ note: '' })).data?.updateDriveReport.note).toBeNull();

    await service.data(`mutation ($id: ID!) { deleteDriveReport(id: $id) { id } }`, { id });
    expect((await progressOf(drive.id, 'region')).progress.achieved).toBe(0);
    // Not while the drive is deleted.
    await service.data(`mutation ($id: ID!) { deleteOutreachDrive(id: $id) { id } }`, { id: drive.id });
    const blocked = await service.request(`mutation ($id: ID!) { restoreDriveReport(id: $id) { id } }`, { id });
    expect(fieldsOf(blocked)).toEqual({ driveId: 'the drive is deleted; restore it first' });
    await service.data(`mutation ($id: ID!) { restoreOutreachDrive(id: $id) { id } }`, { id: drive.id });
    await service.data(`mutation ($id: ID!) { restoreDriveReport(id: $id) { id } }`, { id });
    expect((await progressOf(drive.id, 'region')).progress.achieved).toBe(12);
  });

  it('lists a drive’s reports by subtree and dates, sorted and paged', async () => {
    const tree = await createPartyFixture(service.membership, 'I');
    const member = await createMember(service.membership, { organizationId: tree.organizationId, fullName: 'गीता', unitId: tree.state });
    const drive = await createDrive(tree.state, { kind: 'VOTER_REGISTRATION' });
    const other = await createDrive(tree.state);
    const add = (driveId: string, unitId: string, reportedOn: string, count: number) =>
      report({ driveId, unitId, reportedOn, count, reportedById: member });
    const r1 = await add(drive.id, tree.booths[0], '2018-07-05', 1);
    const r2 = await add(drive.id, tree.booths[2], '2018-07-10', 2);
    const r3 = await add(drive.id, tree.booths[6], '2018-08-01', 3);
    const r4 = await add(drive.id, tree.districts[0], '2018-08-15', 4);
    await add(other.id, tree.booths[0], '2018-07-05', 100);
    const ids = async (filter: Record<string, unknown>, sort?: unknown, page?: unknown) =>
      (
        await service.data<{ driveReports: { items: { id: string }[] } }>(
          `query ($f: DriveReportFilter, $s: [DriveReportSort!], $p: PageInput) { driveReports(filter: $f, sort: $s, page: $p) { items { id } } }`,
          { f: filter, s: sort, p: page },
        )
      ).driveReports.items.map((item) => item.id);
    expect(await ids({ driveId: drive.id })).toEqual([r1, r2, r3, r4]);
    expect(await ids({ driveId: drive.id, withinUnit: tree.regions[0] })).toEqual([r1, r2, r4]);
    expect(await ids({ driveId: drive.id, withinUnit: tree.districts[0] })).toEqual([r1, r4]);
    expect(await ids({ driveId: drive.id, from: '2018-07-10', to: '2018-08-01' })).toEqual([r2, r3]);
    expect(await ids({ driveId: drive.id }, [{ field: 'count', direction: 'DESC' }], { limit: 2 })).toEqual([r4, r3]);
    expect(await ids({ driveId: drive.id }, [{ field: 'count', direction: 'DESC' }], { limit: 2, offset: 2 })).toEqual([r2, r1]);
    const withFields = await service.data<{ driveReport: unknown }>(
      `query ($id: ID!) { driveReport(id: $id) { count reportedOn unit { id } reportedBy { id } drive { kind } } }`,
      { id: r4 },
    );
    expect(withFields.driveReport).toEqual({
      count: 4,
      reportedOn: '2018-08-15',
      unit: { id: tree.districts[0] },
      reportedBy: { id: member },
      drive: { kind: 'VOTER_REGISTRATION' },
    });
    const viaDrive = await service.data<{ outreachDrive: { reports: { total: number } } }>(
      `query ($id: ID!) { outreachDrive(id: $id) { reports { total } } }`,
      { id: drive.id },
    );
    expect(viaDrive.outreachDrive.reports.total).toBe(4);
    expect(fieldsOf(await service.request(`{ driveReports(filter: { driveId: "x" }) { total } }`))).toEqual({
      'filter.driveId': '"x" is not a valid id',
    });
  });
});

describe('progress', () => {
  /**
   * Targets at districts and at booths of a district without its own target; reports at booths, mandals
   * and districts; a deleted report; a district with reports but no target.
   */
  async function fillDrive(tree: Tree) {
    const member = await createMember(service.membership, { organizationId: tree.organizationId, fullName: 'प्रभारी', unitId: tree.state });
    const drive = await createDrive(tree.state);
    const targets = [
      { unitId: tree.districts[0], target: 100 },
      { unitId: tree.districts[1], target: 60 },
      { unitId: tree.booths[4], target: 30 },
      { unitId: tree.booths[5], target: 20 },
    ];
    expect((await setTargets(drive.id, targets)).errors).toBeUndefined();
    const reports = [
      { unitId: tree.booths[0], count: 12, reportedOn: '2018-07-02' },
      { unitId: tree.booths[0], count: 8, reportedOn: '2018-07-09' },
      { unitId: tree.booths[1], count: 7, reportedOn: '2018-07-03' },
      { unitId: tree.mandals[0], count: 5, reportedOn: '2018-07-04' },
      { unitId: tree.districts[0], count: 10, reportedOn: '2018-07-05' },
      { unitId: tree.booths[3], count: 21, reportedOn: '2018-07-06' },
      { unitId: tree.booths[4], count: 25, reportedOn: '2018-07-07' },
      { unitId: tree.mandals[3], count: 9, reportedOn: '2018-07-08' },
      { unitId: tree.booths[7], count: 4, reportedOn: '2018-07-08' },
    ];
    for (const row of reports) await report({ driveId: drive.id, reportedById: member, ...row });
    const deleted = await report({ driveId: drive.id, reportedById: member, unitId: tree.booths[2], count: 40, reportedOn: '2018-07-10' });
    await service.data(`mutation ($id: ID!) { deleteDriveReport(id: $id) { id } }`, { id: deleted });
    return { drive, targets, reports };
  }

  it('sums live targets and live reports for the drive and rolls them up to districts and regions', async () => {
    const tree = await createPartyFixture(service.membership, 'J');
    const { drive, targets, reports } = await fillDrive(tree);
    const parents = parentsOf(tree);
    const target = targets.reduce((sum, row) => sum + row.target, 0);
    const achieved = reports.reduce((sum, row) => sum + row.count, 0);

    const byDistrict = await progressOf(drive.id, 'district');
    expect(byDistrict.progress).toEqual({ target, achieved, percent: expectedPercent(achieved, target) });
    expect(byDistrict.progress).toEqual({ target: 210, achieved: 101, percent: 48.1 });
    expect(sortByUnit(byDistrict.progressByUnit)).toEqual(sortByUnit(expectedProgress(parents, tree.districts, targets, reports)));
    // District 3 has reports but no target: 0 percent.
    expect(byDistrict.progressByUnit.find((row) => row.unitId === tree.districts[3])).toMatchObject({
      target: 0,
      achieved: 13,
      percent: 0,
    });
    // The booth reports of district 0 roll up to it: 12 + 8 + 7 (booths) + 5 (mandal) + 10 (itself).
    expect(byDistrict.progressByUnit.find((row) => row.unitId === tree.districts[0])).toMatchObject({ achieved: 42, percent: 42 });

    const byRegion = await progressOf(drive.id, 'region');
    expect(sortByUnit(byRegion.progressByUnit)).toEqual(sortByUnit(expectedProgress(parents, tree.regions, targets, reports)));
    expect(byRegion.progressByUnit.reduce((sum, row) => sum + row.achieved, 0)).toBe(achieved);
    expect((await progressOf(drive.id, 'state')).progressByUnit).toEqual([
      { unitId: tree.state, unit: { id: tree.state }, target, achieved, percent: expectedPercent(achieved, target) },
    ]);
    expect((await progressOf(drive.id, 'booth')).progressByUnit).toHaveLength(8);
    expect((await progressOf(drive.id, 'no_such_level')).progressByUnit).toEqual([]);
    expect(fieldsOf(await service.request(`{ outreachDrive(id: "${drive.id}") { progressByUnit(level: " ") { target } } }`))).toEqual({
      level: 'must not be empty',
    });

    // A drive rooted at region 1 sees only that region's districts.
    const regional = await createDrive(tree.regions[1]);
    expect((await progressOf(regional.id, 'district')).progressByUnit.map((row) => row.unitId).sort()).toEqual(
      [tree.districts[2], tree.districts[3]].sort(),
    );
  });

  it('loads the progress of a whole list of drives in one query', async () => {
    const tree = await createPartyFixture(service.membership, 'K');
    const { drive } = await fillDrive(tree);
    const regional = await createDrive(tree.regions[0]);
    service.queryLog.clear();
    const { outreachDrives } = await service.data<{ outreachDrives: { items: { id: string; progress: Progress }[] } }>(
      `query ($o: ID!) { outreachDrives(filter: { organizationId: $o }) { items { id progress { target achieved percent } } } }`,
      { o: tree.organizationId },
    );
    expect(outreachDrives.items).toHaveLength(2);
    expect(outreachDrives.items.find((item) => item.id === drive.id)?.progress).toEqual({ target: 210, achieved: 101, percent: 48.1 });
    expect(outreachDrives.items.find((item) => item.id === regional.id)?.progress).toEqual({ target: 0, achieved: 0, percent: 0 });
    expect(service.queryLog.queries.filter((query) => query.includes('FROM drive_target'))).toHaveLength(1);
  });

  it('follows a unit moved in membership: the roll-up counts its targets and reports under the new parent', async () => {
    const tree = await createPartyFixture(service.membership, 'L');
    const { drive, targets, reports } = await fillDrive(tree);
    const regional = await createDrive(tree.regions[0]);
    const member = await createMember(service.membership, { organizationId: tree.organizationId, fullName: 'मोहन', unitId: tree.state });
    await report({ driveId: regional.id, unitId: tree.booths[1], count: 6, reportedOn: '2018-07-02', reportedById: member });
    await report({ driveId: regional.id, unitId: tree.booths[2], count: 2, reportedOn: '2018-07-02', reportedById: member });
    expect((await setTargets(regional.id, [{ unitId: tree.booths[1], target: 10 }])).errors).toBeUndefined();

    // Mandal 0 (with booths 0 and 1) moves from district 0 (region 0) to district 3 (region 1).
    await service.membership.data(`mutation ($id: ID!, $p: ID!) { updateOrgUnit(id: $id, input: { parentId: $p }) { id } }`, {
      id: tree.mandals[0],
      p: tree.districts[3],
    });
    expect(await service.followUnitChanges()).toBeGreaterThanOrEqual(1);
    const parents = parentsOf(tree);
    parents.set(tree.mandals[0], tree.districts[3]);

    const byDistrict = await progressOf(drive.id, 'district');
    expect(sortByUnit(byDistrict.progressByUnit)).toEqual(sortByUnit(expectedProgress(parents, tree.districts, targets, reports)));
    expect(byDistrict.progressByUnit.find((row) => row.unitId === tree.districts[0])).toMatchObject({ target: 100, achieved: 10 });
    expect(byDistrict.progressByUnit.find((row) => row.unitId === tree.districts[3])).toMatchObject({ target: 0, achieved: 45 });
    const byRegion = await progressOf(drive.id, 'region');
    expect(sortByUnit(byRegion.progressByUnit)).toEqual(sortByUnit(expectedProgress(parents, tree.regions, targets, reports)));
    // The state-wide total does not change.
    expect(byRegion.progress).toEqual({ target: 210, achieved: 101, percent: 48.1 });

    // The region-0 drive no longer counts what moved out of region 0, and refuses new rows there.
    expect((await progressOf(regional.id, 'region')).progress).toEqual({ target: 0, achieved: 2, percent: 0 });
    expect(fieldsOf(await setTargets(regional.id, [{ unitId: tree.booths[0], target: 1 }]))).toEqual({
      'targets.0.unitId': 'is not within the drive’s root unit',
    });
    expect(
      fieldsOf(
        await createReport({ driveId: regional.id, unitId: tree.booths[0], count: 1, reportedOn: '2018-07-03', reportedById: member }),
      ),
    ).toEqual({ unitId: 'is not within the drive’s root unit' });
    const [target] = await service.dataSource.query('SELECT unit_path FROM drive_target WHERE drive_id = $1 AND deleted_at IS NULL', [
      regional.id,
    ]);
    expect(target.unit_path).toEqual([tree.state, tree.regions[1], tree.districts[3], tree.mandals[0], tree.booths[1]]);
  });

  it('resolves drive references for the gateway', async () => {
    const tree = await createPartyFixture(service.membership, 'M');
    const drive = await createDrive(tree.districts[0], { name: 'जिला अभियान' });
    const { _entities } = await service.data<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on OutreachDrive { name unit { id } progress { target } } } }`,
      { r: [{ __typename: 'OutreachDrive', id: drive.id }] },
    );
    expect(_entities).toEqual([{ name: 'जिला अभियान', unit: { id: tree.districts[0] }, progress: { target: 0 } }]);
  });
});
