import { graphqlRequest, type GraphQLResponse, type RunningServer } from '@sangathan/common';
import { createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { SubgraphSwitch } from './subgraph-switch';
import { startGatewayOver, startTestSystem, type TestSystem } from './support';

type Subgraph = 'membership' | 'itcell' | 'training';
const SUBGRAPHS: Subgraph[] = ['membership', 'itcell', 'training'];
/** Short, so a hanging subgraph costs the test seconds, not the default 10 s. */
const TIMEOUT_MS = 2000;
const MAX_CONNECTIONS = 3;

let system: TestSystem;
/** A second gateway in front of the same subgraphs, each reached through a switch. */
let gateway: RunningServer;
const switches = {} as Record<Subgraph, SubgraphSwitch>;
const ids = { member: '', other: '', camp: '', team: '' };

/** Asks the switched gateway, as the superadmin. */
const ask = <T = Record<string, unknown>>(query: string) =>
  graphqlRequest<T>(gateway.url, query, ids, { token: system.token }) as Promise<GraphQLResponse<T>>;

beforeAll(async () => {
  system = await startTestSystem('partial');
  for (const name of SUBGRAPHS) switches[name] = await SubgraphSwitch.start(system[name].url);
  gateway = await startGatewayOver(system, {
    subgraphUrls: { membership: switches.membership.url, itcell: switches.itcell.url, training: switches.training.url },
    // The gateway checks sessions with membership: a long memo lets the requests below through while
    // membership is down (see the README: beyond AUTH_STATUS_CACHE_MS the whole request is refused).
    statusCacheMs: 600_000,
    subgraphRequests: { timeoutMs: TIMEOUT_MS, maxConnections: MAX_CONNECTIONS },
  });

  const tree = await createPartyFixture(system.membership, 'PA');
  ids.member = await createMember(system.membership, {
    organizationId: tree.organizationId,
    fullName: 'सुनीता देवी',
    unitId: tree.mandals[0],
  });
  ids.other = await createMember(system.membership, { organizationId: tree.organizationId, fullName: 'संजय राय', unitId: tree.mandals[0] });
  const create = async (mutation: string, input: Record<string, unknown>) =>
    Object.values(await system.data<Record<string, { id: string }>>(mutation, { input }))[0].id;
  ids.team = await create(`mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }`, {
    unitId: tree.districts[0],
    name: 'जिला आईटी टीम',
  });
  await create(`mutation ($input: TeamMemberInput!) { createTeamMember(input: $input) { id } }`, {
    teamId: ids.team,
    memberId: ids.member,
    role: 'CONVENOR',
  });
  const campaign = await create(`mutation ($input: TrainingCampaignInput!) { createTrainingCampaign(input: $input) { id } }`, {
    unitId: tree.state,
    name: 'Prashikshan',
    startsOn: '2021-08-01',
    endsOn: '2021-12-31',
    targetCamps: 10,
    targetTrainees: 1000,
    status: 'ACTIVE',
  });
  const phase = await create(`mutation ($input: CampaignPhaseInput!) { createCampaignPhase(input: $input) { id } }`, {
    campaignId: campaign,
    number: 1,
    name: 'चरण 1',
    startsOn: '2021-08-20',
    endsOn: '2021-08-30',
    targetCamps: 5,
    targetTrainees: 500,
    campLevel: 'district',
  });
  ids.camp = await create(`mutation ($input: CampInput!) { createCamp(input: $input) { id } }`, {
    phaseId: phase,
    unitId: tree.districts[0],
    venue: 'जिला कार्यालय',
    startsOn: '2021-08-21',
    endsOn: '2021-08-22',
    capacity: 100,
  });
  await system.data(`mutation ($camp: ID!, $members: [ID!]!) { enrollMembers(campId: $camp, memberIds: $members) { id } }`, {
    camp: ids.camp,
    members: [ids.member, ids.other],
  });
  // Checks the superadmin's session once while membership answers (the gateway then remembers it).
  expect((await ask(SPANNING)).errors).toBeUndefined();
});

afterAll(async () => {
  await gateway?.stop();
  for (const name of SUBGRAPHS) await switches[name]?.stop();
  await system?.stop();
});

/** One query over the three services: a member (membership) with their social roles (itcell) and enrolments (training), and a camp (training) with its unit (membership). */
const SPANNING = `query ($member: ID!, $camp: ID!) {
  member(id: $member) { fullName unit { code } socialRoles { role team { name } } enrollments { status camp { venue } } trainingsCompleted }
  camp(id: $camp) { venue unit { code } }
}`;

/** A page of members (membership) with their social roles (itcell) and enrolments (training). */
const PAGE = `query ($member: ID!, $other: ID!) {
  members(filter: { ids: [$member, $other] }, sort: [{ field: fullName, direction: ASC }]) { total items { fullName socialRoles { role } enrollments { status } } }
}`;

const WHOLE = {
  member: {
    fullName: 'सुनीता देवी',
    unit: { code: 'R1-D1-M1' },
    socialRoles: [{ role: 'CONVENOR', team: { name: 'जिला आईटी टीम' } }],
    enrollments: [{ status: 'REGISTERED', camp: { venue: 'जिला कार्यालय' } }],
    trainingsCompleted: 0,
  },
  camp: { venue: 'जिला कार्यालय', unit: { code: 'R1-D1' } },
};

const WHOLE_PAGE = {
  members: {
    total: 2,
    items: [
      { fullName: 'संजय राय', socialRoles: [], enrollments: [{ status: 'REGISTERED' }] },
      { fullName: 'सुनीता देवी', socialRoles: [{ role: 'CONVENOR' }], enrollments: [{ status: 'REGISTERED' }] },
    ],
  },
};

type Expected = { data: unknown; paths: (string | number)[][] };

/** What the two queries answer without each service, and the paths of the SERVICE_UNAVAILABLE errors. */
const WITHOUT: Record<Subgraph, { spanning: Expected; page: Expected }> = {
  // The member is membership's own and goes; the camp stays, without its unit. `members` is a root list
  // (non-null): without membership the whole answer is null.
  membership: {
    spanning: { data: { member: null, camp: { venue: 'जिला कार्यालय', unit: null } }, paths: [['camp', 'unit', 'code'], ['member']] },
    page: { data: null, paths: [['members']] },
  },
  itcell: {
    spanning: { data: { ...WHOLE, member: { ...WHOLE.member, socialRoles: null } }, paths: [['member', 'socialRoles']] },
    page: {
      data: { members: { total: 2, items: WHOLE_PAGE.members.items.map((item) => ({ ...item, socialRoles: null })) } },
      paths: [
        ['members', 'items', 0, 'socialRoles'],
        ['members', 'items', 1, 'socialRoles'],
      ],
    },
  },
  // Every member of the page stays; only their enrolments are missing.
  training: {
    spanning: {
      data: { member: { ...WHOLE.member, enrollments: null, trainingsCompleted: null }, camp: null },
      paths: [['camp'], ['member', 'enrollments'], ['member', 'trainingsCompleted']],
    },
    page: {
      data: { members: { total: 2, items: WHOLE_PAGE.members.items.map((item) => ({ ...item, enrollments: null })) } },
      paths: [
        ['members', 'items', 0, 'enrollments'],
        ['members', 'items', 1, 'enrollments'],
      ],
    },
  },
};

/** A query each service's outage does not touch, and its answer. */
const UNTOUCHED: Record<Subgraph, { query: string; data: unknown }> = {
  membership: {
    query: `query ($camp: ID!, $team: ID!) { camp(id: $camp) { venue status } socialTeam(id: $team) { name } }`,
    data: { camp: { venue: 'जिला कार्यालय', status: 'PLANNED' }, socialTeam: { name: 'जिला आईटी टीम' } },
  },
  itcell: {
    query: `query ($member: ID!) { member(id: $member) { fullName enrollments { status } } }`,
    data: { member: { fullName: 'सुनीता देवी', enrollments: [{ status: 'REGISTERED' }] } },
  },
  training: {
    query: `query ($member: ID!) { member(id: $member) { fullName socialRoles { role } } }`,
    data: { member: { fullName: 'सुनीता देवी', socialRoles: [{ role: 'CONVENOR' }] } },
  },
};

/** The errors, in path order, with what a client reads of them. */
function unavailable(result: GraphQLResponse) {
  return (result.errors ?? [])
    .map((error) => ({
      path: error.path,
      code: error.extensions?.code,
      service: error.extensions?.service,
      reason: error.extensions?.reason,
    }))
    .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
}

function expectPartial(result: GraphQLResponse, expected: Expected, subgraph: Subgraph, reason: 'UNREACHABLE' | 'TIMEOUT') {
  expect(result.data).toEqual(expected.data);
  expect(unavailable(result)).toEqual(
    expected.paths
      .map((path) => ({ path, code: 'SERVICE_UNAVAILABLE', service: subgraph, reason }))
      .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path))),
  );
  for (const error of result.errors ?? []) expect(error.message).toContain(`The ${subgraph} service`);
  // No address of a subgraph, no low-level error.
  expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|localhost|ECONN|fetch failed|:\d{4,5}\//);
}

