import { buildModuleSchema } from '@sangathan/common';
import { accountToken, createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { getNamedType, isObjectType } from 'graphql';
import { TRAINING_SERVICE } from './definition';
import { startTrainingTestService, type TrainingTestService } from './test-support';

// Who sees what in training (issue 11): an editor scoped to one district never reaches another
// district's records, through lists, totals, reads by id, federation references, roll-ups or any write,
// and refused writes change nothing. A state-level campaign stays invisible to the district; its camps in
// the district are the district's (see README, "Who sees what").

let service: TrainingTestService;
afterAll(() => service?.stop());

type Ids = { id: string };
type GqlError = { message: string; extensions?: { code?: string; fields?: Record<string, string> } };

/** One district's records, created by the superadmin. */
interface DistrictRecords {
  district: string;
  mandal: string;
  trainer: string;
  trainee: string;
  trainee2: string;
  campaign: string;
  phase: string;
  topic: string;
  team: string;
  camp: string;
  /** The trainee's COMPLETED enrolment in the camp. */
  enrollment: string;
}

let tree: Awaited<ReturnType<typeof createPartyFixture>>;
let own: DistrictRecords;
let other: DistrictRecords;
/** A campaign run by the state, with camps in both districts. */
let state: {
  campaign: string;
  phase: string;
  topic: string;
  team: string;
  trainer: string;
  ownCamp: string;
  otherCamp: string;
  ownEnrollment: string;
};
/** The other district's trainee2 at the own district's camp, and the own district's trainee2 at the other's. */
let visitorEnrollment: string;
let crossEnrollment: string;
/** Deleted records of the other district (for restore). */
let deletedOtherEnrollment: string;
let deletedOtherCamp: string;
/** A second mandal in the own district, for moving a camp within it. */
let ownMandal2: string;
let editor: string;
let viewer: string;

const CAMPAIGN = { startsOn: '2021-08-01', endsOn: '2021-12-31', targetCamps: 10, targetTrainees: 500, status: 'ACTIVE' };
const PHASE = {
  number: 1,
  name: 'चरण 1',
  startsOn: '2021-09-01',
  endsOn: '2021-09-30',
  targetCamps: 5,
  targetTrainees: 200,
  campLevel: 'mandal',
};
const CAMP = { venue: 'मंडल कार्यालय', startsOn: '2021-09-10', endsOn: '2021-09-11', capacity: 50 };

/** As the superadmin (the test service's default token). */
async function admin<T = Record<string, Ids>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  return service.data<T>(query, variables);
}

const create = async (type: string, input: Record<string, unknown>): Promise<string> =>
  (await admin(`mutation ($input: ${type}Input!) { r: create${type}(input: $input) { id } }`, { input })).r.id;

async function districtRecords(index: number, suffix: string): Promise<DistrictRecords> {
  const district = tree.districts[index];
  const mandal = tree.mandals[index];
  const member = (name: string) =>
    createMember(service.membership, { organizationId: tree.organizationId, fullName: name, unitId: mandal });
  const [trainer, trainee, trainee2] = await Promise.all([
    member(`प्रशिक्षक ${suffix}`),
    member(`कार्यकर्ता ${suffix}`),
    member(`सदस्य ${suffix}`),
  ]);
  const campaign = await create('TrainingCampaign', { ...CAMPAIGN, unitId: district, name: `जिला अभियान ${suffix}` });
  const [phase, topic, team] = await Promise.all([
    create('CampaignPhase', { ...PHASE, campaignId: campaign }),
    create('Topic', { campaignId: campaign, title: `बूथ प्रबंधन ${suffix}`, minutes: 60 }),
    create('TrainerTeam', { campaignId: campaign, name: `दल ${suffix}`, trainerIds: [trainer] }),
  ]);
  const camp = await create('Camp', { ...CAMP, phaseId: phase, unitId: mandal, trainerTeamId: team, topicIds: [topic] });
  const enrollment = await create('Enrollment', { campId: camp, memberId: trainee, status: 'COMPLETED', completedOn: '2021-09-11' });
  return { district, mandal, trainer, trainee, trainee2, campaign, phase, topic, team, camp, enrollment };
}

