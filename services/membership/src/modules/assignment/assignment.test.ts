import { today } from '@sangathan/common';
import { createMember, createProvincialUnion, startMembershipTestService, type MembershipTestService } from '../../test-support';

let service: MembershipTestService;
beforeAll(async () => {
  service = await startMembershipTestService('assignment');
});
afterAll(() => service.stop());

const ASSIGNMENT_FIELDS = 'id version cadreId unitId startsOn endsOn note active deletedAt cadre { fullName } unit { name code }';
type AssignmentRow = {
  id: string;
  version: number;
  cadreId: string;
  unitId: string;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
  active: boolean;
  deletedAt: string | null;
  cadre: { fullName: string };
  unit: { name: string; code: string };
};

const assignmentCount = async () => (await service.dataSource.query('SELECT count(*)::int AS n FROM assignment'))[0].n as number;

async function createAssignment(input: Record<string, unknown>): Promise<AssignmentRow> {
  const { createAssignment } = await service.data<{ createAssignment: AssignmentRow }>(
    `mutation ($input: AssignmentInput!) { createAssignment(input: $input) { ${ASSIGNMENT_FIELDS} } }`,
    { input },
  );
  return createAssignment;
}

async function assignmentIds(filter: Record<string, unknown>): Promise<string[]> {
  const { assignments } = await service.data<{ assignments: { total: number; items: { id: string }[] } }>(
    `query ($f: AssignmentFilter) { assignments(filter: $f, sort: [{ field: startsOn }], page: { limit: 500 }) { total items { id } } }`,
    { f: filter },
  );
  expect(assignments.total).toBe(assignments.items.length);
  return assignments.items.map((a) => a.id);
}

