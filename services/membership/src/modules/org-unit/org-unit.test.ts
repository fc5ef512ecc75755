import { signServiceToken } from '@sangathan/common';
import { createMember, createPartyFixture, startMembershipTestService, type MembershipTestService } from '../../test-support';

let service: MembershipTestService;
beforeAll(async () => {
  service = await startMembershipTestService('org_unit');
});
afterAll(() => service.stop());

const UNIT_FIELDS = 'id version level name nameLatin code parentId path';

async function unit(id: string) {
  const { orgUnit } = await service.data<{ orgUnit: Record<string, unknown> & { path: string[] } }>(
    `query ($id: ID!) { orgUnit(id: $id) { ${UNIT_FIELDS} ancestors { id code } } }`,
    { id },
  );
  return orgUnit;
}

describe('org units', () => {
  it('derives the Latin name, keeps the materialised path and lists ancestors root first', async () => {
    const tree = await createPartyFixture(service, 'A');
    const booth = await unit(tree.booths[0]);
    expect(booth.path).toEqual([tree.state, tree.regions[0], tree.districts[0], tree.mandals[0], tree.booths[0]]);
    expect((booth.ancestors as { code: string }[]).map((a) => a.code)).toEqual(['UP', 'R1', 'R1-D1', 'R1-D1-M1']);
    expect((await unit(tree.state)).nameLatin).toBe('Uttar Pradesh');
  });

  it('filters a whole subtree with withinUnit and counts descendants per level', async () => {
    const tree = await createPartyFixture(service, 'B');
    const { orgUnits } = await service.data<{ orgUnits: { total: number; items: { id: string }[] } }>(
      `query ($id: ID!) { orgUnits(filter: { withinUnit: $id, levels: ["booth"] }, page: { limit: 100 }) { total items { id } } }`,
      { id: tree.regions[0] },
    );
    expect(orgUnits.total).toBe(4);
    expect(orgUnits.items.map((i) => i.id).sort()).toEqual(tree.booths.slice(0, 4).sort());

    const { orgUnit } = await service.data<{ orgUnit: { all: number; booths: number; children: { total: number } } }>(
      `query ($id: ID!) { orgUnit(id: $id) { all: descendantCount booths: descendantCount(level: "booth") children { total } } }`,
      { id: tree.state },
    );
    // 2 regions + 4 districts + 4 mandals + 8 booths
    expect(orgUnit).toEqual({ all: 18, booths: 8, children: { total: 2 } });
  });

  it('refuses a level that is not below the parent, an unknown level, a duplicate code and an empty name; writes nothing', async () => {
    const tree = await createPartyFixture(service, 'C');
    const before = await service.dataSource.query('SELECT count(*)::int AS n FROM org_unit');
    const result = await service.request(`mutation ($input: OrgUnitInput!) { createOrgUnit(input: $input) { id } }`, {
      input: { organizationId: tree.organizationId, parentId: tree.districts[0], level: 'region', name: ' ', code: 'R1' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { level: expect.stringContaining('lower level'), name: 'must not be empty', code: expect.stringContaining('already used') },
    });
    const unknownLevel = await service.request(`mutation ($input: OrgUnitInput!) { createOrgUnit(input: $input) { id } }`, {
      input: { organizationId: tree.organizationId, parentId: tree.state, level: 'galaxy', name: 'X', code: 'X1' },
    });
    expect(unknownLevel.errors?.[0].extensions?.fields).toEqual({ level: expect.stringContaining('must be one of') });
    const unknownParent = await service.request(`mutation ($input: OrgUnitInput!) { createOrgUnit(input: $input) { id } }`, {
      input: {
        organizationId: tree.organizationId,
        parentId: '00000000-0000-4000-8000-000000000000',
        level: 'booth',
        name: 'X',
        code: 'X2',
      },
    });
    expect(unknownParent.errors?.[0].extensions?.fields).toEqual({ parentId: expect.stringContaining('no OrgUnit') });
    expect(await service.dataSource.query('SELECT count(*)::int AS n FROM org_unit')).toEqual(before);
  });

  it('moves a unit with its subtree and refuses a cycle', async () => {
    const tree = await createPartyFixture(service, 'D');
    const mandal = await unit(tree.mandals[0]);
    const moved = await service.data<{ updateOrgUnit: { parentId: string; version: number } }>(
      `mutation ($id: ID!, $parentId: ID!, $v: Int) { updateOrgUnit(id: $id, input: { parentId: $parentId }, expectedVersion: $v) { parentId version } }`,
      { id: tree.mandals[0], parentId: tree.districts[3], v: mandal.version },
    );
    expect(moved.updateOrgUnit.parentId).toBe(tree.districts[3]);
    const booth = await unit(tree.booths[0]);
    expect(booth.path).toEqual([tree.state, tree.regions[1], tree.districts[3], tree.mandals[0], tree.booths[0]]);
    const { orgUnits } = await service.data<{ orgUnits: { total: number } }>(
      `query ($id: ID!) { orgUnits(filter: { withinUnit: $id, levels: ["booth"] }) { total } }`,
      { id: tree.regions[0] },
    );
    expect(orgUnits.total).toBe(2);

    const cycle = await service.request(
      `mutation ($id: ID!, $parentId: ID!) { updateOrgUnit(id: $id, input: { parentId: $parentId }) { id } }`,
      { id: tree.regions[1], parentId: tree.mandals[0] },
    );
    expect(cycle.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { parentId: expect.stringContaining('descendants') },
    });
    expect((await unit(tree.regions[1])).parentId).toBe(tree.state);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const tree = await createPartyFixture(service, 'E');
    const current = await unit(tree.districts[0]);
    await service.data(`mutation ($id: ID!) { updateOrgUnit(id: $id, input: { name: "नया नाम" }) { id } }`, { id: tree.districts[0] });
    const stale = await service.request(
      `mutation ($id: ID!, $v: Int) { updateOrgUnit(id: $id, input: { name: "पुराना" }, expectedVersion: $v) { id } }`,
      { id: tree.districts[0], v: current.version },
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: (current.version as number) + 1 });
    expect((await unit(tree.districts[0])).name).toBe('नया नाम');
  });

  it('refuses to delete a unit that has children or members, deletes and restores a leaf', async () => {
    const tree = await createPartyFixture(service, 'F');
    await createMember(service, { organizationId: tree.organizationId, fullName: 'राम लाल', unitId: tree.booths[1] });
    const withChildren = await service.request(`mutation ($id: ID!) { deleteOrgUnit(id: $id) { id } }`, { id: tree.mandals[0] });
    expect(withChildren.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { id: expect.stringContaining('2 child units') },
    });
    const withMembers = await service.request(`mutation ($id: ID!) { deleteOrgUnit(id: $id) { id } }`, { id: tree.booths[1] });
    expect(withMembers.errors?.[0].extensions?.fields).toEqual({ id: expect.stringContaining('1 members') });

    const bulk = await service.request(`mutation ($ids: [ID!]!) { deleteOrgUnits(ids: $ids) { id } }`, {
      ids: [tree.booths[0], tree.booths[1]],
    });
    expect(bulk.errors?.[0].extensions?.fields).toEqual({ 'ids.1': expect.stringContaining('members') });
    expect(await unit(tree.booths[0])).not.toBeNull();

    const deleted = await service.data<{ deleteOrgUnit: { deletedAt: string } }>(
      `mutation ($id: ID!) { deleteOrgUnit(id: $id) { deletedAt } }`,
      { id: tree.booths[0] },
    );
    expect(deleted.deleteOrgUnit.deletedAt).toBeTruthy();
    expect(await unit(tree.booths[0])).toBeNull();
    await service.data(`mutation ($id: ID!) { restoreOrgUnit(id: $id) { id } }`, { id: tree.booths[0] });
    expect((await unit(tree.booths[0])).code).toBe('R1-D1-M1-B1');
  });

  it('searches units by Latin spelling of a Devanagari name', async () => {
    const tree = await createPartyFixture(service, 'G');
    await service.data(`mutation ($input: OrgUnitInput!) { createOrgUnit(input: $input) { id } }`, {
      input: { organizationId: tree.organizationId, parentId: tree.regions[0], level: 'district', name: 'गोरखपुर', code: 'GKP' },
    });
    const { orgUnits } = await service.data<{ orgUnits: { items: { code: string; nameLatin: string }[] } }>(
      `query ($org: ID!) { orgUnits(filter: { organizationId: $org, q: "gorakhpur" }) { items { code nameLatin } } }`,
      { org: tree.organizationId },
    );
    expect(orgUnits.items).toEqual([{ code: 'GKP', nameLatin: 'Gorakhpur' }]);
  });
});

