import { createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { startItcellTestService, type ItcellTestService } from '../../test-support';

let service: ItcellTestService;
beforeAll(async () => {
  service = await startItcellTestService('social_team');
});
afterAll(() => service.stop());

const createTeam = async (unitId: string, name = 'आईटी टीम', status?: string) =>
  (
    await service.data<{ createSocialTeam: { id: string } }>(
      `mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }`,
      { input: { unitId, name, status } },
    )
  ).createSocialTeam.id;

const addRole = (teamId: string, memberId: string, role: string, extra: Record<string, unknown> = {}) =>
  service.request<{ createTeamMember: { id: string } }>(`mutation ($input: TeamMemberInput!) { createTeamMember(input: $input) { id } }`, {
    input: { teamId, memberId, role, ...extra },
  });

const teamCount = async () => (await service.dataSource.query('SELECT count(*)::int AS n FROM social_team'))[0].n as number;

describe('social teams', () => {
  it('copies the unit’s organisation, ancestry and level from membership', async () => {
    const tree = await createPartyFixture(service.membership, 'A');
    const id = await createTeam(tree.mandals[0], 'मंडल आईटी टीम');
    const [row] = await service.dataSource.query('SELECT organization_id, unit_path, unit_level FROM social_team WHERE id = $1', [id]);
    expect(row).toEqual({
      organization_id: tree.organizationId,
      unit_path: [tree.state, tree.regions[0], tree.districts[0], tree.mandals[0]],
      unit_level: 'mandal',
    });
  });

  it('refuses an unknown or deleted unit, an empty name and a second active team for a unit; writes nothing', async () => {
    const tree = await createPartyFixture(service.membership, 'B');
    await createTeam(tree.districts[0], 'जिला टीम');
    const before = await teamCount();
    const duplicate = await service.request(`mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }`, {
      input: { unitId: tree.districts[0], name: ' ' },
    });
    expect(duplicate.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { name: 'must not be empty' },
    });
    const second = await service.request(`mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }`, {
      input: { unitId: tree.districts[0], name: 'दूसरी टीम' },
    });
    expect(second.errors?.[0].extensions?.fields).toEqual({ unitId: 'this unit already has an active team: जिला टीम' });
    const unknown = await service.request(`mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }`, {
      input: { unitId: '00000000-0000-4000-8000-000000000000', name: 'X' },
    });
    expect(unknown.errors?.[0].extensions?.fields).toEqual({ unitId: expect.stringContaining('no OrgUnit') });
    await service.membership.data(`mutation ($id: ID!) { deleteOrgUnit(id: $id) { id } }`, { id: tree.booths[0] });
    const deleted = await service.request(`mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }`, {
      input: { unitId: tree.booths[0], name: 'X' },
    });
    expect(deleted.errors?.[0].extensions?.fields).toEqual({ unitId: expect.stringContaining('no OrgUnit') });
    expect(await teamCount()).toBe(before);
    // A dormant team may sit beside the active one.
    await createTeam(tree.districts[0], 'पुरानी टीम', 'DORMANT');
  });

  it('filters teams within a subtree and by level', async () => {
    const tree = await createPartyFixture(service.membership, 'C');
    const [d1, d2, m1] = [await createTeam(tree.districts[0]), await createTeam(tree.districts[2]), await createTeam(tree.mandals[0])];
    const ids = async (filter: Record<string, unknown>) =>
      (
        await service.data<{ socialTeams: { items: { id: string }[] } }>(
          `query ($f: SocialTeamFilter) { socialTeams(filter: $f, page: { limit: 100 }) { items { id } } }`,
          { f: filter },
        )
      ).socialTeams.items
        .map((team) => team.id)
        .sort();
    expect(await ids({ withinUnit: tree.regions[0] })).toEqual([d1, m1].sort());
    expect(await ids({ withinUnit: tree.state, unitLevels: ['district'] })).toEqual([d1, d2].sort());
  });

  it('follows a unit moved in membership: the team’s ancestry copy is rewritten', async () => {
    const tree = await createPartyFixture(service.membership, 'D');
    const team = await createTeam(tree.booths[0], 'बूथ टीम');
    await service.membership.data(`mutation ($id: ID!, $p: ID!) { updateOrgUnit(id: $id, input: { parentId: $p }) { id } }`, {
      id: tree.mandals[0],
      p: tree.districts[3],
    });
    expect(await service.followUnitChanges()).toBeGreaterThanOrEqual(1);
    const [row] = await service.dataSource.query('SELECT unit_path FROM social_team WHERE id = $1', [team]);
    expect(row.unit_path).toEqual([tree.state, tree.regions[1], tree.districts[3], tree.mandals[0], tree.booths[0]]);
    const { socialTeams } = await service.data<{ socialTeams: { total: number } }>(
      `query ($u: ID!) { socialTeams(filter: { withinUnit: $u }) { total } }`,
      {
        u: tree.regions[1],
      },
    );
    expect(socialTeams.total).toBe(1);
    expect(await service.followUnitChanges()).toBe(0);
  });
});

