import { createMember, createPartyFixture, startMembershipTestService, UP_LEVELS, type MembershipTestService } from '../../test-support';

let service: MembershipTestService;
beforeAll(async () => {
  service = await startMembershipTestService('organization');
});
afterAll(() => service.stop());

const ORGANIZATION_FIELDS = 'id version name shortName country defaultLocale unitLevels { key label rank } deletedAt';
type UnitLevelRow = { key: string; label: string; rank: number };
type OrganizationRow = {
  id: string;
  version: number;
  name: string;
  shortName: string;
  country: string;
  defaultLocale: string;
  unitLevels: UnitLevelRow[];
  deletedAt: string | null;
};

const VN_LEVELS = [
  { key: 'province', label: 'Tỉnh', rank: 0 },
  { key: 'district', label: 'Huyện', rank: 1 },
  { key: 'commune', label: 'Xã', rank: 2 },
];

const organizationCount = async () => (await service.dataSource.query('SELECT count(*)::int AS n FROM organization'))[0].n as number;

async function createOrganization(input: Record<string, unknown>): Promise<OrganizationRow> {
  const { createOrganization } = await service.data<{ createOrganization: OrganizationRow }>(
    `mutation ($input: OrganizationInput!) { createOrganization(input: $input) { ${ORGANIZATION_FIELDS} } }`,
    { input: { name: 'Đoàn Thanh niên', shortName: 'DTN', country: 'VN', defaultLocale: 'vi', unitLevels: VN_LEVELS, ...input } },
  );
  return createOrganization;
}

async function organization(id: string): Promise<OrganizationRow | null> {
  const result = await service.data<{ organization: OrganizationRow | null }>(
    `query ($id: ID!) { organization(id: $id) { ${ORGANIZATION_FIELDS} } }`,
    { id },
  );
  return result.organization;
}

