import { DEFAULT_SERVICE_LIMITS, setServiceLimits, fixtureQuery } from '@sangathan/common';
import { createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { startTrainingTestService, type TrainingTestService } from '../../test-support';

let service: TrainingTestService;
beforeAll(async () => {
  service = await startTrainingTestService('trainer_team');
});
afterAll(() => service.stop());

type Tree = Awaited<ReturnType<typeof createPartyFixture>>;
type Team = { id: string; name: string; size: number; trainerIds: string[]; trainers: { id: string }[]; version: number };

const TEAM_FIELDS = 'id name size trainerIds trainers { id } version';
const CREATE = `mutation ($input: TrainerTeamInput!) { createTrainerTeam(input: $input) { ${TEAM_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: TrainerTeamUpdateInput!, $v: Int) {
  updateTrainerTeam(id: $id, input: $input, expectedVersion: $v) { ${TEAM_FIELDS} } }`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const createCampaign = async (unitId: string) =>
  (
    await service.data<{ createTrainingCampaign: { id: string } }>(
      `mutation ($input: TrainingCampaignInput!) { createTrainingCampaign(input: $input) { id } }`,
      {
        input: { unitId, name: 'प्रशिक्षण से पराक्रम', startsOn: '2021-08-01', endsOn: '2021-12-31', targetCamps: 700, targetTrainees: 200000 },
      },
    )
  ).createTrainingCampaign.id;

const createTeam = async (campaignId: string, name: string, trainerIds?: string[]) =>
  (await service.data<{ createTrainerTeam: Team }>(CREATE, { input: { campaignId, name, trainerIds } })).createTrainerTeam;

const createTrainers = async (tree: Tree, count: number, prefix = 'प्रशिक्षक') => {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    ids.push(
      await createMember(service.membership, {
        organizationId: tree.organizationId,
        fullName: `${prefix} ${index + 1}`,
        unitId: tree.districts[index % tree.districts.length],
      }),
    );
  }
  return ids;
};

const teamCount = async () => (await service.dataSource.query('SELECT count(*)::int AS n FROM trainer_team'))[0].n as number;

const fieldsOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => {
  expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  return response.errors?.[0].extensions?.fields;
};