async function expectWhole(): Promise<void> {
  expect(await ask(SPANNING)).toEqual({ data: WHOLE });
  expect(await ask(PAGE)).toEqual({ data: WHOLE_PAGE });
}

describe('a partial answer when a subgraph does not answer', () => {
  it('answers the spanning query whole while every subgraph answers', async () => {
    await expectWhole();
  });

  describe.each(SUBGRAPHS)('%s', (subgraph) => {
    it('down (nothing listens): its fields are null with SERVICE_UNAVAILABLE, the rest is intact, other queries are served', async () => {
      await switches[subgraph].down();
      try {
        expectPartial(await ask(SPANNING), WITHOUT[subgraph].spanning, subgraph, 'UNREACHABLE');
        expectPartial(await ask(PAGE), WITHOUT[subgraph].page, subgraph, 'UNREACHABLE');
        const other = await ask(UNTOUCHED[subgraph].query);
        expect(other.errors).toBeUndefined();
        expect(other.data).toEqual(UNTOUCHED[subgraph].data);
        // Still down: the same answer again, not a stuck or crashed gateway.
        expectPartial(await ask(SPANNING), WITHOUT[subgraph].spanning, subgraph, 'UNREACHABLE');
      } finally {
        await switches[subgraph].up();
      }
      await expectWhole();
    });

    it('hanging (accepts, never answers): the gateway gives up after its timeout, serving other queries meanwhile', async () => {
      const hungBefore = switches[subgraph].hung;
      switches[subgraph].hang();
      try {
        const [spanning, page, other] = await Promise.all([ask(SPANNING), ask(PAGE), ask(UNTOUCHED[subgraph].query)]);
        expectPartial(spanning, WITHOUT[subgraph].spanning, subgraph, 'TIMEOUT');
        expectPartial(page, WITHOUT[subgraph].page, subgraph, 'TIMEOUT');
        expect(spanning.errors?.[0].message).toBe(`The ${subgraph} service did not answer within ${TIMEOUT_MS} ms; try again shortly`);
        expect(switches[subgraph].hung).toBeGreaterThan(hungBefore);
        expect(other.errors).toBeUndefined();
        expect(other.data).toEqual(UNTOUCHED[subgraph].data);
      } finally {
        await switches[subgraph].up();
      }
      await expectWhole();
    });
  });

  it('keeps at most SUBGRAPH_MAX_CONNECTIONS connections to a subgraph; further requests wait in line', async () => {
    // A gateway of its own, patient enough that nothing times out while the line forms.
    const lone = await SubgraphSwitch.start(system.training.url);
    const patient = await startGatewayOver(system, {
      subgraphUrls: { membership: system.membership.url, itcell: system.itcell.url, training: lone.url },
      subgraphRequests: { timeoutMs: 60_000, maxConnections: MAX_CONNECTIONS },
    });
    try {
      lone.hang();
      const answers = Promise.all(
        Array.from({ length: MAX_CONNECTIONS + 3 }, () =>
          graphqlRequest(patient.url, `query ($camp: ID!) { camp(id: $camp) { venue } }`, ids, { token: system.token }),
        ),
      );
      while (lone.hung < MAX_CONNECTIONS) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(lone.connectionsOpened).toBe(MAX_CONNECTIONS);
      // Cut the hanging connections: those requests and the ones waiting in line fail, none hangs on.
      await lone.down();
      for (const answer of await answers) {
        expect(answer.data).toEqual({ camp: null });
        expect(unavailable(answer)).toEqual([{ path: ['camp'], code: 'SERVICE_UNAVAILABLE', service: 'training', reason: 'UNREACHABLE' }]);
      }
      expect(lone.connectionsOpened).toBe(MAX_CONNECTIONS);
      expect(lone.hung).toBe(MAX_CONNECTIONS);
    } finally {
      await patient.stop();
      await lone.stop();
    }
  });

  it('reuses kept-alive connections for requests one after another', async () => {
    const itcell = switches.itcell;
    await itcell.down(); // no connection left open from earlier tests
    await itcell.up();
    const opened = itcell.connectionsOpened;
    for (let i = 0; i < 6; i += 1) {
      const answer = await ask(`query ($team: ID!) { socialTeam(id: $team) { name } }`);
      expect(answer).toEqual({ data: { socialTeam: { name: 'जिला आईटी टीम' } } });
    }
    expect(itcell.connectionsOpened - opened).toBe(1);
  });
});
