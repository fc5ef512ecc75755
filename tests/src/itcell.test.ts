import { createLogger, graphqlRequest, MembershipClient, ServiceTokenSource } from '@sangathan/common';
import { startItcellService } from '@sangathan/itcell';
import { createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { startTestSystem, type TestSystem } from './support';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem('itcell_fed');
});
afterAll(() => system.stop());

async function createTeam(unitId: string, name: string): Promise<string> {
  const { createSocialTeam } = await system.data<{ createSocialTeam: { id: string } }>(
    `mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }`,
    { input: { unitId, name, formedOn: '2018-06-01' } },
  );
  return createSocialTeam.id;
}

async function addRole(teamId: string, memberId: string, role: string, until?: string): Promise<void> {
  await system.data(`mutation ($input: TeamMemberInput!) { createTeamMember(input: $input) { id } }`, {
    input: { teamId, memberId, role, since: '2018-06-01', until },
  });
}

describe('itcell through the gateway', () => {
  it('serves a district’s team with its convenor’s name and phone (from membership) in one query', async () => {
    const tree = await createPartyFixture(system.membership, 'A');
    const convenor = await createMember(system.membership, {
      organizationId: tree.organizationId,
      fullName: 'संजय राय',
      phone: '+919811100001',
      unitId: tree.districts[0],
    });
    const team = await createTeam(tree.districts[0], 'जिला आईटी प्रकोष्ठ');
    await addRole(team, convenor, 'CONVENOR');
    const { orgUnit } = await system.data<{ orgUnit: unknown }>(
      `query ($id: ID!) { orgUnit(id: $id) { name socialTeam { name unit { code } members(current: true) { items { role member { fullName phone } } } } } }`,
      { id: tree.districts[0] },
    );
    expect(orgUnit).toEqual({
      name: 'जिला 11',
      socialTeam: {
        name: 'जिला आईटी प्रकोष्ठ',
        unit: { code: 'R1-D1' },
        members: { items: [{ role: 'CONVENOR', member: { fullName: 'संजय राय', phone: '+919811100001' } }] },
      },
    });
  });

  it('serves a member’s positions (membership) and social roles (itcell) in one query', async () => {
    const tree = await createPartyFixture(system.membership, 'B');
    const member = await createMember(system.membership, {
      organizationId: tree.organizationId,
      fullName: 'सुनीता देवी',
      unitId: tree.mandals[0],
    });
    await system.data(`mutation ($input: PositionInput!) { createPosition(input: $input) { id } }`, {
      input: { memberId: member, unitId: tree.mandals[0], title: 'PRESIDENT', startsOn: '2019-01-01' },
    });
    await addRole(await createTeam(tree.mandals[0], 'मंडल टीम'), member, 'CO_CONVENOR');
    const { member: found } = await system.data<{ member: unknown }>(
      `query ($id: ID!) { member(id: $id) { fullName positions { title unit { code } } socialRoles { role current team { name unit { code } } } } }`,
      { id: member },
    );
    expect(found).toEqual({
      fullName: 'सुनीता देवी',
      positions: [{ title: 'PRESIDENT', unit: { code: 'R1-D1-M1' } }],
      socialRoles: [{ role: 'CO_CONVENOR', current: true, team: { name: 'मंडल टीम', unit: { code: 'R1-D1-M1' } } }],
    });
  });

  it('reports IT coverage that matches a count made independently from the teams created', async () => {
    const tree = await createPartyFixture(system.membership, 'C');
    const people = [];
    for (let i = 0; i < 8; i++)
      people.push(
        await createMember(system.membership, { organizationId: tree.organizationId, fullName: `कार्यकर्ता ${i}`, unitId: tree.booths[i] }),
      );
    // Mandal 0: convenor. Mandal 1: team with only a co-convenor. Mandal 2: convenor whose role ended. Mandal 3: no team.
    await addRole(await createTeam(tree.mandals[0], 'M0'), people[0], 'CONVENOR');
    await addRole(await createTeam(tree.mandals[1], 'M1'), people[1], 'CO_CONVENOR');
    await addRole(await createTeam(tree.mandals[2], 'M2'), people[2], 'CONVENOR', '2019-12-31');
    // Booths: cyber warriors in booths 0, 1 and 5; booth 2 has a team but only a member.
    await addRole(await createTeam(tree.booths[0], 'B0'), people[3], 'CYBER_WARRIOR');
    await addRole(await createTeam(tree.booths[1], 'B1'), people[4], 'CYBER_WARRIOR');
    await addRole(await createTeam(tree.booths[5], 'B5'), people[5], 'CYBER_WARRIOR');
    await addRole(await createTeam(tree.booths[2], 'B2'), people[6], 'MEMBER');

    const expected = (mandals: string[], booths: string[]) => {
      const convened = [tree.mandals[0]].filter((m) => mandals.includes(m)).length;
      const warriors = [tree.booths[0], tree.booths[1], tree.booths[5]].filter((b) => booths.includes(b)).length;
      return { mandals: mandals.length, convened, booths: booths.length, warriors };
    };
    const coverage = async (unit: string) =>
      (
        await system.data<{
          orgUnit: {
            itCoverage: { units: number; unitsWithConvenor: number; booths: number; boothsWithCyberWarrior: number; unitsPercent: number };
          };
        }>(
          `query ($id: ID!) { orgUnit(id: $id) { itCoverage(level: "mandal") { units unitsWithConvenor unitsPercent booths boothsWithCyberWarrior } } }`,
          { id: unit },
        )
      ).orgUnit.itCoverage;

    const state = await coverage(tree.state);
    const stateExpected = expected(tree.mandals, tree.booths);
    expect(state).toEqual({
      units: stateExpected.mandals,
      unitsWithConvenor: stateExpected.convened,
      unitsPercent: 25,
      booths: stateExpected.booths,
      boothsWithCyberWarrior: stateExpected.warriors,
    });
    const region2 = await coverage(tree.regions[1]);
    const region2Expected = expected(tree.mandals.slice(2), tree.booths.slice(4));
    expect(region2).toMatchObject({
      units: region2Expected.mandals,
      unitsWithConvenor: region2Expected.convened,
      booths: region2Expected.booths,
      boothsWithCyberWarrior: region2Expected.warriors,
    });
  });

  it('resolves many SocialTeam references with one query', async () => {
    const tree = await createPartyFixture(system.membership, 'D');
    const teams = [];
    for (const booth of tree.booths) teams.push(await createTeam(booth, 'बूथ'));
    system.itcell.queryLog.clear();
    const { _entities } = await system.itcell.data<{ _entities: { id: string; name: string }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on SocialTeam { id name } } }`,
      { r: teams.map((id) => ({ __typename: 'SocialTeam', id })) },
    );
    expect(_entities.map((team) => team.id)).toEqual(teams);
    expect(system.itcell.queryLog.selectsFrom('social_team')).toHaveLength(1);
  });

  it('refuses writes with SERVICE_UNAVAILABLE when membership does not answer, and writes nothing', async () => {
    const logger = createLogger('itcell', 'silent');
    const isolated = await startItcellService({
      dataSource: system.itcell.dataSource,
      port: 0,
      logger,
      membershipUrl: 'http://127.0.0.1:9/graphql',
      auth: system.itcell.auth,
    });
    try {
      const before = (await system.itcell.dataSource.query('SELECT count(*)::int AS n FROM social_team'))[0].n;
      const result = await graphqlRequest(
        isolated.url,
        `mutation { createSocialTeam(input: { unitId: "00000000-0000-4000-8000-000000000001", name: "X" }) { id } }`,
        undefined,
        { token: system.itcell.token, gatewaySecret: system.itcell.auth.internalSecret },
      );
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', service: 'membership' } });
      expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
      expect((await system.itcell.dataSource.query('SELECT count(*)::int AS n FROM social_team'))[0].n).toBe(before);
      await expect(
        new MembershipClient('http://127.0.0.1:9/graphql', new ServiceTokenSource(system.itcell.auth.internalSecret, 'test')).units([
          '00000000-0000-4000-8000-000000000001',
        ]),
      ).rejects.toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    } finally {
      await isolated.stop();
    }
  });
});