describe('trainer teams', () => {
  it('creates a master-trainer team of 40 members with one batched lookup in membership', async () => {
    const tree = await createPartyFixture(service.membership, 'A');
    const campaign = await createCampaign(tree.state);
    const trainers = await createTrainers(tree, 40);
    service.membership.queryLog.clear();
    const team = await createTeam(campaign, 'मास्टर ट्रेनर टीम 1', [...trainers, trainers[0], trainers[5]]);
    expect(service.membership.queryLog.selectsFrom('member')).toHaveLength(1);
    // Duplicates are dropped, the order kept.
    expect(team).toMatchObject({ name: 'मास्टर ट्रेनर टीम 1', size: 40, trainerIds: trainers, version: 1 });
    expect(team.trainers).toEqual(trainers.map((id) => ({ id })));

    const { trainerTeam } = await service.data<{ trainerTeam: { campaign: { id: string }; size: number } }>(
      `query ($id: ID!) { trainerTeam(id: $id) { size campaign { id } } }`,
      { id: team.id },
    );
    expect(trainerTeam).toEqual({ size: 40, campaign: { id: campaign } });
    // A team may start empty.
    expect(await createTeam(campaign, 'खाली टीम')).toMatchObject({ size: 0, trainers: [] });
  });

  it('reports each unknown, deleted or foreign trainer at its index, and other bad fields, writing nothing', async () => {
    const tree = await createPartyFixture(service.membership, 'B');
    const other = await createPartyFixture(service.membership, 'B2');
    const campaign = await createCampaign(tree.state);
    const [own, gone] = await createTrainers(tree, 2);
    const [stranger] = await createTrainers(other, 1, 'बाहरी');
    await service.membership.data(`mutation ($id: ID!) { deleteMember(id: $id) { id } }`, { id: gone });
    const before = await teamCount();

    const response = await service.request(CREATE, {
      input: { campaignId: campaign, name: ' ', trainerIds: [own, UNKNOWN, stranger, gone, 'nope'] },
    });
    expect(fieldsOf(response)).toEqual({
      name: 'must not be empty',
      'trainerIds.1': `no Member with id ${UNKNOWN}`,
      'trainerIds.2': 'belongs to another organisation than the campaign',
      'trainerIds.3': `no Member with id ${gone}`,
      'trainerIds.4': 'no Member with id nope',
    });
    expect(fieldsOf(await service.request(CREATE, { input: { campaignId: UNKNOWN, name: 'टीम', trainerIds: [own] } }))).toEqual({
      campaignId: `no TrainingCampaign with id ${UNKNOWN}`,
    });
    // 501 trainers: refused by the bulk-list bound before the resolver runs; with that bound raised, by the team's own rule.
    const tooMany = { input: { campaignId: campaign, name: 'टीम', trainerIds: Array(501).fill(own) } };
    expect(fieldsOf(await service.request(CREATE, tooMany))).toEqual({ 'input.trainerIds': 'at most 500 items in one request, got 501' });
    setServiceLimits({ maxBulkItems: 1000 });
    try {
      expect(fieldsOf(await service.request(CREATE, tooMany))).toEqual({ trainerIds: 'a team has at most 500 trainers' });
    } finally {
      setServiceLimits(DEFAULT_SERVICE_LIMITS);
    }
    const deletedCampaign = await createCampaign(tree.state);
    await service.data(`mutation ($id: ID!) { deleteTrainingCampaign(id: $id) { id } }`, { id: deletedCampaign });
    expect(fieldsOf(await service.request(CREATE, { input: { campaignId: deletedCampaign, name: 'टीम' } }))).toEqual({
      campaignId: expect.stringContaining('no TrainingCampaign'),
    });
    expect(await teamCount()).toBe(before);
  });

  it('filters by campaign, name and trainer, sorts and pages', async () => {
    const tree = await createPartyFixture(service.membership, 'C');
    const [campaign, other] = [await createCampaign(tree.state), await createCampaign(tree.state)];
    const [a, b, c] = await createTrainers(tree, 3);
    const team1 = await createTeam(campaign, 'Team Lucknow', [a, b]);
    const team2 = await createTeam(campaign, 'Team Kanpur', [b]);
    const team3 = await createTeam(other, 'Team Agra', [a, c]);
    const list = async (filter: Record<string, unknown>, sort?: unknown, page?: unknown) =>
      (
        await service.data<{ trainerTeams: { items: { id: string }[]; total: number; nextCursor: string | null } }>(
          `query ($f: TrainerTeamFilter, $s: [TrainerTeamSort!], $p: PageInput) { trainerTeams(filter: $f, sort: $s, page: $p) { items { id } total nextCursor } }`,
          { f: filter, s: sort, p: page },
        )
      ).trainerTeams;
    const ids = async (filter: Record<string, unknown>) => (await list(filter)).items.map((team) => team.id);
    expect(await ids({ campaignId: campaign })).toEqual([team2.id, team1.id]);
    expect(await ids({ trainerId: a })).toEqual([team3.id, team1.id]);
    expect(await ids({ trainerId: b, campaignId: campaign })).toEqual([team2.id, team1.id]);
    expect(await ids({ q: 'lucknow' })).toEqual([team1.id]);
    expect(await ids({ ids: [team3.id, team2.id] })).toEqual([team3.id, team2.id]);
    const first = await list({ campaignId: campaign }, [{ field: 'name', direction: 'DESC' }], { limit: 1 });
    expect(first).toMatchObject({ items: [{ id: team1.id }], total: 2 });
    expect((await list({ campaignId: campaign }, [{ field: 'name', direction: 'DESC' }], { after: first.nextCursor })).items).toEqual([
      { id: team2.id },
    ]);
    expect(fieldsOf(await service.request(`query { trainerTeams(filter: { trainerId: "x" }) { total } }`))).toEqual({
      'filter.trainerId': '"x" is not a valid id',
    });
  });

  it('replaces trainers on update with expectedVersion; adds and removes them; a stale version is a CONFLICT', async () => {
    const tree = await createPartyFixture(service.membership, 'D');
    const campaign = await createCampaign(tree.state);
    const [a, b, c, d] = await createTrainers(tree, 4);
    const team = await createTeam(campaign, 'टीम', [a, b]);

    const updated = (
      await service.data<{ updateTrainerTeam: Team }>(UPDATE, { id: team.id, input: { name: 'टीम 1', trainerIds: [c, b, c] }, v: 1 })
    ).updateTrainerTeam;
    expect(updated).toMatchObject({ name: 'टीम 1', trainerIds: [c, b], size: 2, version: 2 });

    const stale = await service.request(UPDATE, { id: team.id, input: { trainerIds: [a] }, v: 1 });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
    expect(fieldsOf(await service.request(UPDATE, { id: team.id, input: { name: '', trainerIds: [a, UNKNOWN] }, v: 2 }))).toEqual({
      name: 'must not be empty',
      'trainerIds.1': `no Member with id ${UNKNOWN}`,
    });
    const [row] = await service.dataSource.query('SELECT name, trainer_ids, version FROM trainer_team WHERE id = $1', [team.id]);
    expect(row).toEqual({ name: 'टीम 1', trainer_ids: [c, b], version: 2 });

    const added = await service.data<{ addTrainers: Team }>(
      `mutation ($id: ID!, $m: [ID!]!, $v: Int) { addTrainers(id: $id, memberIds: $m, expectedVersion: $v) { ${TEAM_FIELDS} } }`,
      {
        id: team.id,
        m: [b, d, a],
        v: 2,
      },
    );
    expect(added.addTrainers).toMatchObject({ trainerIds: [c, b, d, a], size: 4, version: 3 });
    expect(
      fieldsOf(
        await service.request(`mutation ($id: ID!, $m: [ID!]!) { addTrainers(id: $id, memberIds: $m) { id } }`, {
          id: team.id,
          m: [a, UNKNOWN],
        }),
      ),
    ).toEqual({ 'memberIds.1': `no Member with id ${UNKNOWN}` });
    const removed = await service.data<{ removeTrainers: Team }>(
      `mutation ($id: ID!, $m: [ID!]!) { removeTrainers(id: $id, memberIds: $m) { ${TEAM_FIELDS} } }`,
      { id: team.id, m: [b, UNKNOWN] },
    );
    expect(removed.removeTrainers).toMatchObject({ trainerIds: [c, d, a], size: 3, version: 4 });
    const staleRemove = await service.request(
      `mutation ($id: ID!, $m: [ID!]!) { removeTrainers(id: $id, memberIds: $m, expectedVersion: 3) { id } }`,
      {
        id: team.id,
        m: [a],
      },
    );
    expect(staleRemove.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('soft-deletes and restores; refuses to delete a team that still runs live camps', async () => {
    const tree = await createPartyFixture(service.membership, 'E');
    const campaign = await createCampaign(tree.state);
    const [one, two] = [await createTeam(campaign, 'टीम 1'), await createTeam(campaign, 'टीम 2')];
    const [phase] = await fixtureQuery(
      service.dataSource,
      `INSERT INTO campaign_phase (campaign_id, number, name, starts_on, ends_on, target_camps, target_trainees, camp_level)
       VALUES ($1, 1, 'चरण 1', '2021-09-15', '2021-09-30', 100, 30000, 'district') RETURNING id`,
      [campaign],
    );
    const [camp] = await fixtureQuery(
      service.dataSource,
      `INSERT INTO camp (organization_id, unit_id, unit_path, unit_level, campaign_id, phase_id, venue, starts_on, ends_on, capacity, trainer_team_id)
       VALUES ($1, $2, $3, 'district', $4, $5, 'लखनऊ', '2021-09-16', '2021-09-16', 300, $6) RETURNING id`,
      [tree.organizationId, tree.districts[0], [tree.state, tree.regions[0], tree.districts[0]], campaign, phase.id, one.id],
    );
    expect(
      fieldsOf(await service.request(`mutation ($ids: [ID!]!) { deleteTrainerTeams(ids: $ids) { id } }`, { ids: [two.id, one.id] })),
    ).toEqual({
      'ids.1': 'टीम 1 still runs 1 live camp(s); give them another team first',
    });
    expect(
      await service.dataSource.query('SELECT count(*)::int AS n FROM trainer_team WHERE campaign_id = $1 AND deleted_at IS NULL', [
        campaign,
      ]),
    ).toEqual([{ n: 2 }]);

    await fixtureQuery(service.dataSource, 'UPDATE camp SET trainer_team_id = NULL WHERE id = $1', [camp.id]);
    await service.data(`mutation ($id: ID!) { deleteTrainerTeam(id: $id) { id } }`, { id: one.id });
    expect(
      (await service.data<{ trainerTeam: null }>(`query ($id: ID!) { trainerTeam(id: $id) { id } }`, { id: one.id })).trainerTeam,
    ).toBeNull();
    expect(
      (
        await service.data<{ trainerTeams: { total: number } }>(`query ($c: ID!) { trainerTeams(filter: { campaignId: $c }) { total } }`, {
          c: campaign,
        })
      ).trainerTeams.total,
    ).toBe(1);
    const updateDeleted = await service.request(UPDATE, { id: one.id, input: { name: 'x' } });
    expect(updateDeleted.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const restored = await service.data<{ restoreTrainerTeam: { id: string; deletedAt: string | null } }>(
      `mutation ($id: ID!) { restoreTrainerTeam(id: $id) { id deletedAt } }`,
      { id: one.id },
    );
    expect(restored.restoreTrainerTeam).toEqual({ id: one.id, deletedAt: null });
  });

  it('resolves Campaign.trainerTeams with one query for a whole list of campaigns', async () => {
    const tree = await createPartyFixture(service.membership, 'F');
    for (const unit of [tree.state, tree.regions[0], tree.regions[1]]) {
      const campaign = await createCampaign(unit);
      for (let team = 7; team >= 1; team--) await createTeam(campaign, `मास्टर ट्रेनर टीम ${team}`);
    }
    service.queryLog.clear();
    const { trainingCampaigns } = await service.data<{
      trainingCampaigns: { items: { trainerTeams: { name: string; size: number }[] }[] };
    }>(`query ($o: ID!) { trainingCampaigns(filter: { organizationId: $o }) { items { trainerTeams { name size } } } }`, {
      o: tree.organizationId,
    });
    expect(trainingCampaigns.items).toHaveLength(3);
    for (const item of trainingCampaigns.items) {
      expect(item.trainerTeams.map((team) => team.name)).toEqual([1, 2, 3, 4, 5, 6, 7].map((team) => `मास्टर ट्रेनर टीम ${team}`));
    }
    expect(service.queryLog.selectsFrom('trainer_team')).toHaveLength(1);
  });
});
