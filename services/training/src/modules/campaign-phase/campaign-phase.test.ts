import { fixtureQuery } from '@sangathan/common';
import { createPartyFixture } from '@sangathan/membership/test-support';
import { startTrainingTestService, type TrainingTestService } from '../../test-support';

let service: TrainingTestService;
beforeAll(async () => {
  service = await startTrainingTestService('phase');
});
afterAll(() => service.stop());

type Tree = Awaited<ReturnType<typeof createPartyFixture>>;
type Phase = { id: string; number: number; name: string; version: number };

const CREATE = `mutation ($input: CampaignPhaseInput!) { createCampaignPhase(input: $input) { id number name version } }`;
const UPDATE = `mutation ($id: ID!, $input: CampaignPhaseUpdateInput!, $v: Int) {
  updateCampaignPhase(id: $id, input: $input, expectedVersion: $v) { id number name startsOn endsOn campLevel version } }`;

/** Case 1: "Prashikshan se Parakram", run by the state. */
const createCampaign = async (unitId: string, extra: Record<string, unknown> = {}) =>
  (
    await service.data<{ createTrainingCampaign: { id: string } }>(
      `mutation ($input: TrainingCampaignInput!) { createTrainingCampaign(input: $input) { id } }`,
      {
        input: {
          unitId,
          name: 'प्रशिक्षण से पराक्रम',
          startsOn: '2021-08-01',
          endsOn: '2021-12-31',
          targetCamps: 700,
          targetTrainees: 200000,
          ...extra,
        },
      },
    )
  ).createTrainingCampaign.id;

const phaseInput = (campaignId: string, extra: Record<string, unknown> = {}) => ({
  campaignId,
  number: 2,
  name: 'द्वितीय चरण',
  startsOn: '2021-09-15',
  endsOn: '2021-09-30',
  targetCamps: 100,
  targetTrainees: 30000,
  campLevel: 'vidhan_sabha',
  ...extra,
});

const createPhase = async (campaignId: string, extra: Record<string, unknown> = {}) =>
  (await service.data<{ createCampaignPhase: Phase }>(CREATE, { input: phaseInput(campaignId, extra) })).createCampaignPhase;

const phaseCount = async (campaignId?: string) =>
  (
    await service.dataSource.query(
      `SELECT count(*)::int AS n FROM campaign_phase ${campaignId ? 'WHERE campaign_id = $1' : ''}`,
      campaignId ? [campaignId] : [],
    )
  )[0].n as number;

/** A live camp of the phase, written directly (camps have their own module). */
const insertCamp = async (tree: Tree, campaignId: string, phaseId: string, unitLevel = 'district', startsOn = '2021-09-16') =>
  (
    await fixtureQuery(
      service.dataSource,
      `INSERT INTO camp (organization_id, unit_id, unit_path, unit_level, campaign_id, phase_id, venue, starts_on, ends_on, capacity)
       VALUES ($1, $2, $3, $4, $5, $6, 'लखनऊ', $7, $7, 300) RETURNING id`,
      [tree.organizationId, tree.districts[0], [tree.state, tree.regions[0], tree.districts[0]], unitLevel, campaignId, phaseId, startsOn],
    )
  )[0].id as string;

const fieldsOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => {
  expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  return response.errors?.[0].extensions?.fields;
};

