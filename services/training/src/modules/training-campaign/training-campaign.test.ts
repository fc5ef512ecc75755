import { createPartyFixture } from '@sangathan/membership/test-support';
import { startTrainingTestService, type TrainingTestService } from '../../test-support';

let service: TrainingTestService;
beforeAll(async () => {
  service = await startTrainingTestService('campaign');
});
afterAll(() => service.stop());

const CASE_1 = { name: 'Prashikshan se Parakram', startsOn: '2021-08-01', endsOn: '2021-12-31', targetCamps: 700, targetTrainees: 200000 };
const campaignCount = async () => (await service.dataSource.query('SELECT count(*)::int AS n FROM training_campaign'))[0].n as number;

async function createCampaign(unitId: string, extra: Record<string, unknown> = {}) {
  return service.request<{ createTrainingCampaign: { id: string; version: number; status: string; organizationId: string } }>(
    `mutation ($input: TrainingCampaignInput!) { createTrainingCampaign(input: $input) { id version status organizationId } }`,
    { input: { unitId, ...CASE_1, ...extra } },
  );
}

describe('training campaigns', () => {
  it('creates a campaign owned by a unit, with the unit’s organisation and ancestry copied from membership', async () => {
    const tree = await createPartyFixture(service.membership, 'A');
    const { data } = await createCampaign(tree.state);
    expect(data?.createTrainingCampaign).toMatchObject({ status: 'DRAFT', version: 1, organizationId: tree.organizationId });
    const [row] = await service.dataSource.query('SELECT unit_path, unit_level FROM training_campaign WHERE id = $1', [
      data!.createTrainingCampaign.id,
    ]);
    expect(row).toEqual({ unit_path: [tree.state], unit_level: 'state' });
  });

  it('refuses an unknown unit, an empty name, an end before the start and negative targets; writes nothing', async () => {
    const tree = await createPartyFixture(service.membership, 'B');
    const before = await campaignCount();
    const bad = await createCampaign('00000000-0000-4000-8000-000000000000', {
      name: ' ',
      startsOn: '2021-12-31',
      endsOn: '2021-01-01',
      targetCamps: -1,
    });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: {
        unitId: expect.stringContaining('no OrgUnit'),
        name: 'must not be empty',
        endsOn: 'must not be before the start date',
        targetCamps: expect.any(String),
      },
    });
    const negative = await createCampaign(tree.state, { targetTrainees: -5 });
    expect(negative.errors?.[0].extensions?.fields).toEqual({ targetTrainees: 'must be a whole number, 0 or more' });
    expect(await campaignCount()).toBe(before);
  });

  it('updates with expectedVersion; a stale version is a CONFLICT that changes nothing', async () => {
    const tree = await createPartyFixture(service.membership, 'C');
    const { data } = await createCampaign(tree.state);
    const id = data!.createTrainingCampaign.id;
    await service.data(`mutation ($id: ID!) { updateTrainingCampaign(id: $id, input: { status: ACTIVE }, expectedVersion: 1) { id } }`, {
      id,
    });
    const stale = await service.request(
      `mutation ($id: ID!) { updateTrainingCampaign(id: $id, input: { status: CANCELLED }, expectedVersion: 1) { id } }`,
      { id },
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const { trainingCampaign } = await service.data<{ trainingCampaign: { status: string } }>(
      `query ($id: ID!) { trainingCampaign(id: $id) { status } }`,
      { id },
    );
    expect(trainingCampaign.status).toBe('ACTIVE');
  });

  it('filters within a subtree and follows a unit moved in membership', async () => {
    const tree = await createPartyFixture(service.membership, 'D');
    const { data } = await createCampaign(tree.districts[0], { name: 'जिला प्रशिक्षण' });
    const id = data!.createTrainingCampaign.id;
    const within = async (unit: string) =>
      (
        await service.data<{ trainingCampaigns: { items: { id: string }[] } }>(
          `query ($u: ID!) { trainingCampaigns(filter: { withinUnit: $u }) { items { id } } }`,
          { u: unit },
        )
      ).trainingCampaigns.items.map((campaign) => campaign.id);
    expect(await within(tree.regions[0])).toEqual([id]);
    await service.membership.data(`mutation ($id: ID!, $p: ID!) { updateOrgUnit(id: $id, input: { parentId: $p }) { id } }`, {
      id: tree.districts[0],
      p: tree.regions[1],
    });
    await service.followUnitChanges();
    expect(await within(tree.regions[0])).toEqual([]);
    expect(await within(tree.regions[1])).toEqual([id]);
  });

  it('clears the description with null, and refuses to delete a campaign that still has phases', async () => {
    const tree = await createPartyFixture(service.membership, 'F');
    const { data } = await createCampaign(tree.state, { description: 'चरणबद्ध प्रशिक्षण' });
    const id = data!.createTrainingCampaign.id;
    const cleared = await service.data<{ updateTrainingCampaign: { description: string | null } }>(
      `mutation ($id: ID!) { updateTrainingCampaign(id: $id, input: { description: null }) { description } }`,
      { id },
    );
    expect(cleared.updateTrainingCampaign.description).toBeNull();
    await service.data(`mutation ($input: CampaignPhaseInput!) { createCampaignPhase(input: $input) { id } }`, {
      input: {
        campaignId: id,
        number: 1,
        name: 'चरण 1',
        startsOn: '2021-08-20',
        endsOn: '2021-08-30',
        targetCamps: 75,
        targetTrainees: 25000,
        campLevel: 'district',
      },
    });
    const refused = await service.request(`mutation ($id: ID!) { deleteTrainingCampaign(id: $id) { id } }`, { id });
    expect(refused.errors?.[0].extensions?.fields).toEqual({ id: expect.stringContaining('1 phase(s)') });
  });

  it('resolves many TrainingCampaign references with one query', async () => {
    const tree = await createPartyFixture(service.membership, 'G');
    const ids: string[] = [];
    for (const name of ['पहला', 'दूसरा', 'तीसरा']) ids.push((await createCampaign(tree.state, { name })).data!.createTrainingCampaign.id);
    service.queryLog.clear();
    const { _entities } = await service.data<{ _entities: { id: string; name: string }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on TrainingCampaign { id name } } }`,
      { r: ids.map((id) => ({ __typename: 'TrainingCampaign', id })) },
    );
    expect(_entities.map((campaign) => campaign.name)).toEqual(['पहला', 'दूसरा', 'तीसरा']);
    expect(service.queryLog.selectsFrom('training_campaign')).toHaveLength(1);
  });

  it('soft-deletes and restores', async () => {
    const tree = await createPartyFixture(service.membership, 'E');
    const { data } = await createCampaign(tree.state);
    const id = data!.createTrainingCampaign.id;
    await service.data(`mutation ($id: ID!) { deleteTrainingCampaign(id: $id) { id } }`, { id });
    expect(
      (await service.data<{ trainingCampaign: unknown }>(`query ($id: ID!) { trainingCampaign(id: $id) { id } }`, { id })).trainingCampaign,
    ).toBeNull();
    await service.data(`mutation ($id: ID!) { restoreTrainingCampaign(id: $id) { id } }`, { id });
    expect(
      (await service.data<{ trainingCampaign: unknown }>(`query ($id: ID!) { trainingCampaign(id: $id) { id } }`, { id })).trainingCampaign,
    ).toEqual({ id });
  });
});