beforeAll(async () => {
  service = await startTrainingTestService('scope');
  tree = await createPartyFixture(service.membership, 'SC');
  [own, other] = await Promise.all([districtRecords(0, 'क'), districtRecords(1, 'ख')]);
  const stateTrainer = await createMember(service.membership, {
    organizationId: tree.organizationId,
    fullName: 'राज्य प्रशिक्षक',
    unitId: tree.state,
  });
  const campaign = await create('TrainingCampaign', { ...CAMPAIGN, unitId: tree.state, name: 'राज्य अभियान' });
  const [phase, topic, team] = await Promise.all([
    create('CampaignPhase', { ...PHASE, campaignId: campaign }),
    create('Topic', { campaignId: campaign, title: 'पार्टी की विचारधारा', minutes: 90 }),
    create('TrainerTeam', { campaignId: campaign, name: 'राज्य दल', trainerIds: [stateTrainer] }),
  ]);
  // The own district's state camp has no team yet: the district may not give it the state's.
  const [ownCamp, otherCamp] = await Promise.all([
    create('Camp', { ...CAMP, phaseId: phase, unitId: own.mandal, topicIds: [topic] }),
    create('Camp', { ...CAMP, phaseId: phase, unitId: other.mandal, trainerTeamId: team, topicIds: [topic] }),
  ]);
  state = { campaign, phase, topic, team, trainer: stateTrainer, ownCamp, otherCamp, ownEnrollment: '' };
  [state.ownEnrollment, visitorEnrollment, crossEnrollment, deletedOtherEnrollment] = await Promise.all([
    create('Enrollment', { campId: ownCamp, memberId: own.trainee }),
    create('Enrollment', { campId: own.camp, memberId: other.trainee2 }),
    create('Enrollment', { campId: other.camp, memberId: own.trainee2, status: 'COMPLETED', completedOn: '2021-09-11' }),
    create('Enrollment', { campId: otherCamp, memberId: other.trainee2 }),
    create('Enrollment', { campId: otherCamp, memberId: other.trainee }),
  ]);
  deletedOtherCamp = await create('Camp', { ...CAMP, phaseId: other.phase, unitId: other.mandal, venue: 'हटाया गया' });
  await admin(`mutation ($e: ID!, $c: ID!) { deleteEnrollment(id: $e) { id } deleteCamp(id: $c) { id } }`, {
    e: deletedOtherEnrollment,
    c: deletedOtherCamp,
  });
  const { createOrgUnit } = await service.membership.data<{ createOrgUnit: Ids }>(
    `mutation ($input: OrgUnitInput!) { createOrgUnit(input: $input) { id } }`,
    { input: { organizationId: tree.organizationId, level: 'mandal', name: 'मंडल 12', code: 'R1-D1-M2', parentId: own.district } },
  );
  ownMandal2 = createOrgUnit.id;
  [editor, viewer] = (
    await Promise.all([accountToken(service.membership, 'EDITOR', own.district), accountToken(service.membership, 'VIEWER', own.district)])
  ).map((account) => account.token);
});

/** As the district editor. */
const asEditor = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  service.request<T>(query, variables, { token: editor });

async function editorData<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await asEditor<T>(query, variables);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

/** The error of a refused request: its code, and the fields it names. */
async function refusal(query: string, variables: Record<string, unknown>, token = editor) {
  const result = await service.request(query, variables, { token });
  const error = (result.errors as GqlError[] | undefined)?.[0];
  if (!error) throw new Error(`expected an error from ${query}, got ${JSON.stringify(result.data)}`);
  return { code: error.extensions?.code, fields: error.extensions?.fields };
}

const ids = (page: { items: Ids[] }) => page.items.map((item) => item.id).sort();
const sorted = (...values: string[]) => [...values].sort();

