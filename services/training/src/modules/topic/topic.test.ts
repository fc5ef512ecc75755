import { fixtureQuery } from '@sangathan/common';
import { createPartyFixture } from '@sangathan/membership/test-support';
import { startTrainingTestService, type TrainingTestService } from '../../test-support';

let service: TrainingTestService;
beforeAll(async () => {
  service = await startTrainingTestService('topic');
});
afterAll(() => service.stop());

type Tree = Awaited<ReturnType<typeof createPartyFixture>>;

const CREATE = `mutation ($input: TopicInput!) { createTopic(input: $input) { id title description minutes version } }`;
const UPDATE = `mutation ($id: ID!, $input: TopicUpdateInput!, $v: Int) {
  updateTopic(id: $id, input: $input, expectedVersion: $v) { id title description minutes version } }`;

/** Every camp of case 1 teaches these five. */
const CASE_1_TOPICS = [
  'Booth management',
  'Using social media well',
  'The party’s ideology',
  'The opposition’s record: workshop 1',
  'The opposition’s record: workshop 2',
];

const createCampaign = async (unitId: string) =>
  (
    await service.data<{ createTrainingCampaign: { id: string } }>(
      `mutation ($input: TrainingCampaignInput!) { createTrainingCampaign(input: $input) { id } }`,
      {
        input: {
          unitId,
          name: 'Prashikshan se Parakram',
          startsOn: '2021-08-01',
          endsOn: '2021-12-31',
          targetCamps: 700,
          targetTrainees: 200000,
        },
      },
    )
  ).createTrainingCampaign.id;

const createTopic = async (campaignId: string, title: string, extra: Record<string, unknown> = {}) =>
  (await service.data<{ createTopic: { id: string; version: number } }>(CREATE, { input: { campaignId, title, ...extra } })).createTopic;

const topicCount = async () => (await service.dataSource.query('SELECT count(*)::int AS n FROM topic'))[0].n as number;

const fieldsOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => {
  expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  return response.errors?.[0].extensions?.fields;
};

/** A live camp teaching the topics, written directly (camps have their own module). */
const insertCamp = async (tree: Tree, campaignId: string, topicIds: string[]) => {
  const [phase] = await fixtureQuery(
    service.dataSource,
    `INSERT INTO campaign_phase (campaign_id, number, name, starts_on, ends_on, target_camps, target_trainees, camp_level)
     VALUES ($1, 1, 'चरण 1', '2021-09-15', '2021-09-30', 100, 30000, 'district') RETURNING id`,
    [campaignId],
  );
  const [camp] = await fixtureQuery(
    service.dataSource,
    `INSERT INTO camp (organization_id, unit_id, unit_path, unit_level, campaign_id, phase_id, venue, starts_on, ends_on, capacity, topic_ids)
     VALUES ($1, $2, $3, 'district', $4, $5, 'लखनऊ', '2021-09-16', '2021-09-16', 300, $6) RETURNING id`,
    [tree.organizationId, tree.districts[0], [tree.state, tree.regions[0], tree.districts[0]], campaignId, phase.id, topicIds],
  );
  return camp.id as string;
};

