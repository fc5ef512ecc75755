import { graphqlExchange, Random, type Role } from '@sangathan/common';
import { accountToken, createPartyFixture } from '@sangathan/membership/test-support';
import { startTestSystem, type TestSystem } from './support';

// The property: whoever asks, through the gateway or at a subgraph as the gateway would, nothing outside
// the asker's subtree is ever read, counted or written. Accounts of every role at every unit of a small
// party tree ask random questions about random records of all three services; the oracle is the tree.

const SEED = Number(process.env.SCOPE_PROPERTY_SEED ?? 20261202);
const READS_PER_ACCOUNT = 24;
const WRITES_PER_ACCOUNT = 8;

type Kind = 'Member' | 'Position' | 'OrgUnit' | 'SocialTeam' | 'Camp';
interface Fixture {
  id: string;
  kind: Kind;
  /** The unit whose subtree decides who may see the record. */
  unitId: string;
}

let system: TestSystem;
let tree: Awaited<ReturnType<typeof createPartyFixture>>;
/** Each unit's path, root first. */
const paths = new Map<string, string[]>();
const records: Fixture[] = [];
const cases = { total: 0, inScope: 0, outOfScope: 0 };
const leaks: string[] = [];

const units = () => [tree.state, ...tree.regions, ...tree.districts, ...tree.mandals, ...tree.booths];
const within = (unitId: string, scopeUnitId: string | null) => scopeUnitId === null || paths.get(unitId)!.includes(scopeUnitId);

function check(ok: boolean, inScope: boolean, what: string) {
  cases.total++;
  if (inScope) cases.inScope++;
  else cases.outOfScope++;
  if (!ok) leaks.push(what);
}

beforeAll(async () => {
  system = await startTestSystem('scope_property');
  tree = await createPartyFixture(system.membership, 'P');
  const { orgUnits } = await system.data<{ orgUnits: { items: { id: string; path: string[] }[] } }>(
    `query ($o: ID!) { orgUnits(filter: { organizationId: $o }, page: { limit: 100 }) { items { id path } } }`,
    { o: tree.organizationId },
  );
  for (const unit of orgUnits.items) paths.set(unit.id, unit.path);
  for (const unitId of units()) {
    records.push({ id: unitId, kind: 'OrgUnit', unitId });
    const { createMember } = await system.data<{ createMember: { id: string } }>(
      `mutation ($input: MemberInput!) { createMember(input: $input) { id } }`,
      { input: { organizationId: tree.organizationId, fullName: `सदस्य ${records.length}`, unitId, phone: '+919876543210' } },
    );
    records.push({ id: createMember.id, kind: 'Member', unitId });
    const { createPosition } = await system.data<{ createPosition: { id: string } }>(
      `mutation ($input: PositionInput!) { createPosition(input: $input) { id } }`,
      { input: { memberId: createMember.id, unitId, title: 'SECRETARY', startsOn: '2020-01-01' } },
    );
    records.push({ id: createPosition.id, kind: 'Position', unitId });
    const { createSocialTeam } = await system.data<{ createSocialTeam: { id: string } }>(
      `mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }`,
      { input: { unitId, name: `आईटी टीम ${records.length}` } },
    );
    records.push({ id: createSocialTeam.id, kind: 'SocialTeam', unitId });
  }
  const { createTrainingCampaign: campaign } = await system.data<{ createTrainingCampaign: { id: string } }>(
    `mutation ($input: TrainingCampaignInput!) { createTrainingCampaign(input: $input) { id } }`,
    { input: { unitId: tree.state, name: 'अभियान', startsOn: '2021-08-01', endsOn: '2021-12-31', targetCamps: 10, targetTrainees: 100 } },
  );
  const { createCampaignPhase: phase } = await system.data<{ createCampaignPhase: { id: string } }>(
    `mutation ($input: CampaignPhaseInput!) { createCampaignPhase(input: $input) { id } }`,
    {
      input: {
        campaignId: campaign.id,
        number: 1,
        name: 'चरण 1',
        startsOn: '2021-08-20',
        endsOn: '2021-08-31',
        campLevel: 'district',
        targetCamps: 4,
        targetTrainees: 100,
      },
    },
  );
  for (const unitId of tree.districts) {
    const { createCamp } = await system.data<{ createCamp: { id: string } }>(
      `mutation ($input: CampInput!) { createCamp(input: $input) { id } }`,
      { input: { phaseId: phase.id, unitId, venue: 'भवन', startsOn: '2021-08-21', endsOn: '2021-08-22', capacity: 50 } },
    );
    records.push({ id: createCamp.id, kind: 'Camp', unitId });
  }
}, 180_000);
afterAll(() => system.stop());