/** Every training table, hashed row by row: equal before and after means nothing was written. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = ['training_campaign', 'campaign_phase', 'topic', 'trainer_team', 'camp', 'enrollment'];
  const hashes: Record<string, string> = {};
  for (const table of tables) {
    const [{ hash }] = await service.dataSource.query(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) AS hash FROM ${table} t`,
    );
    hashes[table] = hash;
  }
  return hashes;
}

const LISTS = `{
  trainingCampaigns { total items { id } }
  campaignPhases { total items { id } }
  topics { total items { id } }
  trainerTeams { total items { id } }
  camps { total items { id } }
  enrollments { total items { id } }
}`;
type Lists = Record<
  'trainingCampaigns' | 'campaignPhases' | 'topics' | 'trainerTeams' | 'camps' | 'enrollments',
  { total: number; items: Ids[] }
>;

describe('a district editor', () => {
  it('lists and counts only the district’s records', async () => {
    const lists = await editorData<Lists>(LISTS);
    expect(ids(lists.trainingCampaigns)).toEqual([own.campaign]);
    expect(ids(lists.campaignPhases)).toEqual([own.phase]);
    expect(ids(lists.topics)).toEqual([own.topic]);
    expect(ids(lists.trainerTeams)).toEqual([own.team]);
    expect(ids(lists.camps)).toEqual(sorted(own.camp, state.ownCamp));
    expect(ids(lists.enrollments)).toEqual(sorted(own.enrollment, state.ownEnrollment, visitorEnrollment));
    for (const page of Object.values(lists)) expect(page.total).toBe(page.items.length);

    // Filters naming the other district, its records or its members find nothing; the state finds the district's part.
    const filtered = await editorData<Record<string, { total: number; items: Ids[] }>>(
      `query ($other: ID!, $state: ID!, $campaign: ID!, $team: ID!, $trainee: ID!, $trainer: ID!) {
        within: camps(filter: { withinUnit: $other }) { total items { id } }
        ofCampaign: camps(filter: { campaignId: $campaign }) { total items { id } }
        ofTeam: camps(filter: { trainerTeamId: $team }) { total items { id } }
        inState: camps(filter: { withinUnit: $state }) { total items { id } }
        phases: campaignPhases(filter: { campaignId: $campaign }) { total items { id } }
        teams: trainerTeams(filter: { trainerId: $trainer }) { total items { id } }
        ofMember: enrollments(filter: { memberId: $trainee }) { total items { id } }
        enrolledWithin: enrollments(filter: { withinUnit: $other }) { total items { id } }
        campaignsWithin: trainingCampaigns(filter: { withinUnit: $state }) { total items { id } }
      }`,
      {
        other: other.district,
        state: tree.state,
        campaign: other.campaign,
        team: other.team,
        trainee: other.trainee,
        trainer: other.trainer,
      },
    );
    expect(filtered.inState.total).toBe(2);
    expect(ids(filtered.inState)).toEqual(sorted(own.camp, state.ownCamp));
    expect(ids(filtered.campaignsWithin)).toEqual([own.campaign]);
    for (const key of ['within', 'ofCampaign', 'ofTeam', 'phases', 'teams', 'ofMember', 'enrolledWithin']) {
      expect({ [key]: filtered[key] }).toEqual({ [key]: { total: 0, items: [] } });
    }

    // The superadmin, for comparison, sees both districts and the state.
    const all = await admin<Lists>(LISTS);
    expect(all.trainingCampaigns.total).toBe(3);
    expect(all.camps.total).toBe(4);
    expect(all.enrollments.total).toBe(6);
  });

  it('reads the other district’s records by id as null, its own as records', async () => {
    const read = (records: Record<string, string>) =>
      editorData<Record<string, Ids | null>>(
        `query ($campaign: ID!, $phase: ID!, $topic: ID!, $team: ID!, $camp: ID!, $enrollment: ID!) {
          trainingCampaign(id: $campaign) { id } campaignPhase(id: $phase) { id } topic(id: $topic) { id }
          trainerTeam(id: $team) { id } camp(id: $camp) { id } enrollment(id: $enrollment) { id } }`,
        records,
      );
    const pick = ({ campaign, phase, topic, team, camp, enrollment }: DistrictRecords) => ({
      campaign,
      phase,
      topic,
      team,
      camp,
      enrollment,
    });
    expect(Object.values(await read(pick(other)))).toEqual([null, null, null, null, null, null]);
    expect(Object.values(await read(pick(own))).map((record) => record?.id)).toEqual(Object.values(pick(own)));
    // A visitor from the other district in the district's camp: the enrolment is the district's, the member is not.
    const visitor = `query ($id: ID!) { enrollment(id: $id) { memberId member { id } } }`;
    expect(await editorData(visitor, { id: visitorEnrollment })).toEqual({ enrollment: { memberId: other.trainee2, member: null } });
    expect(await admin(visitor, { id: visitorEnrollment })).toEqual({
      enrollment: { memberId: other.trainee2, member: { id: other.trainee2 } },
    });
    expect(await editorData(visitor, { id: own.enrollment })).toEqual({
      enrollment: { memberId: own.trainee, member: { id: own.trainee } },
    });
    // An enrolment of the district's member in the other district's camp lies where the camp lies.
    const cross = `query ($id: ID!) { enrollment(id: $id) { id } }`;
    expect(await editorData(cross, { id: crossEnrollment })).toEqual({ enrollment: null });
    expect(await admin(cross, { id: crossEnrollment })).toEqual({ enrollment: { id: crossEnrollment } });
  });

  it('resolves federation references to the other district’s records as null, and its units and members as empty', async () => {
    const entities = async (representations: Record<string, string>[], token = editor) => {
      const result = await service.request<{ _entities: unknown[] }>(
        `query ($representations: [_Any!]!, $campaign: ID!, $other: ID!) { _entities(representations: $representations) {
          ... on Camp { id venue }
          ... on TrainingCampaign { id name }
          ... on Member { enrollments { id } trainingsCompleted }
          ... on OrgUnit { camps { total items { id } } own: trainingProgress(campaignId: $campaign) { campsPlanned trainees }
                           other: trainingProgress(campaignId: $other) { campsPlanned } } } }`,
        { representations, campaign: own.campaign, other: other.campaign },
        { token },
      );
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!._entities;
    };
    const references = [
      { __typename: 'Camp', id: other.camp },
      { __typename: 'Camp', id: own.camp },
      { __typename: 'TrainingCampaign', id: other.campaign },
      { __typename: 'TrainingCampaign', id: own.campaign },
    ];
    expect(await entities(references)).toEqual([
      null,
      { id: own.camp, venue: CAMP.venue },
      null,
      { id: own.campaign, name: 'जिला अभियान क' },
    ]);

    // Members: only enrolments in the district's camps; nothing at all for a member outside the district.
    const members = [own.trainee, own.trainee2, other.trainee, other.trainee2].map((id) => ({ __typename: 'Member', id }));
    expect(await entities(members)).toEqual([
      { enrollments: [{ id: state.ownEnrollment }, { id: own.enrollment }], trainingsCompleted: 1 },
      { enrollments: [], trainingsCompleted: 0 }, // enrolled in the other district's camp only
      { enrollments: [], trainingsCompleted: 0 }, // lives in the other district
      { enrollments: [], trainingsCompleted: 0 }, // lives in the other district, though enrolled in the own district's camp
    ]);
    const adminMembers = (await entities(members, service.token!)) as { enrollments: Ids[]; trainingsCompleted: number }[];
    expect(adminMembers.map((member) => [member.enrollments.length, member.trainingsCompleted])).toEqual([
      [2, 1],
      [1, 1],
      [2, 1],
      [1, 0],
    ]);

    // Units: the district's camps and progress; nothing for a unit outside it, above it (the state) or beside it.
    const units = [own.district, other.district, tree.state].map((id) => ({ __typename: 'OrgUnit', id }));
    const [ownUnit, otherUnit, stateUnit] = (await entities(units)) as {
      camps: { total: number; items: Ids[] };
      own: unknown;
      other: unknown;
    }[];
    expect(ids(ownUnit.camps)).toEqual(sorted(own.camp, state.ownCamp));
    expect(ownUnit.own).toEqual({ campsPlanned: 1, trainees: 1 });
    expect(ownUnit.other).toBeNull(); // the other district's campaign does not exist for the editor
    for (const unit of [otherUnit, stateUnit]) expect(unit).toEqual({ camps: { total: 0, items: [] }, own: null, other: null });
    const adminUnits = (await entities(units, service.token!)) as { camps: { total: number } }[];
    expect(adminUnits.map((unit) => unit.camps.total)).toEqual([2, 2, 4]);
  });

  it('gets roll-ups of the district’s own campaign, counting only its camps', async () => {
    const query = `query ($campaign: ID!, $camp: ID!) {
      trainingCampaign(id: $campaign) {
        progress { campsPlanned trainees targetCamps }
        phases { progress { campsPlanned trainees } progressByUnit(level: "mandal") { unitId trainees } }
        progressByUnit(level: "mandal") { unitId campsPlanned trainees }
      }
      camp(id: $camp) { progress { trainees } enrolledCount } }`;
    const mine = await editorData(query, { campaign: own.campaign, camp: own.camp });
    expect(mine).toEqual({
      trainingCampaign: {
        progress: { campsPlanned: 1, trainees: 1, targetCamps: 10 },
        phases: [
          {
            progress: { campsPlanned: 1, trainees: 1 },
            progressByUnit: [
              { unitId: own.mandal, trainees: 1 },
              { unitId: ownMandal2, trainees: 0 },
            ],
          },
        ],
        progressByUnit: [
          { unitId: own.mandal, campsPlanned: 1, trainees: 1 },
          { unitId: ownMandal2, campsPlanned: 0, trainees: 0 },
        ],
      },
      camp: { progress: { trainees: 1 }, enrolledCount: 2 },
    });
    // The same as the superadmin sees: the campaign holds nothing outside the district.
    expect(await admin(query, { campaign: own.campaign, camp: own.camp })).toEqual(mine);
    // The other district's roll-ups cannot be reached.
    expect(await editorData(query, { campaign: other.campaign, camp: other.camp })).toEqual({ trainingCampaign: null, camp: null });
  });

  it('sees the trainers of its team who live in the district, and keeps the others when it edits the team', async () => {
    // The superadmin adds a state trainer to the district's team.
    await admin(`mutation ($id: ID!, $m: [ID!]!) { addTrainers(id: $id, memberIds: $m) { id } }`, { id: own.team, m: [state.trainer] });
    const team = `query ($id: ID!) { trainerTeam(id: $id) { trainerIds size trainers { id } } }`;
    expect(await editorData(team, { id: own.team })).toEqual({
      trainerTeam: { trainerIds: [own.trainer, state.trainer], size: 2, trainers: [{ id: own.trainer }] },
    });
    expect(await admin(team, { id: own.team })).toMatchObject({ trainerTeam: { trainers: [{ id: own.trainer }, { id: state.trainer }] } });
    // The editor renames the team and sends its trainers back as they are: the state trainer may stay, not be added anew.
    const update = `mutation ($id: ID!, $input: TrainerTeamUpdateInput!) { updateTrainerTeam(id: $id, input: $input) { trainerIds } }`;
    expect(await editorData(update, { id: own.team, input: { name: 'दल क', trainerIds: [own.trainer, state.trainer] } })).toEqual({
      updateTrainerTeam: { trainerIds: [own.trainer, state.trainer] },
    });
    expect(await editorData(update, { id: own.team, input: { trainerIds: [own.trainer] } })).toEqual({
      updateTrainerTeam: { trainerIds: [own.trainer] },
    });
    expect(
      await refusal(`mutation ($id: ID!, $m: [ID!]!) { addTrainers(id: $id, memberIds: $m) { id } }`, { id: own.team, m: [state.trainer] }),
    ).toEqual({ code: 'FORBIDDEN', fields: { 'memberIds.0': 'outside your scope' } });
  });

  it('does not see a state campaign, its phases, topics or teams, but works in its camp in the district', async () => {
    const query = `query ($campaign: ID!, $phase: ID!, $topic: ID!, $team: ID!, $camp: ID!, $otherCamp: ID!) {
      trainingCampaign(id: $campaign) { id } campaignPhase(id: $phase) { id } topic(id: $topic) { id } trainerTeam(id: $team) { id }
      phases: campaignPhases(filter: { campaignId: $campaign }) { total }
      topics(filter: { campaignId: $campaign }) { total }
      teams: trainerTeams(filter: { campaignId: $campaign }) { total }
      camps(filter: { campaignId: $campaign }) { total items { id } }
      camp(id: $camp) { id campaign { id } phase { id } trainerTeam { id } topics { id } enrollments { total } }
      otherCamp: camp(id: $otherCamp) { id } }`;
    const variables = {
      campaign: state.campaign,
      phase: state.phase,
      topic: state.topic,
      team: state.team,
      camp: state.ownCamp,
      otherCamp: state.otherCamp,
    };
    expect(await editorData(query, variables)).toEqual({
      trainingCampaign: null,
      campaignPhase: null,
      topic: null,
      trainerTeam: null,
      phases: { total: 0 },
      topics: { total: 0 },
      teams: { total: 0 },
      camps: { total: 1, items: [{ id: state.ownCamp }] },
      camp: { id: state.ownCamp, campaign: null, phase: null, trainerTeam: null, topics: [], enrollments: { total: 1 } },
      otherCamp: null,
    });
    expect(await admin(query, variables)).toMatchObject({
      trainingCampaign: { id: state.campaign },
      camps: { total: 2 },
      camp: { campaign: { id: state.campaign }, phase: { id: state.phase }, topics: [{ id: state.topic }] },
    });

    // It may not add camps to the state's phase, nor give the camp the state's team.
    const before = await snapshot();
    expect(
      await refusal(`mutation ($input: CampInput!) { createCamp(input: $input) { id } }`, {
        input: { ...CAMP, phaseId: state.phase, unitId: own.mandal },
      }),
    ).toEqual({ code: 'FORBIDDEN', fields: { phaseId: 'outside your scope' } });
    expect(
      await refusal(`mutation ($id: ID!, $input: CampUpdateInput!) { updateCamp(id: $id, input: $input) { id } }`, {
        id: state.ownCamp,
        input: { trainerTeamId: state.team },
      }),
    ).toEqual({ code: 'FORBIDDEN', fields: { trainerTeamId: 'outside your scope' } });
    expect(await snapshot()).toEqual(before);

    // It runs the camp: a new venue with the team and topics the state chose, enrolments and attendance of its members.
    await admin(`mutation ($id: ID!, $input: CampUpdateInput!) { updateCamp(id: $id, input: $input) { id } }`, {
      id: state.ownCamp,
      input: { trainerTeamId: state.team },
    });
    const { updateCamp } = await editorData<{ updateCamp: { venue: string; trainerTeamId: string; topicIds: string[] } }>(
      `mutation ($id: ID!, $input: CampUpdateInput!) { updateCamp(id: $id, input: $input) { venue trainerTeamId topicIds } }`,
      { id: state.ownCamp, input: { venue: 'जिला कार्यालय', trainerTeamId: state.team, topicIds: [state.topic] } },
    );
    expect(updateCamp).toEqual({ venue: 'जिला कार्यालय', trainerTeamId: state.team, topicIds: [state.topic] });
    const { enrollMembers } = await editorData<{ enrollMembers: { id: string }[] }>(
      `mutation ($camp: ID!, $members: [ID!]!) { enrollMembers(campId: $camp, memberIds: $members) { id } }`,
      { camp: state.ownCamp, members: [own.trainee2] },
    );
    const { setEnrollmentStatuses } = await editorData<{ setEnrollmentStatuses: { status: string }[] }>(
      `mutation ($ids: [ID!]!) { setEnrollmentStatuses(ids: $ids, status: ATTENDED) { status } }`,
      { ids: [state.ownEnrollment, enrollMembers[0].id] },
    );
    expect(setEnrollmentStatuses).toEqual([{ status: 'ATTENDED' }, { status: 'ATTENDED' }]);
  });
});

/** The CRUD mutations of every record type, by type name. */
const TYPES = ['TrainingCampaign', 'CampaignPhase', 'Topic', 'TrainerTeam', 'Camp', 'Enrollment'] as const;
const PLURAL: Record<(typeof TYPES)[number], string> = {
  TrainingCampaign: 'TrainingCampaigns',
  CampaignPhase: 'CampaignPhases',
  Topic: 'Topics',
  TrainerTeam: 'TrainerTeams',
  Camp: 'Camps',
  Enrollment: 'Enrollments',
};
const UPDATES: Record<(typeof TYPES)[number], Record<string, unknown>> = {
  TrainingCampaign: { name: 'बदला' },
  CampaignPhase: { name: 'बदला' },
  Topic: { title: 'बदला' },
  TrainerTeam: { name: 'बदला' },
  Camp: { venue: 'बदला' },
  Enrollment: { status: 'ATTENDED' },
};
const recordOf = (records: DistrictRecords, type: (typeof TYPES)[number]) =>
  ({
    TrainingCampaign: records.campaign,
    CampaignPhase: records.phase,
    Topic: records.topic,
    TrainerTeam: records.team,
    Camp: records.camp,
    Enrollment: records.enrollment,
  })[type];