async function assignment(id: string): Promise<AssignmentRow | null> {
  return (
    await service.data<{ assignment: AssignmentRow | null }>(`query ($id: ID!) { assignment(id: $id) { ${ASSIGNMENT_FIELDS} } }`, { id })
  ).assignment;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-0000000a5516';

describe('assignments (case 3: provincial cadres supervising districts)', () => {
  it('assigns a provincial cadre to two districts and finds the assignments by cadre, subtree and whether in force', async () => {
    const union = await createProvincialUnion(service, 'A');
    const tam = await createMember(service, {
      organizationId: union.organizationId,
      fullName: 'Nguyễn Thanh Tâm',
      unitId: union.province,
      phone: '+84 91 234 5678',
    });
    const nam = await createMember(service, {
      organizationId: union.organizationId,
      fullName: 'Nguyễn Văn Nam',
      unitId: union.province,
      phone: '0987 654 321',
    });

    const thanhThuy = await createAssignment({
      cadreId: tam,
      unitId: union.thanhThuy,
      startsOn: '2020-01-06',
      note: '  Phụ trách địa bàn theo chính sách 1+2  ',
    });
    const tanSon = await createAssignment({ cadreId: tam, unitId: union.tanSon, startsOn: '2020-01-06', endsOn: '2020-06-30' });
    const vietTri = await createAssignment({ cadreId: nam, unitId: union.vietTri, startsOn: '2020-02-01' });
    expect(thanhThuy).toMatchObject({
      version: 1,
      cadreId: tam,
      unitId: union.thanhThuy,
      startsOn: '2020-01-06',
      endsOn: null,
      note: 'Phụ trách địa bàn theo chính sách 1+2',
      active: true,
      deletedAt: null,
      cadre: { fullName: 'Nguyễn Thanh Tâm' },
      unit: { name: 'Huyện Thanh Thủy', code: 'PT-TT' },
    });
    expect(tanSon).toMatchObject({ endsOn: '2020-06-30', active: false, note: null });

    expect((await assignmentIds({ cadreId: tam })).sort()).toEqual([thanhThuy.id, tanSon.id].sort());
    expect(await assignmentIds({ cadreId: nam })).toEqual([vietTri.id]);
    expect((await assignmentIds({ withinUnit: union.province })).sort()).toEqual([thanhThuy.id, tanSon.id, vietTri.id].sort());
    expect(await assignmentIds({ withinUnit: union.thanhThuy })).toEqual([thanhThuy.id]);
    expect(await assignmentIds({ withinUnit: union.camKhe })).toEqual([]);
    expect(await assignmentIds({ withinUnit: union.dongLuan })).toEqual([]);
    expect(await assignmentIds({ cadreId: tam, active: true })).toEqual([thanhThuy.id]);
    expect(await assignmentIds({ cadreId: tam, active: false })).toEqual([tanSon.id]);
    expect(await assignmentIds({ withinUnit: union.province, active: true, cadreId: nam })).toEqual([vietTri.id]);
    expect((await assignmentIds({ withinUnit: union.province, q: 'nguyen thanh tam' })).sort()).toEqual([thanhThuy.id, tanSon.id].sort());

    const { member } = await service.data<{ member: { fullName: string; phone: string } }>(
      `query ($id: ID!) { member(id: $id) { fullName phone } }`,
      { id: tam },
    );
    expect(member).toEqual({ fullName: 'Nguyễn Thanh Tâm', phone: '+84912345678' });
  });

  it('starts today when no start date is given', async () => {
    const union = await createProvincialUnion(service, 'B');
    const cadre = await createMember(service, { organizationId: union.organizationId, fullName: 'Trần Thị Hoa', unitId: union.province });
    expect(await createAssignment({ cadreId: cadre, unitId: union.camKhe })).toMatchObject({
      startsOn: today(),
      endsOn: null,
      active: true,
    });
  });

  it.each([
    ['an unknown cadre', (_cadre: string, unitId: string) => ({ cadreId: UNKNOWN_ID, unitId }), 'cadreId'],
    ['a malformed cadre id', (_cadre: string, unitId: string) => ({ cadreId: 'cadre-7', unitId }), 'cadreId'],
    [
      'an end before the start',
      (cadreId: string, unitId: string) => ({ cadreId, unitId, startsOn: '2020-07-01', endsOn: '2020-06-30' }),
      'endsOn',
    ],
    ['an unknown unit', (cadreId: string) => ({ cadreId, unitId: UNKNOWN_ID }), 'unitId'],
  ])('refuses %s with BAD_USER_INPUT on that field and writes nothing', async (label, input, field) => {
    const union = await createProvincialUnion(service, `C${label.length}`);
    const cadre = await createMember(service, { organizationId: union.organizationId, fullName: 'Lê Văn Hùng', unitId: union.province });
    const before = await assignmentCount();
    const result = await service.request(`mutation ($input: AssignmentInput!) { createAssignment(input: $input) { id } }`, {
      input: input(cadre, union.tanSon),
    });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors?.[0].extensions?.fields as object)).toEqual([field]);
    expect(await assignmentCount()).toBe(before);
  });

  it('refuses a district of another organisation', async () => {
    const union = await createProvincialUnion(service, 'D1');
    const other = await createProvincialUnion(service, 'D2');
    const cadre = await createMember(service, { organizationId: union.organizationId, fullName: 'Phạm Minh Đức', unitId: union.province });
    const before = await assignmentCount();
    const result = await service.request(`mutation ($input: AssignmentInput!) { createAssignment(input: $input) { id } }`, {
      input: { cadreId: cadre, unitId: other.tanSon },
    });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { unitId: expect.stringContaining('another organisation') },
    });
    expect(await assignmentCount()).toBe(before);
  });

  it('updates with expectedVersion; a stale version is a CONFLICT that changes nothing', async () => {
    const union = await createProvincialUnion(service, 'E');
    const cadre = await createMember(service, { organizationId: union.organizationId, fullName: 'Đỗ Thu Trang', unitId: union.province });
    const created = await createAssignment({ cadreId: cadre, unitId: union.vietTri, startsOn: '2020-01-01' });
    const { updateAssignment: moved } = await service.data<{ updateAssignment: AssignmentRow }>(
      `mutation ($id: ID!, $unitId: ID) { updateAssignment(id: $id, input: { unitId: $unitId, endsOn: "2020-12-31" }, expectedVersion: 1) { ${ASSIGNMENT_FIELDS} } }`,
      { id: created.id, unitId: union.camKhe },
    );
    expect(moved).toMatchObject({ version: 2, unitId: union.camKhe, endsOn: '2020-12-31', active: false });
    const stale = await service.request(
      `mutation ($id: ID!) { updateAssignment(id: $id, input: { note: "muộn" }, expectedVersion: 1) { id } }`,
      { id: created.id },
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
    expect(await assignment(created.id)).toEqual(moved);
  });

  it('soft-deletes and restores an assignment', async () => {
    const union = await createProvincialUnion(service, 'F');
    const cadre = await createMember(service, { organizationId: union.organizationId, fullName: 'Hoàng Văn Long', unitId: union.province });
    const created = await createAssignment({ cadreId: cadre, unitId: union.tanSon, startsOn: '2020-03-01' });
    const { deleteAssignment } = await service.data<{ deleteAssignment: AssignmentRow }>(
      `mutation ($id: ID!) { deleteAssignment(id: $id) { id deletedAt } }`,
      {
        id: created.id,
      },
    );
    expect(deleteAssignment).toEqual({ id: created.id, deletedAt: expect.any(String) });
    expect(await assignment(created.id)).toBeNull();
    expect(await assignmentIds({ cadreId: cadre })).toEqual([]);
    expect(await assignmentIds({ withinUnit: union.province })).toEqual([]);

    const { restoreAssignment } = await service.data<{ restoreAssignment: AssignmentRow }>(
      `mutation ($id: ID!) { restoreAssignment(id: $id) { ${ASSIGNMENT_FIELDS} } }`,
      {
        id: created.id,
      },
    );
    expect(restoreAssignment).toMatchObject({ id: created.id, deletedAt: null, unitId: union.tanSon, startsOn: '2020-03-01' });
    expect(await assignmentIds({ cadreId: cadre })).toEqual([created.id]);

    const unknown = await service.request(`mutation ($id: ID!) { deleteAssignment(id: $id) { id } }`, { id: UNKNOWN_ID });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('bulk-deletes all or none: one unknown id deletes nothing', async () => {
    const union = await createProvincialUnion(service, 'G');
    const cadre = await createMember(service, { organizationId: union.organizationId, fullName: 'Vũ Thị Lan', unitId: union.province });
    const a = await createAssignment({ cadreId: cadre, unitId: union.thanhThuy, startsOn: '2020-01-01' });
    const b = await createAssignment({ cadreId: cadre, unitId: union.tanSon, startsOn: '2020-02-01' });

    const partial = await service.request(`mutation ($ids: [ID!]!) { deleteAssignments(ids: $ids) { id } }`, {
      ids: [a.id, UNKNOWN_ID, b.id],
    });
    expect(partial.data).toBeNull();
    expect(partial.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'ids.1': expect.stringContaining('no Assignment') },
    });
    expect(Object.keys(partial.errors?.[0].extensions?.fields as object)).toEqual(['ids.1']);
    expect(await assignmentIds({ cadreId: cadre })).toEqual([a.id, b.id]);
    const deletedRows = await service.dataSource.query(
      'SELECT count(*)::int AS n FROM assignment WHERE id = ANY($1) AND deleted_at IS NOT NULL',
      [[a.id, b.id]],
    );
    expect(deletedRows[0].n).toBe(0);

    const { deleteAssignments } = await service.data<{ deleteAssignments: { id: string; deletedAt: string | null }[] }>(
      `mutation ($ids: [ID!]!) { deleteAssignments(ids: $ids) { id deletedAt } }`,
      { ids: [a.id, b.id] },
    );
    expect(deleteAssignments.map((row) => row.id).sort()).toEqual([a.id, b.id].sort());
    expect(deleteAssignments.every((row) => row.deletedAt !== null)).toBe(true);
    expect(await assignmentIds({ cadreId: cadre })).toEqual([]);
  });
});