const LIST: Record<Exclude<Kind, 'OrgUnit'> | 'OrgUnit', string> = {
  Member: `members(page: { limit: 500 }) { total items { id unitId } }`,
  Position: `positions(page: { limit: 500 }) { total items { id unitId } }`,
  OrgUnit: `orgUnits(page: { limit: 500 }) { total items { id unitId: id } }`,
  SocialTeam: `socialTeams(page: { limit: 500 }) { total items { id unitId } }`,
  Camp: `camps(page: { limit: 500 }) { total items { id unitId } }`,
};
const ONE: Record<Kind, string> = {
  Member: 'member',
  Position: 'position',
  OrgUnit: 'orgUnit',
  SocialTeam: 'socialTeam',
  Camp: 'camp',
};
/** Where `_entities` of a kind is answered, as the gateway asks it. */
const OWNER: Record<Kind, 'membership' | 'itcell' | 'training'> = {
  Member: 'membership',
  Position: 'membership',
  OrgUnit: 'membership',
  SocialTeam: 'itcell',
  Camp: 'training',
};

describe('unit scope, as a property', () => {
  it('never lets an account read, count or write outside its subtree (thousands of random cases, zero leaks)', async () => {
    const random = new Random(SEED);
    const roles: Role[] = ['VIEWER', 'EDITOR', 'ADMIN'];
    const accounts: { role: Role; scopeUnitId: string | null; token: string }[] = [
      { role: 'SUPERADMIN', scopeUnitId: null, token: system.token },
    ];
    for (const scopeUnitId of units()) {
      for (const role of roles)
        accounts.push({ role, scopeUnitId, token: (await accountToken(system.membership, role, scopeUnitId)).token });
    }

    for (const account of accounts) {
      const label = `${account.role}@${account.scopeUnitId?.slice(0, 8) ?? 'all'}`;
      const options = { token: account.token };

      // Lists and totals: exactly the records within the subtree.
      const lists = await system.data<Record<string, { total: number; items: { id: string; unitId: string }[] }>>(
        `{ ${Object.entries(LIST)
          .map(([kind, list]) => `${kind}: ${list}`)
          .join(' ')} }`,
        undefined,
        options,
      );
      for (const kind of Object.keys(LIST) as Kind[]) {
        const expected = records.filter((record) => record.kind === kind && within(record.unitId, account.scopeUnitId)).map((r) => r.id);
        const got = lists[kind].items.filter((item) => records.some((record) => record.id === item.id));
        const outside = got.filter((item) => !within(item.unitId, account.scopeUnitId));
        check(outside.length === 0, false, `${label} lists ${kind} outside: ${outside.map((item) => item.id).join(',')}`);
        check(
          JSON.stringify(got.map((item) => item.id).sort()) === JSON.stringify(expected.sort()),
          true,
          `${label} lists ${got.length} ${kind}, expected ${expected.length}`,
        );
        if (account.scopeUnitId)
          check(lists[kind].total === lists[kind].items.length, false, `${label} ${kind} total ${lists[kind].total} ≠ items`);
      }

      // Reads by id, through the gateway and as references at the owning subgraph.
      for (const record of random.sample(records, READS_PER_ACCOUNT)) {
        const inScope = within(record.unitId, account.scopeUnitId);
        const byId = await system.data<Record<string, { id: string } | null>>(
          `query ($id: ID!) { one: ${ONE[record.kind]}(id: $id) { id } }`,
          { id: record.id },
          options,
        );
        check(Boolean(byId.one) === inScope, inScope, `${label} reads ${record.kind} ${record.id}: ${byId.one ? 'found' : 'null'}`);
        if (record.kind === 'Position') continue; // not a federation entity
        const service = system[OWNER[record.kind]];
        const entities = await graphqlExchange<{ _entities: ({ id: string } | null)[] }>(
          service.url,
          `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${record.kind} { id } } }`,
          { r: [{ __typename: record.kind, id: record.id }] },
          { token: account.token, gatewaySecret: service.auth.internalSecret },
        );
        const entity = entities.body.data?._entities[0] ?? null;
        // OrgUnit and Member are stubs in itcell and training; at their owner they are the real records.
        check(Boolean(entity) === inScope, inScope, `${label} _entities ${record.kind} ${record.id}: ${entity ? 'found' : 'null'}`);
      }

      // Roll-ups of a unit: null outside.
      for (const unitId of random.sample(units(), 3)) {
        const inScope = within(unitId, account.scopeUnitId);
        const result = await system.request<{ orgUnit: { descendantCount: number; itCoverage: unknown } | null }>(
          `query ($id: ID!) { orgUnit(id: $id) { descendantCount itCoverage(level: "booth") { units } } }`,
          { id: unitId },
          options,
        );
        check(Boolean(result.data?.orgUnit) === inScope, inScope, `${label} roll-ups of ${unitId}: ${JSON.stringify(result.data)}`);
      }

      // Writes: a change to a record outside is NOT_FOUND (or FORBIDDEN for a viewer), inside it works for editors and up.
      for (const record of random.sample(
        records.filter((r) => r.kind === 'Member' || r.kind === 'SocialTeam'),
        WRITES_PER_ACCOUNT,
      )) {
        const inScope = within(record.unitId, account.scopeUnitId);
        const mutation =
          record.kind === 'Member'
            ? `mutation ($id: ID!) { updateMember(id: $id, input: { fullName: "नाम" }) { id } }`
            : `mutation ($id: ID!) { updateSocialTeam(id: $id, input: { name: "टीम" }) { id } }`;
        const result = await system.request(mutation, { id: record.id }, options);
        const code = result.errors?.[0]?.extensions?.code;
        const expected = account.role === 'VIEWER' ? 'FORBIDDEN' : inScope ? undefined : 'NOT_FOUND';
        check(code === expected, inScope, `${label} updates ${record.kind} ${record.id}: ${code ?? 'ok'}, expected ${expected ?? 'ok'}`);
      }

      // Creating in a random unit, and moving a record to one: only inside the subtree.
      if (account.role !== 'VIEWER') {
        const target = random.pick(units());
        const inScope = within(target, account.scopeUnitId);
        const created = await system.request(
          `mutation ($input: MemberInput!) { createMember(input: $input) { id } }`,
          { input: { organizationId: tree.organizationId, fullName: 'नया', unitId: target } },
          options,
        );
        check(
          (created.errors?.[0]?.extensions?.code ?? 'ok') === (inScope ? 'ok' : 'FORBIDDEN'),
          inScope,
          `${label} creates a member at ${target}: ${JSON.stringify(created.errors ?? 'ok')}`,
        );
        const own = records.find((record) => record.kind === 'Member' && record.unitId === (account.scopeUnitId ?? tree.state))!;
        const moved = await system.request(
          `mutation ($id: ID!, $u: ID!) { updateMember(id: $id, input: { unitId: $u }) { id } }`,
          { id: own.id, u: target },
          options,
        );
        const code = moved.errors?.[0]?.extensions?.code ?? 'ok';
        check(code === (inScope ? 'ok' : 'FORBIDDEN'), inScope, `${label} moves a member to ${target}: ${code}`);
        // Put it back, so the oracle (the record's unit) stays true.
        if (code === 'ok')
          await system.data(`mutation ($id: ID!, $u: ID!) { updateMember(id: $id, input: { unitId: $u }) { id } }`, {
            id: own.id,
            u: own.unitId,
          });
      }
    }

    console.log(
      `scope property (seed ${SEED}): ${cases.total} cases, ${cases.inScope} inside the scope, ${cases.outOfScope} outside, ${leaks.length} failures`,
    );
    expect(leaks).toEqual([]);
    expect(cases.total).toBeGreaterThan(2000);
    expect(cases.inScope).toBeGreaterThan(300);
    expect(cases.outOfScope).toBeGreaterThan(300);
  }, 600_000);
});