describe('writes outside the district', () => {
  it('are NOT_FOUND or FORBIDDEN naming the field, and change nothing', async () => {
    const before = await snapshot();
    const notFound = { code: 'NOT_FOUND', fields: undefined };
    const forbidden = (field: string) => ({ code: 'FORBIDDEN', fields: { [field]: 'outside your scope' } });

    for (const type of TYPES) {
      const id = recordOf(other, type);
      const mine = recordOf(own, type);
      const update = `mutation ($id: ID!, $input: ${type}UpdateInput!) { update${type}(id: $id, input: $input) { id } }`;
      expect([type, await refusal(update, { id, input: UPDATES[type] })]).toEqual([type, notFound]);
      expect([type, await refusal(`mutation ($id: ID!) { delete${type}(id: $id) { id } }`, { id })]).toEqual([type, notFound]);
      expect([type, await refusal(`mutation ($id: ID!) { restore${type}(id: $id) { id } }`, { id })]).toEqual([type, notFound]);
      // All or none: the own record listed first is not deleted either.
      expect(await refusal(`mutation ($ids: [ID!]!) { delete${PLURAL[type]}(ids: $ids) { id } }`, { ids: [mine, id] })).toEqual({
        code: 'BAD_USER_INPUT',
        fields: { 'ids.1': `no ${type} with id ${id}` },
      });
    }
    // Deleted records of the other district cannot be restored either.
    expect(await refusal(`mutation ($id: ID!) { restoreEnrollment(id: $id) { id } }`, { id: deletedOtherEnrollment })).toEqual(notFound);
    expect(await refusal(`mutation ($id: ID!) { restoreCamp(id: $id) { id } }`, { id: deletedOtherCamp })).toEqual(notFound);

    // The other district's trainer team, enrolments.
    const trainers = (mutation: string, id: string, memberIds: string[]) =>
      refusal(`mutation ($id: ID!, $m: [ID!]!) { ${mutation}(id: $id, memberIds: $m) { id } }`, { id, m: memberIds });
    expect(await trainers('addTrainers', other.team, [own.trainee])).toEqual(notFound);
    expect(await trainers('removeTrainers', other.team, [other.trainer])).toEqual(notFound);
    expect(
      await refusal(`mutation ($ids: [ID!]!) { setEnrollmentStatuses(ids: $ids, status: ATTENDED) { id } }`, {
        ids: [own.enrollment, other.enrollment],
      }),
    ).toEqual({ code: 'BAD_USER_INPUT', fields: { 'ids.1': `no Enrollment with id ${other.enrollment}` } });

    // Writes that name the other district, its records or its members.
    const createIn = (type: string, input: Record<string, unknown>) =>
      refusal(`mutation ($input: ${type}Input!) { create${type}(input: $input) { id } }`, { input });
    const updateCamp = (input: Record<string, unknown>) =>
      refusal(`mutation ($id: ID!, $input: CampUpdateInput!) { updateCamp(id: $id, input: $input) { id } }`, { id: own.camp, input });
    expect(await createIn('TrainingCampaign', { ...CAMPAIGN, unitId: other.district, name: 'x' })).toEqual(forbidden('unitId'));
    expect(await createIn('CampaignPhase', { ...PHASE, number: 2, campaignId: other.campaign })).toEqual(forbidden('campaignId'));
    expect(await createIn('Topic', { campaignId: other.campaign, title: 'x' })).toEqual(forbidden('campaignId'));
    expect(await createIn('TrainerTeam', { campaignId: other.campaign, name: 'x' })).toEqual(forbidden('campaignId'));
    expect(await createIn('TrainerTeam', { campaignId: own.campaign, name: 'x', trainerIds: [own.trainer, other.trainer] })).toEqual(
      forbidden('trainerIds.1'),
    );
    expect(await trainers('addTrainers', own.team, [other.trainer])).toEqual(forbidden('memberIds.0'));
    expect(
      await refusal(`mutation ($id: ID!, $input: TrainerTeamUpdateInput!) { updateTrainerTeam(id: $id, input: $input) { id } }`, {
        id: own.team,
        input: { trainerIds: [own.trainer, other.trainer] },
      }),
    ).toEqual(forbidden('trainerIds.1'));
    const camp = { ...CAMP, phaseId: own.phase, unitId: own.mandal };
    expect(await createIn('Camp', { ...camp, phaseId: other.phase })).toEqual(forbidden('phaseId'));
    expect(await createIn('Camp', { ...camp, unitId: other.mandal })).toEqual(forbidden('unitId'));
    expect(await createIn('Camp', { ...camp, trainerTeamId: other.team })).toEqual(forbidden('trainerTeamId'));
    expect(await createIn('Camp', { ...camp, topicIds: [own.topic, other.topic] })).toEqual(forbidden('topicIds.1'));
    expect(await updateCamp({ unitId: other.mandal })).toEqual(forbidden('unitId')); // moving the camp out
    expect(await updateCamp({ phaseId: other.phase })).toEqual(forbidden('phaseId'));
    expect(await updateCamp({ trainerTeamId: other.team })).toEqual(forbidden('trainerTeamId'));
    expect(await updateCamp({ topicIds: [other.topic] })).toEqual(forbidden('topicIds.0'));
    expect(await createIn('Enrollment', { campId: other.camp, memberId: own.trainee2 })).toEqual(forbidden('campId'));
    expect(await createIn('Enrollment', { campId: own.camp, memberId: other.trainee })).toEqual(forbidden('memberId'));
    const enroll = (campId: string, memberIds: string[]) =>
      refusal(`mutation ($c: ID!, $m: [ID!]!) { enrollMembers(campId: $c, memberIds: $m) { id } }`, { c: campId, m: memberIds });
    expect(await enroll(own.camp, [own.trainee2, other.trainee])).toEqual(forbidden('memberIds.1'));
    expect(await enroll(other.camp, [own.trainee2])).toEqual(forbidden('campId'));

    expect(await snapshot()).toEqual(before);
  });

  it('are refused to a viewer, every mutation of the schema, before anything runs', async () => {
    // Every mutation of the service's own schema (the service does not answer introspection, as in production).
    const schema = await buildModuleSchema(TRAINING_SERVICE.modules);
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThanOrEqual(TYPES.length * 5 + 4);
    const before = await snapshot();
    for (const field of mutations) {
      const parameters = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
      const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const selection = isObjectType(getNamedType(field.type)) ? '{ __typename }' : '';
      const query = `mutation ${parameters ? `(${parameters})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
      const result = await service.request(query, {}, { token: viewer });
      expect([field.name, (result.errors as GqlError[] | undefined)?.[0]?.extensions?.code, result.data ?? null]).toEqual([
        field.name,
        'FORBIDDEN',
        null,
      ]);
    }
    expect(await snapshot()).toEqual(before);
    // It reads as the editor does.
    const lists = await service.data<Lists>(LISTS, {}, { token: viewer });
    expect(ids(lists.camps)).toEqual(sorted(own.camp, state.ownCamp));
  });
});

