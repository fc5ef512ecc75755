import { today } from '@sangathan/common';
import { createMember, createProvincialUnion, startMembershipTestService, type MembershipTestService } from '../../test-support';

let service: MembershipTestService;
beforeAll(async () => {
  service = await startMembershipTestService('field_visit');
});
afterAll(() => service.stop());

const VISIT_FIELDS = 'id version cadreId unitId visitedOn purpose activities notes cadre { fullName } unit { code }';
type VisitRow = {
  id: string;
  version: number;
  cadreId: string;
  unitId: string;
  visitedOn: string;
  purpose: string;
  activities: string[];
  notes: string | null;
  cadre: { fullName: string };
  unit: { code: string };
};
type SummaryRow = {
  cadre: { id: string };
  visits: number;
  distinctUnits: number;
  daysInField: number;
  firstVisitOn: string | null;
  lastVisitOn: string | null;
};

type Union = Awaited<ReturnType<typeof createProvincialUnion>>;

const visitCount = async () => (await service.dataSource.query('SELECT count(*)::int AS n FROM field_visit'))[0].n as number;

async function createVisit(input: Record<string, unknown>): Promise<VisitRow> {
  const { createFieldVisit } = await service.data<{ createFieldVisit: VisitRow }>(
    `mutation ($input: FieldVisitInput!) { createFieldVisit(input: $input) { ${VISIT_FIELDS} } }`,
    { input },
  );
  return createFieldVisit;
}

async function visitIds(filter: Record<string, unknown>): Promise<string[]> {
  const { fieldVisits } = await service.data<{ fieldVisits: { total: number; items: { id: string }[] } }>(
    `query ($f: FieldVisitFilter) { fieldVisits(filter: $f, page: { limit: 500 }) { total items { id } } }`,
    { f: filter },
  );
  expect(fieldVisits.total).toBe(fieldVisits.items.length);
  return fieldVisits.items.map((v) => v.id).sort();
}

async function summary(organizationId: string, from: string, to: string): Promise<SummaryRow[]> {
  const { fieldVisitSummary } = await service.data<{ fieldVisitSummary: SummaryRow[] }>(
    `query ($org: ID!, $from: Date!, $to: Date!) { fieldVisitSummary(organizationId: $org, from: $from, to: $to) { cadre { id } visits distinctUnits daysInField firstVisitOn lastVisitOn } }`,
    { org: organizationId, from, to },
  );
  return fieldVisitSummary;
}

function dayOffset(days: number): string {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

type PlannedVisit = { cadre: string; unit: string; visitedOn: string; purpose: string; activities: string[]; deleted?: boolean };
type CreatedVisit = PlannedVisit & { id: string };

/** Three cadres' visits in the first half of 2020 and around it (the six-month report of case 3). */
async function createCaseThreeVisits(suffix: string) {
  const union = await createProvincialUnion(service, suffix);
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
    phone: '+84 98 765 4321',
  });
  const hoa = await createMember(service, { organizationId: union.organizationId, fullName: 'Trần Thị Hoa', unitId: union.province });
  const u = union;
  const planned: PlannedVisit[] = [
    { cadre: tam, unit: u.thanhThuy, visitedOn: '2019-12-31', purpose: 'INSPECTION', activities: ['Kiểm tra công tác Đoàn cuối năm'] },
    { cadre: tam, unit: u.thanhThuy, visitedOn: '2020-01-15', purpose: 'INSPECTION', activities: ['Kiểm tra, giám sát công tác Đoàn'] },
    { cadre: tam, unit: u.dongLuan, visitedOn: '2020-01-15', purpose: 'VOLUNTEER_WORKS', activities: ['Làm đường giao thông nông thôn'] },
    {
      cadre: tam,
      unit: u.tanSon,
      visitedOn: '2020-03-02',
      purpose: 'COMMUNICATION',
      activities: ['Tuyên truyền phòng chống dịch Covid-19', 'Phát 500 khẩu trang miễn phí'],
    },
    { cadre: tam, unit: u.kietSon, visitedOn: '2020-04-10', purpose: 'RELIEF', activities: ['Khắc phục hậu quả bão tại trường mầm non'] },
    { cadre: tam, unit: u.thanhThuy, visitedOn: '2020-06-30', purpose: 'SUPERVISION', activities: ['Giám sát thực hiện chính sách 1+2'] },
    { cadre: tam, unit: u.tanSon, visitedOn: '2020-07-01', purpose: 'SUPERVISION', activities: [] },
    { cadre: nam, unit: u.vietTri, visitedOn: '2020-01-01', purpose: 'MODEL_VISIT', activities: ['Thăm mô hình kinh tế thanh niên'] },
    { cadre: nam, unit: u.vietTri, visitedOn: '2020-02-20', purpose: 'INSPECTION', activities: [] },
    {
      cadre: nam,
      unit: u.camKhe,
      visitedOn: '2020-02-20',
      purpose: 'COMMUNICATION',
      activities: ['Distributed 300 masks and hand sanitiser'],
    },
    { cadre: nam, unit: u.vietTri, visitedOn: '2020-05-05', purpose: 'INSPECTION', activities: ['Recorded by mistake'], deleted: true },
    { cadre: hoa, unit: u.camKhe, visitedOn: '2020-03-08', purpose: 'VOLUNTEER_WORKS', activities: ['Trồng cây xanh'] },
    { cadre: hoa, unit: u.camKhe, visitedOn: '2020-08-01', purpose: 'OTHER', activities: [] },
  ];
  const visits: CreatedVisit[] = [];
  for (const visit of planned) {
    const { id } = await createVisit({
      cadreId: visit.cadre,
      unitId: visit.unit,
      visitedOn: visit.visitedOn,
      purpose: visit.purpose,
      activities: visit.activities,
    });
    visits.push({ ...visit, id });
  }
  for (const visit of visits.filter((v) => v.deleted)) {
    await service.data(`mutation ($id: ID!) { deleteFieldVisit(id: $id) { id } }`, { id: visit.id });
  }
  return { union, tam, nam, hoa, visits };
}