async function createUnit(organizationId: string, level: string, name: string, code: string, parentId?: string): Promise<string> {
  const { createOrgUnit } = await service.data<{ createOrgUnit: { id: string } }>(
    `mutation ($input: OrgUnitInput!) { createOrgUnit(input: $input) { id } }`,
    { input: { organizationId, level, name, code, parentId } },
  );
  return createOrgUnit.id;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000abcd';

describe('organizations', () => {
  it('creates an organisation and returns its unit levels sorted by rank, keys and labels trimmed', async () => {
    const created = await createOrganization({
      name: '  Tỉnh đoàn Phú Thọ ',
      shortName: 'TDPT',
      country: 'vn',
      unitLevels: [
        { key: 'commune', label: 'Xã', rank: 20 },
        { key: ' province ', label: ' Tỉnh ', rank: 0 },
        { key: 'district', label: 'Huyện', rank: 10 },
      ],
    });
    expect(created).toMatchObject({
      name: 'Tỉnh đoàn Phú Thọ',
      shortName: 'TDPT',
      country: 'VN',
      defaultLocale: 'vi',
      version: 1,
      deletedAt: null,
      unitLevels: [
        { key: 'province', label: 'Tỉnh', rank: 0 },
        { key: 'district', label: 'Huyện', rank: 10 },
        { key: 'commune', label: 'Xã', rank: 20 },
      ],
    });
    expect(await organization(created.id)).toEqual(created);

    const withDefaultLocale = await service.data<{ createOrganization: OrganizationRow }>(
      `mutation ($input: OrganizationInput!) { createOrganization(input: $input) { defaultLocale } }`,
      { input: { name: 'Party without locale', shortName: 'PWL', country: 'IN', unitLevels: UP_LEVELS } },
    );
    expect(withDefaultLocale.createOrganization.defaultLocale).toBe('en');
  });

  it.each([
    ['a country that is not an ISO code', { country: 'India' }, 'country'],
    ['an empty name', { name: '   ' }, 'name'],
    [
      'a duplicate level key',
      {
        unitLevels: [
          { key: 'district', label: 'District', rank: 1 },
          { key: 'district', label: 'District again', rank: 2 },
        ],
      },
      'unitLevels',
    ],
    [
      'a duplicate rank',
      {
        unitLevels: [
          { key: 'province', label: 'Province', rank: 1 },
          { key: 'district', label: 'District', rank: 1 },
        ],
      },
      'unitLevels',
    ],
    ['an unknown default locale', { defaultLocale: 'fr' }, 'defaultLocale'],
  ])('refuses %s with BAD_USER_INPUT on that field and writes nothing', async (_label, bad, field) => {
    const before = await organizationCount();
    const result = await service.request(`mutation ($input: OrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { name: 'Đoàn Thanh niên', shortName: 'DTN', country: 'VN', defaultLocale: 'vi', unitLevels: VN_LEVELS, ...bad },
    });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors?.[0].extensions?.fields as object)).toEqual([field]);
    expect(await organizationCount()).toBe(before);
  });

  it('updates with expectedVersion; a stale version is a CONFLICT that changes nothing', async () => {
    const created = await createOrganization({ name: 'Conflict Union', shortName: 'CU' });
    const updated = await service.data<{ updateOrganization: OrganizationRow }>(
      `mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "Conflict Union renamed", defaultLocale: "en" }, expectedVersion: 1) { ${ORGANIZATION_FIELDS} } }`,
      { id: created.id },
    );
    expect(updated.updateOrganization).toMatchObject({ name: 'Conflict Union renamed', defaultLocale: 'en', shortName: 'CU', version: 2 });

    const stale = await service.request(
      `mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "Lost update", country: "IN" }, expectedVersion: 1) { id } }`,
      { id: created.id },
    );
    expect(stale.data).toBeNull();
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
    expect(await organization(created.id)).toEqual(updated.updateOrganization);
  });

  it('refuses to remove a unit level that units still use, and allows removing an unused one', async () => {
    const created = await createOrganization({ name: 'Level Union', shortName: 'LU' });
    const province = await createUnit(created.id, 'province', 'Phú Thọ', 'PT');
    await createUnit(created.id, 'district', 'Việt Trì', 'PT-VT', province);

    const dropDistrict = await service.request(
      `mutation ($id: ID!, $levels: [UnitLevelInput!]) { updateOrganization(id: $id, input: { unitLevels: $levels }) { id } }`,
      { id: created.id, levels: [VN_LEVELS[0], VN_LEVELS[2]] },
    );
    expect(dropDistrict.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { unitLevels: expect.stringContaining('district') },
    });
    expect(Object.keys(dropDistrict.errors?.[0].extensions?.fields as object)).toEqual(['unitLevels']);
    expect(await organization(created.id)).toEqual(created);

    const dropCommune = await service.data<{ updateOrganization: OrganizationRow }>(
      `mutation ($id: ID!, $levels: [UnitLevelInput!]) { updateOrganization(id: $id, input: { unitLevels: $levels }) { version unitLevels { key label rank } } }`,
      { id: created.id, levels: [VN_LEVELS[1], VN_LEVELS[0]] },
    );
    expect(dropCommune.updateOrganization).toEqual({ version: 2, unitLevels: [VN_LEVELS[0], VN_LEVELS[1]] });
  });

  it('counts deleted units when a level is removed, so a restore cannot bring back a unit at a level that no longer exists', async () => {
    const created = await createOrganization({ name: 'Deleted Level Union', shortName: 'DLU' });
    const province = await createUnit(created.id, 'province', 'Phú Thọ', 'PT');
    const district = await createUnit(created.id, 'district', 'Việt Trì', 'PT-VT', province);
    const commune = await createUnit(created.id, 'commune', 'Phường Gia Cẩm', 'PT-VT-GC', district);
    await service.data(`mutation ($id: ID!) { deleteOrgUnit(id: $id) { id } }`, { id: commune });

    const dropCommune = await service.request(
      `mutation ($id: ID!, $levels: [UnitLevelInput!]) { updateOrganization(id: $id, input: { unitLevels: $levels }) { id } }`,
      { id: created.id, levels: [VN_LEVELS[0], VN_LEVELS[1]] },
    );
    expect(dropCommune.errors?.[0].extensions?.fields).toEqual({ unitLevels: expect.stringContaining('commune') });
    expect(await organization(created.id)).toEqual(created);
  });

  it('refuses ranks that would put existing units at or above their parents', async () => {
    const created = await createOrganization({ name: 'Rank Union', shortName: 'RU' });
    const province = await createUnit(created.id, 'province', 'Phú Thọ', 'PT');
    await createUnit(created.id, 'district', 'Việt Trì', 'PT-VT', province);
    const swapped = await service.request(
      `mutation ($id: ID!, $levels: [UnitLevelInput!]) { updateOrganization(id: $id, input: { unitLevels: $levels }) { id } }`,
      { id: created.id, levels: [{ ...VN_LEVELS[0], rank: 5 }, { ...VN_LEVELS[1], rank: 1 }, VN_LEVELS[2]] },
    );
    expect(swapped.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { unitLevels: 'these ranks would put district units at or above their province parents' },
    });
    expect(await organization(created.id)).toEqual(created);
  });

  it('matches search wildcards literally', async () => {
    await createOrganization({ name: 'Wildcard Union', shortName: 'WU' });
    const { organizations } = await service.data<{ organizations: { total: number } }>(`{ organizations(filter: { q: "%" }) { total } }`);
    expect(organizations.total).toBe(0);
  });

  it('refuses to delete an organisation that still has units', async () => {
    const tree = await createPartyFixture(service, 'DEL');
    const result = await service.request(`mutation ($id: ID!) { deleteOrganization(id: $id) { id } }`, { id: tree.organizationId });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: expect.stringContaining('19 units') } });
    expect(await organization(tree.organizationId)).not.toBeNull();

    await createMember(service, { organizationId: tree.organizationId, fullName: 'राम लाल', unitId: tree.booths[0] });
    const withMember = await service.request(`mutation ($id: ID!) { deleteOrganization(id: $id) { id } }`, { id: tree.organizationId });
    expect(withMember.errors?.[0].extensions?.fields).toEqual({ id: expect.stringContaining('1 members') });
    expect(await organization(tree.organizationId)).not.toBeNull();
  });

  it('soft-deletes and restores an empty organisation', async () => {
    const created = await createOrganization({ name: 'Empty Union', shortName: 'EU' });
    const deleted = await service.data<{ deleteOrganization: OrganizationRow }>(
      `mutation ($id: ID!) { deleteOrganization(id: $id) { id deletedAt } }`,
      {
        id: created.id,
      },
    );
    expect(deleted.deleteOrganization).toEqual({ id: created.id, deletedAt: expect.any(String) });
    expect(await organization(created.id)).toBeNull();
    const { organizations } = await service.data<{ organizations: { total: number } }>(
      `query ($ids: [ID!]) { organizations(filter: { ids: $ids }) { total } }`,
      {
        ids: [created.id],
      },
    );
    expect(organizations.total).toBe(0);

    const restored = await service.data<{ restoreOrganization: OrganizationRow }>(
      `mutation ($id: ID!) { restoreOrganization(id: $id) { ${ORGANIZATION_FIELDS} } }`,
      {
        id: created.id,
      },
    );
    expect(restored.restoreOrganization).toMatchObject({ id: created.id, name: 'Empty Union', deletedAt: null });
    expect(await organization(created.id)).toMatchObject({ id: created.id, deletedAt: null });
  });

  it('filters the list by q (name or short name) and country', async () => {
    const nepal = await createOrganization({ name: 'Zebrafinch Youth League', shortName: 'ZYL', country: 'NP', unitLevels: VN_LEVELS });
    const vietnam = await createOrganization({ name: 'Zebrafinch Women Union', shortName: 'ZWU', country: 'VN' });
    const other = await createOrganization({ name: 'Quokka Farmers', shortName: 'QZEBRAFINCHQ', country: 'VN' });
    await createOrganization({ name: 'Unrelated Union', shortName: 'UU', country: 'NP' });

    const list = async (filter: Record<string, unknown>) =>
      (
        await service.data<{ organizations: { total: number; items: { id: string }[] } }>(
          `query ($f: OrganizationFilter) { organizations(filter: $f, sort: [{ field: name }], page: { limit: 500 }) { total items { id } } }`,
          { f: filter },
        )
      ).organizations.items.map((o) => o.id);

    expect(await list({ q: 'zebrafinch' })).toEqual([other.id, vietnam.id, nepal.id]);
    expect(await list({ q: 'ZEBRAFINCH', country: 'vn' })).toEqual([other.id, vietnam.id]);
    expect(await list({ q: 'zebrafinch youth' })).toEqual([nepal.id]);
    const nepalese = await list({ country: 'NP' });
    expect(nepalese).toContain(nepal.id);
    expect(nepalese).not.toContain(vietnam.id);
    const { organizations } = await service.data<{ organizations: { items: { country: string }[] } }>(
      `{ organizations(filter: { country: "NP" }, page: { limit: 500 }) { items { country } } }`,
    );
    expect(new Set(organizations.items.map((o) => o.country))).toEqual(new Set(['NP']));
  });

  it('returns null for an unknown id and NOT_FOUND when updating one', async () => {
    expect(await organization(UNKNOWN_ID)).toBeNull();
    expect(await organization('not-a-uuid')).toBeNull();
    const before = await organizationCount();
    const update = await service.request(`mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "Ghost" }) { id } }`, {
      id: UNKNOWN_ID,
    });
    expect(update.data).toBeNull();
    expect(update.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: UNKNOWN_ID });
    expect(await organizationCount()).toBe(before);
  });
});