describe('the unit change feed', () => {
  it('records moves and level changes in order, and nothing for a rename or a failed move', async () => {
    const tree = await createPartyFixture(service, 'U');
    // The feed is for the followers in itcell and training: a service token, as they send.
    const token = await signServiceToken(service.auth.internalSecret, 'itcell');
    const feed = async (after: number) =>
      (
        await service.data<{ unitChanges: { seq: number; unitId: string; path: string[]; level: string }[] }>(
          `query ($after: Int) { unitChanges(after: $after) { seq unitId path level } }`,
          { after },
          { token },
        )
      ).unitChanges;
    const start = (await feed(0)).at(-1)?.seq ?? 0;

    await service.data(`mutation ($id: ID!) { updateOrgUnit(id: $id, input: { name: "नया मंडल" }) { id } }`, { id: tree.mandals[0] });
    await service.request(`mutation ($id: ID!, $p: ID!) { updateOrgUnit(id: $id, input: { parentId: $p }) { id } }`, {
      id: tree.regions[0],
      p: tree.booths[0],
    });
    await service.data(`mutation ($id: ID!, $p: ID!) { updateOrgUnit(id: $id, input: { parentId: $p }) { id } }`, {
      id: tree.mandals[0],
      p: tree.districts[2],
    });
    await service.data(`mutation ($id: ID!) { updateOrgUnit(id: $id, input: { level: "vidhan_sabha" }) { id } }`, { id: tree.mandals[1] });

    const changes = await feed(start);
    expect(changes.map(({ unitId, path, level }) => ({ unitId, path, level }))).toEqual([
      { unitId: tree.mandals[0], path: [tree.state, tree.regions[1], tree.districts[2], tree.mandals[0]], level: 'mandal' },
      { unitId: tree.mandals[1], path: [tree.state, tree.regions[0], tree.districts[1], tree.mandals[1]], level: 'vidhan_sabha' },
    ]);
    expect(changes[1].seq).toBeGreaterThan(changes[0].seq);
    expect(await feed(changes[1].seq)).toEqual([]);
  });
});