describe('campaign phases', () => {
  it('creates case 1’s phases, reads them back with their campaign, and lists them by filter, sort and page', async () => {
    const tree = await createPartyFixture(service.membership, 'A');
    const campaign = await createCampaign(tree.state);
    const second = await createPhase(campaign);
    const first = await createPhase(campaign, {
      number: 1,
      name: 'प्रथम चरण',
      startsOn: '2021-08-20',
      endsOn: '2021-08-30',
      targetCamps: 75,
      targetTrainees: 25000,
      campLevel: 'district',
    });
    expect(second).toMatchObject({ number: 2, name: 'द्वितीय चरण', version: 1 });

    const { campaignPhase } = await service.data<{ campaignPhase: Record<string, unknown> }>(
      `query ($id: ID!) { campaignPhase(id: $id) { number startsOn endsOn targetCamps targetTrainees campLevel campaign { id targetCamps } } }`,
      { id: second.id },
    );
    expect(campaignPhase).toEqual({
      number: 2,
      startsOn: '2021-09-15',
      endsOn: '2021-09-30',
      targetCamps: 100,
      targetTrainees: 30000,
      campLevel: 'vidhan_sabha',
      campaign: { id: campaign, targetCamps: 700 },
    });

    const list = async (filter: Record<string, unknown>, sort?: unknown, page?: unknown) =>
      (
        await service.data<{ campaignPhases: { items: { id: string }[]; total: number; nextCursor: string | null } }>(
          `query ($f: CampaignPhaseFilter, $s: [CampaignPhaseSort!], $p: PageInput) {
            campaignPhases(filter: $f, sort: $s, page: $p) { items { id } total nextCursor } }`,
          { f: filter, s: sort, p: page },
        )
      ).campaignPhases;
    expect((await list({ campaignId: campaign })).items.map((phase) => phase.id)).toEqual([first.id, second.id]);
    expect((await list({ campaignId: campaign }, [{ field: 'number', direction: 'DESC' }])).items.map((phase) => phase.id)).toEqual([
      second.id,
      first.id,
    ]);
    expect((await list({ campaignId: campaign, q: 'प्रथम' })).items).toEqual([{ id: first.id }]);
    expect((await list({ ids: [second.id] })).items).toEqual([{ id: second.id }]);
    const page1 = await list({ campaignId: campaign }, undefined, { limit: 1 });
    expect(page1).toMatchObject({ items: [{ id: first.id }], total: 2 });
    expect((await list({ campaignId: campaign }, undefined, { limit: 1, after: page1.nextCursor })).items).toEqual([{ id: second.id }]);
    const bad = await service.request(`query { campaignPhases(filter: { campaignId: "nope" }) { total } }`);
    expect(fieldsOf(bad)).toEqual({ 'filter.campaignId': expect.stringContaining('not a valid id') });
  });

  it('refuses every bad field at once and writes nothing', async () => {
    const tree = await createPartyFixture(service.membership, 'B');
    const campaign = await createCampaign(tree.state);
    await createPhase(campaign, { number: 1 });
    const before = await phaseCount();
    const attempt = (extra: Record<string, unknown>) => service.request(CREATE, { input: phaseInput(campaign, extra) });

    expect(
      fieldsOf(
        await attempt({
          number: 0,
          name: '  ',
          startsOn: '2021-07-01',
          endsOn: '2022-01-15',
          targetCamps: -1,
          targetTrainees: -5,
          campLevel: 'ward',
        }),
      ),
    ).toEqual({
      number: 'must be a whole number, 1 or more',
      name: 'must not be empty',
      startsOn: 'must not be before the campaign starts (2021-08-01)',
      endsOn: 'must not be after the campaign ends (2021-12-31)',
      targetCamps: 'must be a whole number, 0 or more',
      targetTrainees: 'must be a whole number, 0 or more',
      campLevel: 'must be one of state, region, district, vidhan_sabha, mandal, booth',
    });
    expect(fieldsOf(await attempt({ number: 1 }))).toEqual({ number: 'the campaign already has a phase 1: द्वितीय चरण' });
    expect(fieldsOf(await attempt({ startsOn: '2021-09-30', endsOn: '2021-09-15' }))).toEqual({
      endsOn: 'must not be before the start date',
    });
    expect(fieldsOf(await attempt({ campLevel: '' }))).toEqual({ campLevel: 'must not be empty' });
    expect(fieldsOf(await attempt({ campaignId: '00000000-0000-4000-8000-000000000000' }))).toEqual({
      campaignId: 'no TrainingCampaign with id 00000000-0000-4000-8000-000000000000',
    });
    expect(fieldsOf(await attempt({ campaignId: 'not-an-id' }))).toEqual({ campaignId: 'no TrainingCampaign with id not-an-id' });

    // Camps cannot be held above the unit that runs the campaign.
    const districtCampaign = await createCampaign(tree.districts[0]);
    expect(fieldsOf(await service.request(CREATE, { input: phaseInput(districtCampaign, { campLevel: 'region' }) }))).toEqual({
      campLevel: 'must not be above the campaign’s own level (district)',
    });

    // A deleted campaign takes no new phases.
    await service.data(`mutation ($id: ID!) { deleteTrainingCampaign(id: $id) { id } }`, { id: districtCampaign });
    expect(fieldsOf(await service.request(CREATE, { input: phaseInput(districtCampaign, { campLevel: 'mandal' }) }))).toEqual({
      campaignId: expect.stringContaining('no TrainingCampaign'),
    });
    expect(await phaseCount()).toBe(before);
  });

  it('updates with expectedVersion: a stale version is a CONFLICT and bad fields change nothing', async () => {
    const tree = await createPartyFixture(service.membership, 'C');
    const campaign = await createCampaign(tree.state);
    await createPhase(campaign, { number: 1, startsOn: '2021-08-20', endsOn: '2021-08-30', campLevel: 'district' });
    const phase = await createPhase(campaign);

    const updated = await service.data<{ updateCampaignPhase: Record<string, unknown> }>(UPDATE, {
      id: phase.id,
      input: { name: 'चरण 2', endsOn: '2021-10-05', campLevel: 'mandal' },
      v: 1,
    });
    expect(updated.updateCampaignPhase).toMatchObject({
      name: 'चरण 2',
      startsOn: '2021-09-15',
      endsOn: '2021-10-05',
      campLevel: 'mandal',
      version: 2,
    });

    const stale = await service.request(UPDATE, { id: phase.id, input: { name: 'बासी' }, v: 1 });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
    expect(fieldsOf(await service.request(UPDATE, { id: phase.id, input: { number: 1, startsOn: '2021-10-06', name: '' }, v: 2 }))).toEqual(
      {
        number: 'the campaign already has a phase 1: द्वितीय चरण',
        endsOn: 'must not be before the start date',
        name: 'must not be empty',
      },
    );
    expect(fieldsOf(await service.request(UPDATE, { id: phase.id, input: { endsOn: '2022-02-01', campLevel: 'ward' } }))).toEqual({
      endsOn: 'must not be after the campaign ends (2021-12-31)',
      campLevel: expect.stringContaining('must be one of'),
    });
    const [row] = await service.dataSource.query(
      'SELECT name, number, ends_on::text, camp_level, version FROM campaign_phase WHERE id = $1',
      [phase.id],
    );
    expect(row).toEqual({ name: 'चरण 2', number: 2, ends_on: '2021-10-05', camp_level: 'mandal', version: 2 });

    const missing = await service.request(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'x' } });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Renumbering to a free number is fine.
    expect(
      (await service.data<{ updateCampaignPhase: { number: number } }>(UPDATE, { id: phase.id, input: { number: 3 } })).updateCampaignPhase,
    ).toMatchObject({
      number: 3,
    });
  });

  it('keeps live camps inside the phase’s dates and at its level', async () => {
    const tree = await createPartyFixture(service.membership, 'D');
    const campaign = await createCampaign(tree.state);
    const phase = await createPhase(campaign, { campLevel: 'district' });
    await insertCamp(tree, campaign, phase.id, 'district', '2021-09-16');
    expect(fieldsOf(await service.request(UPDATE, { id: phase.id, input: { startsOn: '2021-09-20' } }))).toEqual({
      startsOn: '1 camp(s) would fall outside the phase’s dates',
    });
    expect(fieldsOf(await service.request(UPDATE, { id: phase.id, input: { campLevel: 'vidhan_sabha' } }))).toEqual({
      campLevel: '1 live camp(s) of this phase are held at district',
    });
    expect(
      (await service.data<{ updateCampaignPhase: { version: number } }>(UPDATE, { id: phase.id, input: { startsOn: '2021-09-16' } }))
        .updateCampaignPhase.version,
    ).toBe(2);
  });

  it('soft-deletes and restores; refuses to delete a phase with live camps and to restore onto a taken number', async () => {
    const tree = await createPartyFixture(service.membership, 'E');
    const campaign = await createCampaign(tree.state);
    const one = await createPhase(campaign, { number: 1, campLevel: 'district' });
    const two = await createPhase(campaign, { number: 2 });
    const three = await createPhase(campaign, { number: 3 });
    const camp = await insertCamp(tree, campaign, one.id);

    const blocked = await service.request(`mutation ($id: ID!) { deleteCampaignPhase(id: $id) { id } }`, { id: one.id });
    expect(fieldsOf(blocked)).toEqual({ id: 'द्वितीय चरण still has 1 live camp(s); delete or move them first' });
    // All or none: the blocked phase is reported at its index and the others stay too.
    const bulk = await service.request(`mutation ($ids: [ID!]!) { deleteCampaignPhases(ids: $ids) { id } }`, {
      ids: [two.id, three.id, one.id],
    });
    expect(fieldsOf(bulk)).toEqual({ 'ids.2': expect.stringContaining('still has 1 live camp') });
    expect(
      await service.dataSource.query('SELECT count(*)::int AS n FROM campaign_phase WHERE campaign_id = $1 AND deleted_at IS NULL', [
        campaign,
      ]),
    ).toEqual([{ n: 3 }]);
    // Once the camp is gone the phase may go.
    await fixtureQuery(service.dataSource, 'UPDATE camp SET deleted_at = now() WHERE id = $1', [camp]);
    const deleted = await service.data<{ deleteCampaignPhases: { id: string; deletedAt: string | null }[] }>(
      `mutation ($ids: [ID!]!) { deleteCampaignPhases(ids: $ids) { id deletedAt } }`,
      { ids: [one.id, two.id] },
    );
    expect(deleted.deleteCampaignPhases.every((phase) => phase.deletedAt)).toBe(true);
    const { campaignPhase } = await service.data<{ campaignPhase: null }>(`query ($id: ID!) { campaignPhase(id: $id) { id } }`, {
      id: two.id,
    });
    expect(campaignPhase).toBeNull();
    const { trainingCampaign } = await service.data<{ trainingCampaign: { phases: { number: number }[] } }>(
      `query ($id: ID!) { trainingCampaign(id: $id) { phases { number } } }`,
      { id: campaign },
    );
    expect(trainingCampaign.phases).toEqual([{ number: 3 }]);

    // Number 2 is taken again while the old phase 2 is deleted: it cannot come back.
    await createPhase(campaign, { number: 2, name: 'नया द्वितीय चरण' });
    const restoreTaken = await service.request(`mutation ($id: ID!) { restoreCampaignPhase(id: $id) { id } }`, { id: two.id });
    expect(fieldsOf(restoreTaken)).toEqual({ number: 'the campaign already has a phase 2: नया द्वितीय चरण' });
    const restored = await service.data<{ restoreCampaignPhase: { id: string; deletedAt: string | null } }>(
      `mutation ($id: ID!) { restoreCampaignPhase(id: $id) { id deletedAt } }`,
      { id: one.id },
    );
    expect(restored.restoreCampaignPhase).toEqual({ id: one.id, deletedAt: null });
    const unknown = await service.request(`mutation { deleteCampaignPhase(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('resolves Campaign.phases in number order with one query for a whole list of campaigns', async () => {
    const tree = await createPartyFixture(service.membership, 'F');
    const campaigns = [await createCampaign(tree.state), await createCampaign(tree.regions[0]), await createCampaign(tree.regions[1])];
    for (const campaign of campaigns) {
      await createPhase(campaign, { number: 2, campLevel: 'mandal' });
      await createPhase(campaign, { number: 1, startsOn: '2021-08-20', endsOn: '2021-08-30', campLevel: 'district' });
    }
    await createCampaign(tree.districts[0]); // no phases
    service.queryLog.clear();
    const { trainingCampaigns } = await service.data<{ trainingCampaigns: { items: { id: string; phases: { number: number }[] }[] } }>(
      `query ($o: ID!) { trainingCampaigns(filter: { organizationId: $o }, page: { limit: 10 }) { items { id phases { number campLevel } } } }`,
      { o: tree.organizationId },
    );
    expect(trainingCampaigns.items).toHaveLength(4);
    for (const item of trainingCampaigns.items) {
      expect(item.phases.map((phase) => phase.number)).toEqual(campaigns.includes(item.id) ? [1, 2] : []);
    }
    expect(service.queryLog.selectsFrom('campaign_phase')).toHaveLength(1);
  });

  it('asks membership for the organisation’s levels once per request', async () => {
    const tree = await createPartyFixture(service.membership, 'G');
    const campaign = await createCampaign(tree.state);
    service.membership.queryLog.clear();
    await createPhase(campaign, { number: 1, campLevel: 'district' });
    expect(service.membership.queryLog.selectsFrom('organization')).toHaveLength(1);
    expect(await phaseCount(campaign)).toBe(1);
  });
});