describe('writes inside the district', () => {
  it('work for the editor: every record type created, changed, deleted and restored', async () => {
    const write = async <T = Ids>(mutation: string, variables: Record<string, unknown>): Promise<T> =>
      Object.values(await editorData<Record<string, T>>(mutation, variables))[0];
    const createOwn = async (type: string, input: Record<string, unknown>) =>
      (await write(`mutation ($input: ${type}Input!) { create${type}(input: $input) { id } }`, { input })).id;

    const campaign = await createOwn('TrainingCampaign', { ...CAMPAIGN, unitId: own.district, name: 'नया अभियान' });
    const phase = await createOwn('CampaignPhase', { ...PHASE, campaignId: campaign });
    const topic = await createOwn('Topic', { campaignId: campaign, title: 'सोशल मीडिया', minutes: 45 });
    const team = await createOwn('TrainerTeam', { campaignId: campaign, name: 'नया दल', trainerIds: [own.trainer] });
    const camp = await createOwn('Camp', { ...CAMP, phaseId: phase, unitId: own.mandal, trainerTeamId: team, topicIds: [topic] });
    const enrollment = await createOwn('Enrollment', { campId: camp, memberId: own.trainee });
    const [second] = await write<Ids[]>(`mutation ($c: ID!, $m: [ID!]!) { enrollMembers(campId: $c, memberIds: $m) { id } }`, {
      c: camp,
      m: [own.trainee2],
    });
    const created = {
      TrainingCampaign: campaign,
      CampaignPhase: phase,
      Topic: topic,
      TrainerTeam: team,
      Camp: camp,
      Enrollment: enrollment,
    };

    for (const type of TYPES) {
      const updated = await write<{ version: number }>(
        `mutation ($id: ID!, $input: ${type}UpdateInput!) { update${type}(id: $id, input: $input) { version } }`,
        { id: created[type], input: UPDATES[type] },
      );
      expect([type, updated.version]).toEqual([type, 2]);
    }
    expect(
      await write(`mutation ($id: ID!, $m: [ID!]!) { addTrainers(id: $id, memberIds: $m) { trainerIds } }`, {
        id: team,
        m: [own.trainee2],
      }),
    ).toEqual({ trainerIds: [own.trainer, own.trainee2] });
    expect(
      await write(`mutation ($id: ID!, $m: [ID!]!) { removeTrainers(id: $id, memberIds: $m) { trainerIds } }`, {
        id: team,
        m: [own.trainee2],
      }),
    ).toEqual({ trainerIds: [own.trainer] });
    await write(`mutation ($ids: [ID!]!) { setEnrollmentStatuses(ids: $ids, status: COMPLETED, completedOn: "2021-09-11") { id } }`, {
      ids: [enrollment, second.id],
    });
    // The camp moves to another unit of the district.
    expect(
      await write(`mutation ($id: ID!, $input: CampUpdateInput!) { updateCamp(id: $id, input: $input) { unitId } }`, {
        id: camp,
        input: { unitId: ownMandal2 },
      }),
    ).toEqual({ unitId: ownMandal2 });

    // Records with nothing under them are deleted and restored, one type at a time.
    const spare = {
      TrainingCampaign: await createOwn('TrainingCampaign', { ...CAMPAIGN, unitId: own.district, name: 'अतिरिक्त' }),
      CampaignPhase: await createOwn('CampaignPhase', { ...PHASE, number: 2, campaignId: campaign }),
      Topic: await createOwn('Topic', { campaignId: campaign, title: 'अतिरिक्त' }),
      TrainerTeam: await createOwn('TrainerTeam', { campaignId: campaign, name: 'अतिरिक्त' }),
      Camp: await createOwn('Camp', { ...CAMP, phaseId: phase, unitId: own.mandal }),
      Enrollment: second.id,
    };
    for (const type of TYPES) {
      const id = spare[type];
      const [deleted] = await write<{ deletedAt: string | null }[]>(
        `mutation ($ids: [ID!]!) { delete${PLURAL[type]}(ids: $ids) { deletedAt } }`,
        { ids: [id] },
      );
      expect([type, deleted.deletedAt === null]).toEqual([type, false]);
      const restored = await write<{ deletedAt: string | null }>(`mutation ($id: ID!) { restore${type}(id: $id) { deletedAt } }`, { id });
      expect([type, restored.deletedAt]).toEqual([type, null]);
    }
    const { trainingCampaign } = await editorData<{
      trainingCampaign: { name: string; progress: { campsPlanned: number; trainees: number } };
    }>(`query ($id: ID!) { trainingCampaign(id: $id) { name progress { campsPlanned trainees } } }`, { id: campaign });
    expect(trainingCampaign).toEqual({ name: 'बदला', progress: { campsPlanned: 2, trainees: 2 } });
  });
});