describe('topics', () => {
  it('creates case 1’s five topics and lists them by campaign, search, sort and page', async () => {
    const tree = await createPartyFixture(service.membership, 'A');
    const campaign = await createCampaign(tree.state);
    const other = await createCampaign(tree.state);
    const ids: string[] = [];
    for (const [index, title] of CASE_1_TOPICS.entries()) ids.push((await createTopic(campaign, title, { minutes: index ? 60 : 120 })).id);
    const hindi = await createTopic(other, ' बूथ प्रबंधन ', { description: 'मुख्य विषय', minutes: 90 });

    const { topic } = await service.data<{ topic: Record<string, unknown> }>(
      `query ($id: ID!) { topic(id: $id) { title description minutes campaign { id } } }`,
      { id: hindi.id },
    );
    expect(topic).toEqual({ title: 'बूथ प्रबंधन', description: 'मुख्य विषय', minutes: 90, campaign: { id: other } });

    const list = async (filter: Record<string, unknown>, sort?: unknown, page?: unknown) =>
      (
        await service.data<{ topics: { items: { id: string; title: string }[]; total: number; nextCursor: string | null } }>(
          `query ($f: TopicFilter, $s: [TopicSort!], $p: PageInput) { topics(filter: $f, sort: $s, page: $p) { items { id title } total nextCursor } }`,
          { f: filter, s: sort, p: page },
        )
      ).topics;
    expect((await list({ campaignId: campaign })).total).toBe(5);
    expect((await list({ campaignId: campaign })).items.map((item) => item.title)).toEqual([...CASE_1_TOPICS].sort());
    expect((await list({ q: 'OPPOSITION', campaignId: campaign })).total).toBe(2);
    expect((await list({ q: 'मुख्य' })).items).toEqual([{ id: hindi.id, title: 'बूथ प्रबंधन' }]);
    expect((await list({ ids: [ids[0]] })).items.map((item) => item.id)).toEqual([ids[0]]);
    const byMinutes = await list({ campaignId: campaign }, [{ field: 'minutes', direction: 'DESC' }], { limit: 1 });
    expect(byMinutes.items[0].id).toBe(ids[0]);
    expect(
      (await list({ campaignId: campaign }, [{ field: 'minutes', direction: 'DESC' }], { limit: 10, after: byMinutes.nextCursor })).items,
    ).toHaveLength(4);

    // Campaign.topics: in the order they were added.
    const { trainingCampaign } = await service.data<{ trainingCampaign: { topics: { title: string }[] } }>(
      `query ($id: ID!) { trainingCampaign(id: $id) { topics { title } } }`,
      { id: campaign },
    );
    expect(trainingCampaign.topics.map((item) => item.title)).toEqual(CASE_1_TOPICS);
  });

  it('refuses an unknown or deleted campaign, an empty or taken title and minutes of 0 or less; writes nothing', async () => {
    const tree = await createPartyFixture(service.membership, 'B');
    const campaign = await createCampaign(tree.state);
    await createTopic(campaign, 'Booth management');
    const before = await topicCount();
    const attempt = (input: Record<string, unknown>) => service.request(CREATE, { input: { campaignId: campaign, ...input } });

    expect(fieldsOf(await attempt({ title: '  ', minutes: 0 }))).toEqual({
      title: 'must not be empty',
      minutes: 'must be a whole number of minutes, more than 0',
    });
    expect(fieldsOf(await attempt({ title: ' BOOTH MANAGEMENT ', minutes: -30 }))).toEqual({
      title: 'the campaign already has a topic “Booth management”',
      minutes: 'must be a whole number of minutes, more than 0',
    });
    expect(fieldsOf(await attempt({ title: 'x'.repeat(301) }))).toEqual({ title: 'must be at most 300 characters' });
    expect(fieldsOf(await attempt({ campaignId: '00000000-0000-4000-8000-000000000000', title: 'New' }))).toEqual({
      campaignId: 'no TrainingCampaign with id 00000000-0000-4000-8000-000000000000',
    });
    const gone = await createCampaign(tree.state);
    await service.data(`mutation ($id: ID!) { deleteTrainingCampaign(id: $id) { id } }`, { id: gone });
    expect(fieldsOf(await attempt({ campaignId: gone, title: 'New' }))).toEqual({
      campaignId: expect.stringContaining('no TrainingCampaign'),
    });
    expect(await topicCount()).toBe(before);

    // The same title is fine in another campaign, and with no minutes at all.
    const other = await createCampaign(tree.state);
    expect(
      (await service.request(CREATE, { input: { campaignId: other, title: 'Booth management', minutes: null } })).errors,
    ).toBeUndefined();
  });

  it('updates with expectedVersion; clears description and minutes; keeps titles unique', async () => {
    const tree = await createPartyFixture(service.membership, 'C');
    const campaign = await createCampaign(tree.state);
    await createTopic(campaign, 'Booth management');
    const topic = await createTopic(campaign, 'Social media', { description: 'Using it well', minutes: 45 });

    const renamed = await service.data<{ updateTopic: Record<string, unknown> }>(UPDATE, {
      id: topic.id,
      input: { title: 'SOCIAL MEDIA', description: '', minutes: null },
      v: 1,
    });
    expect(renamed.updateTopic).toMatchObject({ title: 'SOCIAL MEDIA', description: null, minutes: null, version: 2 });

    const stale = await service.request(UPDATE, { id: topic.id, input: { minutes: 30 }, v: 1 });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(fieldsOf(await service.request(UPDATE, { id: topic.id, input: { title: 'booth Management', minutes: 0 }, v: 2 }))).toEqual({
      title: 'the campaign already has a topic “Booth management”',
      minutes: 'must be a whole number of minutes, more than 0',
    });
    expect(fieldsOf(await service.request(UPDATE, { id: topic.id, input: { title: null } }))).toEqual({ title: 'must not be empty' });
    const [row] = await service.dataSource.query('SELECT title, description, minutes, version FROM topic WHERE id = $1', [topic.id]);
    expect(row).toEqual({ title: 'SOCIAL MEDIA', description: null, minutes: null, version: 2 });
  });

  it('soft-deletes and restores; refuses to delete a topic live camps teach and to restore onto a taken title', async () => {
    const tree = await createPartyFixture(service.membership, 'D');
    const campaign = await createCampaign(tree.state);
    const booth = await createTopic(campaign, 'Booth management');
    const ideology = await createTopic(campaign, 'Ideology');
    const camp = await insertCamp(tree, campaign, [booth.id]);

    expect(fieldsOf(await service.request(`mutation ($id: ID!) { deleteTopic(id: $id) { id } }`, { id: booth.id }))).toEqual({
      id: 'Booth management is still taught in 1 live camp(s); take it off them first',
    });
    const bulk = await service.request(`mutation ($ids: [ID!]!) { deleteTopics(ids: $ids) { id } }`, { ids: [ideology.id, booth.id] });
    expect(fieldsOf(bulk)).toEqual({ 'ids.1': expect.stringContaining('still taught') });
    expect(
      await service.dataSource.query('SELECT count(*)::int AS n FROM topic WHERE campaign_id = $1 AND deleted_at IS NULL', [campaign]),
    ).toEqual([{ n: 2 }]);

    await fixtureQuery(service.dataSource, 'UPDATE camp SET deleted_at = now() WHERE id = $1', [camp]);
    await service.data(`mutation ($ids: [ID!]!) { deleteTopics(ids: $ids) { id } }`, { ids: [ideology.id, booth.id] });
    expect((await service.data<{ topic: null }>(`query ($id: ID!) { topic(id: $id) { id } }`, { id: booth.id })).topic).toBeNull();

    // A deleted topic's title is free again; the old one then cannot come back.
    await createTopic(campaign, 'booth management');
    expect(fieldsOf(await service.request(`mutation ($id: ID!) { restoreTopic(id: $id) { id } }`, { id: booth.id }))).toEqual({
      title: 'the campaign already has a topic “booth management”',
    });
    const restored = await service.data<{ restoreTopic: { id: string; deletedAt: string | null; version: number } }>(
      `mutation ($id: ID!) { restoreTopic(id: $id) { id deletedAt } }`,
      { id: ideology.id },
    );
    expect(restored.restoreTopic).toEqual({ id: ideology.id, deletedAt: null });
  });

  it('resolves Campaign.topics with one query for a whole list of campaigns', async () => {
    const tree = await createPartyFixture(service.membership, 'E');
    for (const unit of [tree.state, tree.regions[0], tree.regions[1]]) {
      const campaign = await createCampaign(unit);
      for (const title of CASE_1_TOPICS) await createTopic(campaign, title);
    }
    service.queryLog.clear();
    const { trainingCampaigns } = await service.data<{ trainingCampaigns: { items: { topics: { title: string }[] }[] } }>(
      `query ($o: ID!) { trainingCampaigns(filter: { organizationId: $o }) { items { topics { title } } } }`,
      { o: tree.organizationId },
    );
    expect(trainingCampaigns.items.map((item) => item.topics.length)).toEqual([5, 5, 5]);
    expect(service.queryLog.selectsFrom('topic')).toHaveLength(1);
  });
});