const ids = (visits: CreatedVisit[]) => visits.map((v) => v.id).sort();
const live = (visits: CreatedVisit[]) => visits.filter((v) => !v.deleted);

describe('field visits (case 3)', () => {
  it('records a visit with its purpose, trimmed activities (empties dropped) and notes', async () => {
    const union = await createProvincialUnion(service, 'A');
    const cadre = await createMember(service, {
      organizationId: union.organizationId,
      fullName: 'Nguyễn Thanh Tâm',
      unitId: union.province,
      phone: '0912345678',
    });
    const visit = await createVisit({
      cadreId: cadre,
      unitId: union.tanSon,
      visitedOn: '2020-03-02',
      purpose: 'COMMUNICATION',
      activities: ['  Tuyên truyền phòng chống dịch  ', '', '   ', 'Phát 500 khẩu trang\t'],
      notes: '  Cùng Huyện đoàn Tân Sơn  ',
    });
    expect(visit).toMatchObject({
      version: 1,
      cadreId: cadre,
      unitId: union.tanSon,
      visitedOn: '2020-03-02',
      purpose: 'COMMUNICATION',
      activities: ['Tuyên truyền phòng chống dịch', 'Phát 500 khẩu trang'],
      notes: 'Cùng Huyện đoàn Tân Sơn',
      cadre: { fullName: 'Nguyễn Thanh Tâm' },
      unit: { code: 'PT-TS' },
    });
    const { fieldVisit } = await service.data<{ fieldVisit: VisitRow }>(`query ($id: ID!) { fieldVisit(id: $id) { ${VISIT_FIELDS} } }`, {
      id: visit.id,
    });
    expect(fieldVisit).toEqual(visit);

    const withoutActivities = await createVisit({ cadreId: cadre, unitId: union.tanSon, visitedOn: today(), purpose: 'OTHER' });
    expect(withoutActivities).toMatchObject({ activities: [], notes: null, visitedOn: today() });
  });

  it.each([
    [
      'a visit date in the future',
      (cadre: string, u: Union) => ({ cadreId: cadre, unitId: u.tanSon, visitedOn: dayOffset(1) }),
      'visitedOn',
    ],
    [
      'an unknown cadre',
      (_cadre: string, u: Union) => ({ cadreId: '00000000-0000-4000-8000-0000000c0de0', unitId: u.tanSon, visitedOn: '2020-03-02' }),
      'cadreId',
    ],
    [
      'an unknown unit',
      (cadre: string) => ({ cadreId: cadre, unitId: '00000000-0000-4000-8000-0000000c0de1', visitedOn: '2020-03-02' }),
      'unitId',
    ],
  ])('refuses %s with BAD_USER_INPUT on that field and writes nothing', async (label, input, field) => {
    const union = await createProvincialUnion(service, `B${label.length}`);
    const cadre = await createMember(service, { organizationId: union.organizationId, fullName: 'Lê Văn Hùng', unitId: union.province });
    const before = await visitCount();
    const result = await service.request(`mutation ($input: FieldVisitInput!) { createFieldVisit(input: $input) { id } }`, {
      input: { purpose: 'INSPECTION', activities: ['x'], ...input(cadre, union) },
    });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors?.[0].extensions?.fields as object)).toEqual([field]);
    expect(await visitCount()).toBe(before);
  });

  it('filters by period, purposes, subtree and text (activities and the cadre’s name without diacritics)', async () => {
    const { union, tam, nam, visits } = await createCaseThreeVisits('F');
    const all = live(visits);
    const scope = { withinUnit: union.province };

    expect(await visitIds(scope)).toEqual(ids(all));
    expect(await visitIds({ ...scope, from: '2020-01-15', to: '2020-03-02' })).toEqual(
      ids(all.filter((v) => v.visitedOn >= '2020-01-15' && v.visitedOn <= '2020-03-02')),
    );
    expect(await visitIds({ ...scope, from: '2020-06-30' })).toEqual(ids(all.filter((v) => v.visitedOn >= '2020-06-30')));
    expect(await visitIds({ ...scope, to: '2019-12-31' })).toEqual(ids(all.filter((v) => v.visitedOn <= '2019-12-31')));
    expect(await visitIds({ ...scope, purposes: ['RELIEF', 'COMMUNICATION'] })).toEqual(
      ids(all.filter((v) => ['RELIEF', 'COMMUNICATION'].includes(v.purpose))),
    );
    expect(await visitIds({ withinUnit: union.thanhThuy })).toEqual(
      ids(all.filter((v) => v.unit === union.thanhThuy || v.unit === union.dongLuan)),
    );
    expect(await visitIds({ withinUnit: union.kietSon })).toEqual(ids(all.filter((v) => v.unit === union.kietSon)));
    expect(await visitIds({ withinUnit: union.tanSon, from: '2020-01-01', to: '2020-06-30' })).toEqual(
      ids(
        all.filter(
          (v) => (v.unit === union.tanSon || v.unit === union.kietSon) && v.visitedOn >= '2020-01-01' && v.visitedOn <= '2020-06-30',
        ),
      ),
    );

    const withText = (text: string) => ids(all.filter((v) => v.activities.some((a) => a.toLowerCase().includes(text.toLowerCase()))));
    expect(await visitIds({ ...scope, q: 'khẩu trang' })).toEqual(withText('khẩu trang'));
    expect(withText('khẩu trang')).toHaveLength(1);
    expect(await visitIds({ ...scope, q: 'MASKS' })).toEqual(withText('masks'));
    expect(await visitIds({ ...scope, q: 'nguyen thanh tam' })).toEqual(ids(all.filter((v) => v.cadre === tam)));
    expect(await visitIds({ ...scope, q: 'Nguyễn Văn Nam' })).toEqual(ids(all.filter((v) => v.cadre === nam)));
    expect(await visitIds({ ...scope, q: 'no such activity' })).toEqual([]);
    expect(await visitIds({ cadreId: nam, purposes: ['INSPECTION'] })).toEqual(
      ids(all.filter((v) => v.cadre === nam && v.purpose === 'INSPECTION')),
    );
  });

  it('summarises each cadre’s field work over a period: visits, distinct units, days in the field, first and last visit', async () => {
    const { union, tam, nam, hoa, visits } = await createCaseThreeVisits('S');
    // Another organisation's cadre, busy in the same period, must not appear.
    const otherUnion = await createProvincialUnion(service, 'S2');
    const outsider = await createMember(service, {
      organizationId: otherUnion.organizationId,
      fullName: 'Nguyễn Thanh Tâm',
      unitId: otherUnion.province,
    });
    for (const day of ['2020-02-01', '2020-02-02', '2020-02-03', '2020-02-04', '2020-02-05', '2020-02-06', '2020-02-07']) {
      await createVisit({ cadreId: outsider, unitId: otherUnion.vietTri, visitedOn: day, purpose: 'INSPECTION' });
    }

    const from = '2020-01-01';
    const to = '2020-06-30';
    // Computed here from the inputs, independently of the service.
    const inPeriod = visits.filter((v) => !v.deleted && v.visitedOn >= from && v.visitedOn <= to);
    const expected = [...new Set(inPeriod.map((v) => v.cadre))]
      .map((cadre) => {
        const mine = inPeriod.filter((v) => v.cadre === cadre);
        const days = mine.map((v) => v.visitedOn).sort();
        return {
          cadre: { id: cadre },
          visits: mine.length,
          distinctUnits: new Set(mine.map((v) => v.unit)).size,
          daysInField: new Set(days).size,
          firstVisitOn: days[0],
          lastVisitOn: days[days.length - 1],
        };
      })
      .sort((a, b) => b.visits - a.visits);
    // The data set is built so that no two cadres tie, and so the order is fully determined.
    expect(new Set(expected.map((row) => row.visits)).size).toBe(expected.length);
    expect(expected.map((row) => row.cadre.id)).toEqual([tam, nam, hoa]);
    // Spelled out for the reader: two visits on 2020-01-15 are one day in the field.
    expect(expected[0]).toEqual({
      cadre: { id: tam },
      visits: 5,
      distinctUnits: 4,
      daysInField: 4,
      firstVisitOn: '2020-01-15',
      lastVisitOn: '2020-06-30',
    });
    expect(expected[1]).toEqual({
      cadre: { id: nam },
      visits: 3,
      distinctUnits: 2,
      daysInField: 2,
      firstVisitOn: '2020-01-01',
      lastVisitOn: '2020-02-20',
    });

    expect(await summary(union.organizationId, from, to)).toEqual(expected);

    // A narrower period: only March.
    const march = visits.filter((v) => !v.deleted && v.visitedOn.startsWith('2020-03'));
    // (tam and hoa tie with one visit each, so their relative order is not asserted)
    expect(march).toHaveLength(2);
    const byCadre = (rows: SummaryRow[]) => [...rows].sort((a, b) => (a.cadre.id < b.cadre.id ? -1 : 1));
    expect(byCadre(await summary(union.organizationId, '2020-03-01', '2020-03-31'))).toEqual(
      byCadre([
        { cadre: { id: tam }, visits: 1, distinctUnits: 1, daysInField: 1, firstVisitOn: '2020-03-02', lastVisitOn: '2020-03-02' },
        { cadre: { id: hoa }, visits: 1, distinctUnits: 1, daysInField: 1, firstVisitOn: '2020-03-08', lastVisitOn: '2020-03-08' },
      ]),
    );

    // Deleting a visit removes it from the summary; restoring brings it back.
    const juneVisit = visits.find((v) => v.visitedOn === '2020-06-30')!;
    await service.data(`mutation ($id: ID!) { deleteFieldVisit(id: $id) { id } }`, { id: juneVisit.id });
    const afterDelete = await summary(union.organizationId, from, to);
    expect(afterDelete[0]).toEqual({
      cadre: { id: tam },
      visits: 4,
      distinctUnits: 4,
      daysInField: 3,
      firstVisitOn: '2020-01-15',
      lastVisitOn: '2020-04-10',
    });
    await service.data(`mutation ($id: ID!) { restoreFieldVisit(id: $id) { id } }`, { id: juneVisit.id });
    expect(await summary(union.organizationId, from, to)).toEqual(expected);

    expect(await summary(union.organizationId, '2021-01-01', '2021-12-31')).toEqual([]);
  });

  it('refuses a summary for an unknown organisation', async () => {
    const result = await service.request(
      `{ fieldVisitSummary(organizationId: "00000000-0000-4000-8000-00000000beef", from: "2020-01-01", to: "2020-12-31") { visits } }`,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { organizationId: expect.stringContaining('no Organization') },
    });
  });

  it('refuses a summary period whose end is before its start', async () => {
    const union = await createProvincialUnion(service, 'T');
    const result = await service.request(
      `query ($org: ID!) { fieldVisitSummary(organizationId: $org, from: "2020-06-30", to: "2020-01-01") { visits } }`,
      {
        org: union.organizationId,
      },
    );
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors?.[0].extensions?.fields as object)).toEqual(['to']);
  });
});