describe('unit moves', () => {
  it('take camps out of the editor’s view when their unit leaves the district, and bring them in when one joins it', async () => {
    const moveUnit = async (id: string, parentId: string) => {
      await service.membership.data(`mutation ($id: ID!, $input: OrgUnitUpdateInput!) { updateOrgUnit(id: $id, input: $input) { id } }`, {
        id,
        input: { parentId },
      });
      await service.followUnitChanges();
    };
    const visible = async () => {
      const { camps, enrollments } = await editorData<Lists>(LISTS);
      return { camps: ids(camps), enrollments: ids(enrollments) };
    };
    const [ownCamps, otherCamps] = [
      [own.camp, state.ownCamp],
      [other.camp, state.otherCamp],
    ];
    expect((await visible()).camps).toEqual(expect.arrayContaining(ownCamps));

    // The own district's mandal moves to the other district: its camps and their enrolments go.
    await moveUnit(own.mandal, other.district);
    let now = await visible();
    for (const id of [...ownCamps, ...otherCamps]) expect([id, now.camps.includes(id)]).toEqual([id, false]);
    expect(now.enrollments).not.toContain(own.enrollment);
    expect(await editorData(`query ($id: ID!) { camp(id: $id) { id } }`, { id: own.camp })).toEqual({ camp: null });

    // The other district's mandal moves in: its camps come, though their campaigns stay the other district's and the state's.
    await moveUnit(other.mandal, own.district);
    now = await visible();
    expect(now.camps).toEqual(expect.arrayContaining(otherCamps));
    for (const id of ownCamps) expect(now.camps).not.toContain(id);
    expect(now.enrollments).toContain(other.enrollment);
    expect(
      await editorData(`query ($id: ID!) { camp(id: $id) { id campaign { id } phase { id } enrollments { total } } }`, { id: other.camp }),
    ).toEqual({ camp: { id: other.camp, campaign: null, phase: null, enrollments: { total: 2 } } });
  });
});
