import { createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { startTestSystem, type TestSystem } from './support';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem('training_fed');
});
afterAll(() => system.stop());

type Id = { id: string };

/** Case 1 in miniature through the gateway: a campaign run by the state, phase 1 at district level. */
async function campaignWithCamp(suffix: string) {
  const tree = await createPartyFixture(system.membership, suffix);
  const trainers = [
    await createMember(system.membership, { organizationId: tree.organizationId, fullName: 'राम प्रकाश शर्मा', unitId: tree.state }),
    await createMember(system.membership, { organizationId: tree.organizationId, fullName: 'सुनीता देवी', unitId: tree.state }),
  ];
  const create = async <T>(mutation: string, input: Record<string, unknown>) => await system.data<Record<string, T>>(mutation, { input });
  const { createTrainingCampaign: campaign } = await create<Id>(
    `mutation ($input: TrainingCampaignInput!) { createTrainingCampaign(input: $input) { id } }`,
    {
      unitId: tree.state,
      name: 'Prashikshan se Parakram',
      startsOn: '2021-08-01',
      endsOn: '2021-12-31',
      targetCamps: 700,
      targetTrainees: 200000,
      status: 'ACTIVE',
    },
  );
  const { createCampaignPhase: phase } = await create<Id>(
    `mutation ($input: CampaignPhaseInput!) { createCampaignPhase(input: $input) { id } }`,
    {
      campaignId: campaign.id,
      number: 1,
      name: 'चरण 1',
      startsOn: '2021-08-20',
      endsOn: '2021-08-30',
      targetCamps: 75,
      targetTrainees: 25000,
      campLevel: 'district',
    },
  );
  const { createTopic: topic } = await create<Id>(`mutation ($input: TopicInput!) { createTopic(input: $input) { id } }`, {
    campaignId: campaign.id,
    title: 'बूथ प्रबंधन',
    minutes: 90,
  });
  const { createTrainerTeam: team } = await create<Id>(`mutation ($input: TrainerTeamInput!) { createTrainerTeam(input: $input) { id } }`, {
    campaignId: campaign.id,
    name: 'मास्टर ट्रेनर टीम 1',
    trainerIds: trainers,
  });
  const { createCamp: camp } = await create<Id>(`mutation ($input: CampInput!) { createCamp(input: $input) { id } }`, {
    phaseId: phase.id,
    unitId: tree.districts[0],
    venue: 'जिला कार्यालय',
    startsOn: '2021-08-21',
    endsOn: '2021-08-22',
    capacity: 300,
    trainerTeamId: team.id,
    topicIds: [topic.id],
  });
  return { tree, campaign, phase, camp, trainers };
}

describe('training through the gateway', () => {
  it('serves a camp with its unit’s name and district and its trainers’ names (from membership)', async () => {
    const { camp } = await campaignWithCamp('A');
    const { camp: found } = await system.data<{ camp: unknown }>(
      `query ($id: ID!) { camp(id: $id) { venue unit { name level ancestors { name level } } trainerTeam { name size trainers { fullName } } } }`,
      { id: camp.id },
    );
    expect(found).toEqual({
      venue: 'जिला कार्यालय',
      unit: {
        name: 'जिला 11',
        level: 'district',
        ancestors: [
          { name: 'उत्तर प्रदेश', level: 'state' },
          { name: 'क्षेत्र 1', level: 'region' },
        ],
      },
      trainerTeam: { name: 'मास्टर ट्रेनर टीम 1', size: 2, trainers: [{ fullName: 'राम प्रकाश शर्मा' }, { fullName: 'सुनीता देवी' }] },
    });
  });

  it('serves a member’s positions, social roles and enrolments in one query', async () => {
    const { tree, camp } = await campaignWithCamp('B');
    const member = await createMember(system.membership, {
      organizationId: tree.organizationId,
      fullName: 'संजय राय',
      unitId: tree.districts[0],
    });
    await system.data(`mutation ($input: PositionInput!) { createPosition(input: $input) { id } }`, {
      input: { memberId: member, unitId: tree.districts[0], title: 'GENERAL_SECRETARY', startsOn: '2020-01-01' },
    });
    const { createSocialTeam: team } = await system.data<{ createSocialTeam: Id }>(
      `mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }`,
      {
        input: { unitId: tree.districts[0], name: 'जिला आईटी टीम' },
      },
    );
    await system.data(`mutation ($input: TeamMemberInput!) { createTeamMember(input: $input) { id } }`, {
      input: { teamId: team.id, memberId: member, role: 'CONVENOR' },
    });
    await system.data(`mutation ($camp: ID!, $members: [ID!]!) { enrollMembers(campId: $camp, memberIds: $members) { id } }`, {
      camp: camp.id,
      members: [member],
    });

    const { member: found } = await system.data<{ member: unknown }>(
      `query ($id: ID!) { member(id: $id) { fullName positions { title } socialRoles { role team { name } } enrollments { status camp { venue unit { name } } } } }`,
      { id: member },
    );
    expect(found).toEqual({
      fullName: 'संजय राय',
      positions: [{ title: 'GENERAL_SECRETARY' }],
      socialRoles: [{ role: 'CONVENOR', team: { name: 'जिला आईटी टीम' } }],
      enrollments: [{ status: 'REGISTERED', camp: { venue: 'जिला कार्यालय', unit: { name: 'जिला 11' } } }],
    });
  });
});