describe('team members', () => {
  it('allows one current convenor per team and one current role per member', async () => {
    const tree = await createPartyFixture(service.membership, 'E');
    const team = await createTeam(tree.districts[0]);
    const [a, b] = [
      await createMember(service.membership, { organizationId: tree.organizationId, fullName: 'संजय राय', unitId: tree.districts[0] }),
      await createMember(service.membership, { organizationId: tree.organizationId, fullName: 'अजय सिंह', unitId: tree.districts[0] }),
    ];
    expect((await addRole(team, a, 'CONVENOR', { since: '2018-06-01' })).errors).toBeUndefined();
    const secondConvenor = await addRole(team, b, 'CONVENOR');
    expect(secondConvenor.errors?.[0].extensions?.fields).toEqual({ role: expect.stringContaining('already has a convenor') });
    const secondRole = await addRole(team, a, 'MEMBER');
    expect(secondRole.errors?.[0].extensions?.fields).toEqual({ memberId: expect.stringContaining('already holds a role') });
    expect((await addRole(team, b, 'CO_CONVENOR')).errors).toBeUndefined();
    // Ending the convenor's role frees the seat from the day after.
    const [{ id: convenorRole }] = await service.dataSource.query(`SELECT id FROM team_member WHERE member_id = $1`, [a]);
    await service.data(`mutation ($id: ID!) { updateTeamMember(id: $id, input: { until: "2020-12-31" }) { id } }`, { id: convenorRole });
    const promoted = await service.request(`mutation ($input: TeamMemberInput!) { createTeamMember(input: $input) { id } }`, {
      input: { teamId: team, memberId: a, role: 'MEMBER', since: '2021-01-01' },
    });
    expect(promoted.errors).toBeUndefined();
  });

  it('refuses an unknown member, a member of another organisation and an end before the start', async () => {
    const tree = await createPartyFixture(service.membership, 'F');
    const other = await createPartyFixture(service.membership, 'G');
    const team = await createTeam(tree.districts[0]);
    const stranger = await createMember(service.membership, {
      organizationId: other.organizationId,
      fullName: 'बाहरी',
      unitId: other.districts[0],
    });
    expect((await addRole(team, '00000000-0000-4000-8000-000000000000', 'MEMBER')).errors?.[0].extensions?.fields).toEqual({
      memberId: expect.stringContaining('no Member'),
    });
    expect((await addRole(team, stranger, 'MEMBER')).errors?.[0].extensions?.fields).toEqual({
      memberId: 'belongs to another organisation',
    });
    const own = await createMember(service.membership, {
      organizationId: tree.organizationId,
      fullName: 'अपना',
      unitId: tree.districts[0],
    });
    expect((await addRole(team, own, 'MEMBER', { since: '2021-01-01', until: '2020-01-01' })).errors?.[0].extensions?.fields).toEqual({
      until: 'must not be before the start date',
    });
    expect((await service.dataSource.query('SELECT count(*)::int AS n FROM team_member WHERE team_id = $1', [team]))[0].n).toBe(0);
  });
});
