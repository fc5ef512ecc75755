import { buildModuleSchema } from '@sangathan/common';
import { accountToken, createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { ITCELL_SERVICE } from './definition';
import { startItcellTestService, type ItcellTestService } from './test-support';

// Records of every itcell type in two districts of one state (and a team and a drive at the state),
// written by the superadmin; then an EDITOR and a VIEWER scoped to the first district. Nothing of the
// second district (or the state above) may exist for them: absent from lists and totals, null by id and
// as a reference, NOT_FOUND to change, FORBIDDEN (naming the field) to name in a write.

let service: ItcellTestService;
let tree: Awaited<ReturnType<typeof createPartyFixture>>;
let own: District;
let other: District;
let state: { team: string; drive: string; ownTarget: string };
let editor: string;
let viewer: string;

/** Every record the fixture makes in one district; `dead…` ones are soft-deleted (for restores). */
interface District {
  district: string;
  mandal: string;
  booth: string;
  spareBooth: string;
  /** Home in the mandal: convenor of the district and mandal teams, a cyber warrior at the booth. */
  member: string;
  /** Home in the district, in no team. */
  spare: string;
  team: string;
  mandalTeam: string;
  boothTeam: string;
  role: string;
  teamAccount: string;
  memberAccount: string;
  meeting: string;
  drive: string;
  report: string;
  deadTeam: string;
  deadRole: string;
  deadAccount: string;
  deadMeeting: string;
  deadDrive: string;
  deadReport: string;
}

type Errors = { errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };

const as = (token: string | undefined) => (token ? { token } : {});
const gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string) =>
  service.request<T>(query, variables, as(token));
const data = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string) =>
  service.data<T>(query, variables, as(token));

const typeName = (name: string) => name[0].toUpperCase() + name.slice(1);
const create = (type: string, input: Record<string, unknown>) => ({
  query: `mutation ($input: ${typeName(type)}Input!) { create${typeName(type)}(input: $input) { id } }`,
  variables: { input },
});
const update = (type: string, id: string, input: Record<string, unknown>) => ({
  query: `mutation ($id: ID!, $input: ${typeName(type)}UpdateInput!) { update${typeName(type)}(id: $id, input: $input) { id } }`,
  variables: { id, input },
});
const remove = (type: string, id: string) => ({
  query: `mutation ($id: ID!) { delete${typeName(type)}(id: $id) { id } }`,
  variables: { id },
});
const removeAll = (type: string, ids: string[]) => ({
  query: `mutation ($ids: [ID!]!) { delete${typeName(type)}s(ids: $ids) { id } }`,
  variables: { ids },
});
const restore = (type: string, id: string) => ({
  query: `mutation ($id: ID!) { restore${typeName(type)}(id: $id) { id } }`,
  variables: { id },
});
const attendees = (change: 'set' | 'add' | 'remove', id: string, memberIds: string[]) => ({
  query: `mutation ($id: ID!, $m: [ID!]!) { ${change}MeetingAttendees(id: $id, memberIds: $m) { id } }`,
  variables: { id, m: memberIds },
});
const setTargets = (driveId: string, targets: { unitId: string; target: number }[]) => ({
  query: `mutation ($id: ID!, $t: [DriveTargetInput!]!) { setDriveTargets(driveId: $id, targets: $t) { id } }`,
  variables: { id: driveId, t: targets },
});

/** Runs a write as the superadmin and returns the new record's id. */
async function write(operation: { query: string; variables: Record<string, unknown> }): Promise<string> {
  const result = await data<Record<string, { id: string }>>(operation.query, operation.variables);
  return Object.values(result)[0].id;
}

let handles = 0;
const handle = () => `scope_${++handles}`;

/** Writes as the superadmin, soft-deleting the record straight away (for the restores). */
async function dead(type: string, operation: { query: string; variables: Record<string, unknown> }): Promise<string> {
  const id = await write(operation);
  await write(remove(type, id));
  return id;
}

/** The records of one district, written in dependency order; each step's writes run concurrently. */
async function buildDistrict(index: number): Promise<District> {
  const [district, mandal, booth, spareBooth] = [
    tree.districts[index],
    tree.mandals[index],
    tree.booths[2 * index],
    tree.booths[2 * index + 1],
  ];
  const person = (fullName: string, unitId: string) =>
    createMember(service.membership, { organizationId: tree.organizationId, fullName, unitId });
  const team = (unitId: string, name: string) => write(create('socialTeam', { unitId, name }));
  const [member, spare, districtTeam, mandalTeam, boothTeam] = await Promise.all([
    person(`सदस्य ${index}`, mandal),
    person(`अतिरिक्त ${index}`, district),
    team(district, `जिला टीम ${index}`),
    team(mandal, `मंडल टीम ${index}`),
    team(booth, `बूथ टीम ${index}`),
  ]);
  const role = (teamId: string, memberId: string, kind: string) =>
    write(create('teamMember', { teamId, memberId, role: kind, since: '2018-06-01' }));
  const drive = (name: string, unitId: string, endsOn = '2018-09-30') =>
    write(create('outreachDrive', { kind: 'APP_ONBOARDING', name, unitId, startsOn: '2018-07-01', endsOn }));
  const meeting = (title: string, startsAt: string, attendeeIds: string[] = []) =>
    write(create('meeting', { kind: 'WORKSHOP', title, unitId: district, startsAt, attendeeIds }));
  const account = (input: Record<string, unknown>) => write(create('socialAccount', { platform: 'X', handle: handle(), ...input }));
  const report = (driveId: string, unitId: string, count: number) =>
    write(create('driveReport', { driveId, unitId, reportedOn: '2018-07-15', count, reportedById: member }));
  const [roleId, , , teamAccount, memberAccount, meetingId, driveId, deadTeam, deadRole, deadAccount, deadMeeting, deadDrive] =
    await Promise.all([
      role(districtTeam, member, 'CONVENOR'),
      role(mandalTeam, member, 'CONVENOR'),
      role(boothTeam, member, 'CYBER_WARRIOR'),
      account({ ownerTeamId: districtTeam }),
      account({ ownerMemberId: member }),
      meeting(`कार्यशाला ${index}`, '2018-08-01T10:00:00Z', [member]),
      drive(`अभियान ${index}`, district),
      dead('socialTeam', create('socialTeam', { unitId: spareBooth, name: 'पुरानी टीम', status: 'DORMANT' })),
      dead(
        'teamMember',
        create('teamMember', { teamId: districtTeam, memberId: spare, role: 'MEMBER', since: '2018-01-01', until: '2018-03-31' }),
      ),
      dead('socialAccount', create('socialAccount', { platform: 'X', handle: handle(), ownerTeamId: districtTeam })),
      dead('meeting', create('meeting', { kind: 'VOLUNTEER_MEET', title: 'रद्द', unitId: district, startsAt: '2018-08-02T10:00:00Z' })),
      dead(
        'outreachDrive',
        create('outreachDrive', { kind: 'OTHER', name: 'रद्द', unitId: district, startsOn: '2018-07-01', endsOn: '2018-07-31' }),
      ),
    ]);
  const [reportId, deadReport] = await Promise.all([
    report(driveId, mandal, 40),
    dead('driveReport', create('driveReport', { driveId, unitId: booth, reportedOn: '2018-07-20', count: 5, reportedById: member })),
    write(setTargets(driveId, [{ unitId: mandal, target: 100 }])),
  ]);
  return {
    district,
    mandal,
    booth,
    spareBooth,
    member,
    spare,
    team: districtTeam,
    mandalTeam,
    boothTeam,
    role: roleId,
    teamAccount,
    memberAccount,
    meeting: meetingId,
    drive: driveId,
    report: reportId,
    deadTeam,
    deadRole,
    deadAccount,
    deadMeeting,
    deadDrive,
    deadReport,
  };
}

/** A team and a drive at the state, above both districts, with the drive's target for each district. */
async function buildState(): Promise<typeof state> {
  const [team, drive] = await Promise.all([
    write(create('socialTeam', { unitId: tree.state, name: 'प्रदेश टीम' })),
    write(
      create('outreachDrive', {
        kind: 'VOTER_REGISTRATION',
        name: 'प्रदेश अभियान',
        unitId: tree.state,
        startsOn: '2018-07-01',
        endsOn: '2018-12-31',
      }),
    ),
  ]);
  const [own, other] = [tree.districts[0], tree.districts[1]];
  await write(
    setTargets(drive, [
      { unitId: own, target: 500 },
      { unitId: other, target: 700 },
    ]),
  );
  const targets: { id: string; unit_id: string }[] = await service.dataSource.query(
    'SELECT id, unit_id FROM drive_target WHERE drive_id = $1',
    [drive],
  );
  return { team, drive, ownTarget: targets.find((target) => target.unit_id === own)!.id };
}

beforeAll(async () => {
  service = await startItcellTestService('scope');
  tree = await createPartyFixture(service.membership, 'S');
  const token = async (role: 'EDITOR' | 'VIEWER') => (await accountToken(service.membership, role, tree.districts[0])).token;
  [own, other, state, editor, viewer] = await Promise.all([
    buildDistrict(0),
    buildDistrict(1),
    buildState(),
    token('EDITOR'),
    token('VIEWER'),
  ]);
});
afterAll(() => service.stop());

const sorted = (ids: string[]) => [...ids].sort();

/** `{ total, ids }` of a list query, as someone. */
async function listed(list: string, filter: Record<string, unknown>, token?: string): Promise<{ total: number; ids: string[] }> {
  const filterType = `${typeName(list).replace(/s$/, '')}Filter`;
  const result = await data<Record<string, { total: number; items: { id: string }[] }>>(
    `query ($f: ${filterType}) { ${list}(filter: $f, page: { limit: 500 }) { total items { id } } }`,
    { f: filter },
    token,
  );
  return { total: result[list].total, ids: sorted(result[list].items.map((item) => item.id)) };
}

const seen = (ids: string[]) => ({ total: ids.length, ids: sorted(ids) });
const NOTHING = { total: 0, ids: [] };

/** A hash of every row of every itcell table: equal before and after means nothing was written. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = [
    'social_team',
    'team_member',
    'social_account',
    'meeting',
    'meeting_attendee',
    'outreach_drive',
    'drive_target',
    'drive_report',
  ];
  const hashes: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await service.dataSource.query(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
    );
    hashes[table] = row.h;
  }
  return hashes;
}

/** The first error's code and fields (null when the operation succeeded). */
const outcome = (result: Errors) => {
  const error = result.errors?.[0];
  if (!error) return null;
  const { code, fields } = error.extensions ?? {};
  return fields ? { code, fields } : { code };
};

describe('an editor scoped to one district', () => {
  it('lists and counts only the records of that district', async () => {
    const lists: [string, string[]][] = [
      ['socialTeams', [own.team, own.mandalTeam, own.boothTeam]],
      ['teamMembers', await roleIds(own)],
      ['socialAccounts', [own.teamAccount, own.memberAccount]],
      ['meetings', [own.meeting]],
      ['outreachDrives', [own.drive]],
      ['driveReports', [own.report]],
      // The state drive's target for the district lies within it; the drive itself does not.
      ['driveTargets', [...(await targetIds(own.drive)), state.ownTarget]],
    ];
    const found = await Promise.all(lists.map(async ([list]) => [list, await listed(list, {}, editor)]));
    expect(found).toEqual(lists.map(([list, ids]) => [list, seen(ids)]));
    // The superadmin sees both districts (and the state): the records are there.
    for (const [list, ids] of lists) expect([list, (await listed(list, {})).total > ids.length]).toEqual([list, true]);
    // Filters naming the other district find nothing, whatever the filter.
    const filtered: [string, Record<string, unknown>][] = [
      ['socialTeams', { withinUnit: other.district }],
      ['socialTeams', { ids: [other.team, state.team] }],
      ['socialTeams', { unitId: tree.state }],
      ['teamMembers', { teamId: other.team }],
      ['teamMembers', { memberId: other.member }],
      ['teamMembers', { withinUnit: other.district }],
      ['socialAccounts', { ownerMemberId: other.member }],
      ['socialAccounts', { ownerTeamId: other.team }],
      ['meetings', { attendeeId: other.member }],
      ['meetings', { withinUnit: other.district }],
      ['outreachDrives', { ids: [other.drive, state.drive] }],
      ['driveReports', { driveId: other.drive }],
      ['driveTargets', { driveId: other.drive }],
      ['driveTargets', { withinUnit: other.district }],
    ];
    const none = await Promise.all(filtered.map(async ([list, filter]) => [list, filter, await listed(list, filter, editor)]));
    expect(none).toEqual(filtered.map(([list, filter]) => [list, filter, NOTHING]));
    // Within the state: only the district's own.
    expect(await listed('socialTeams', { withinUnit: tree.state }, editor)).toEqual(seen([own.team, own.mandalTeam, own.boothTeam]));
  });

  it('reads null by id and as a federation reference outside the district', async () => {
    const byId: [string, string, string][] = [
      ['socialTeam', own.team, other.team],
      ['teamMember', own.role, other.role],
      ['socialAccount', own.memberAccount, other.memberAccount],
      ['meeting', own.meeting, other.meeting],
      ['outreachDrive', own.drive, other.drive],
      ['driveReport', own.report, other.report],
    ];
    const read = async (field: string, id: string) =>
      (await data<Record<string, { id: string } | null>>(`query ($id: ID!) { ${field}(id: $id) { id } }`, { id }, editor))[field];
    const reads = await Promise.all(byId.map(async ([field, mine, theirs]) => [field, await read(field, mine), await read(field, theirs)]));
    expect(reads).toEqual(byId.map(([field, mine]) => [field, { id: mine }, null]));
    expect(await data(`query ($id: ID!) { socialTeam(id: $id) { id } }`, { id: state.team }, editor)).toEqual({ socialTeam: null });
    expect(await data(`query ($id: ID!) { outreachDrive(id: $id) { id } }`, { id: state.drive }, editor)).toEqual({ outreachDrive: null });

    const entities = await data<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on SocialTeam { id accounts { id } members { total } }
        ... on Meeting { id attendeeCount }
        ... on OutreachDrive { id progress { target } } } }`,
      {
        r: [
          ...[own.team, other.team, state.team].map((id) => ({ __typename: 'SocialTeam', id })),
          ...[own.meeting, other.meeting].map((id) => ({ __typename: 'Meeting', id })),
          ...[own.drive, other.drive, state.drive].map((id) => ({ __typename: 'OutreachDrive', id })),
        ],
      },
      editor,
    );
    expect(entities._entities).toEqual([
      { id: own.team, accounts: [{ id: own.teamAccount }], members: { total: 1 } },
      null,
      null,
      { id: own.meeting, attendeeCount: 1 },
      null,
      { id: own.drive, progress: { target: 100 } },
      null,
      null,
    ]);
  });

  it('adds nothing of the other district to its Member and OrgUnit references', async () => {
    const stubs = await data<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Member { id socialRoles { id team { id } } socialAccounts { id } }
        ... on OrgUnit { id socialTeam { id } } } }`,
      {
        r: [
          ...[own.member, other.member].map((id) => ({ __typename: 'Member', id })),
          ...[own.district, other.district, tree.state].map((id) => ({ __typename: 'OrgUnit', id })),
        ],
      },
      editor,
    );
    // The first member's roles, in the teams of the district (checked below; their order is the loader's).
    const roles = (stubs._entities[0] as { socialRoles: { id: string; team: { id: string } }[] }).socialRoles;
    expect(sorted(roles.map((role) => role.team.id))).toEqual(sorted([own.team, own.mandalTeam, own.boothTeam]));
    expect(stubs._entities).toEqual([
      { id: own.member, socialRoles: roles, socialAccounts: [{ id: own.memberAccount }] },
      { id: other.member, socialRoles: [], socialAccounts: [] },
      { id: own.district, socialTeam: { id: own.team } },
      { id: other.district, socialTeam: null },
      { id: tree.state, socialTeam: null },
    ]);
    // The superadmin sees the other district's data on the same references.
    const all = await data<{ _entities: { socialRoles: unknown[]; socialAccounts: unknown[] }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { socialRoles { id } socialAccounts { id } } } }`,
      { r: [{ __typename: 'Member', id: other.member }] },
    );
    expect(all._entities[0].socialRoles).toHaveLength(3);
    expect(all._entities[0].socialAccounts).toHaveLength(1);
  });

  it('gets roll-ups for its district and below, NOT_FOUND for any other unit', async () => {
    const coverage = (unitId: string, token?: string) =>
      gql<{ _entities: ({ itCoverage: Record<string, unknown> } | null)[] }>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { itCoverage(level: "mandal") { units unitsWithConvenor booths boothsWithCyberWarrior } } } }`,
        { r: [{ __typename: 'OrgUnit', id: unitId }] },
        token,
      );
    const mine = { units: 1, unitsWithConvenor: 1, booths: 2, boothsWithCyberWarrior: 1 };
    expect((await coverage(own.district, editor)).data?._entities).toEqual([{ itCoverage: mine }]);
    expect((await coverage(own.mandal, editor)).data?._entities).toEqual([{ itCoverage: mine }]);
    for (const unit of [other.district, tree.regions[0], tree.state]) {
      const refused = await coverage(unit, editor);
      // The unit is there; its coverage (nullable, so one refused field spares the rest) is null.
      expect(refused.data?._entities).toEqual([{ itCoverage: null }]);
      expect(refused.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([['NOT_FOUND', ['_entities', 0, 'itCoverage']]]);
    }
    // The state's figures count both districts for the superadmin.
    expect((await coverage(tree.state)).data?._entities).toEqual([
      { itCoverage: { units: 4, unitsWithConvenor: 2, booths: 8, boothsWithCyberWarrior: 2 } },
    ]);

    const drive = await data<{ outreachDrive: unknown }>(
      `query ($id: ID!) { outreachDrive(id: $id) { progress { target achieved } progressByUnit(level: "mandal") { unitId target achieved } } }`,
      { id: own.drive },
      editor,
    );
    expect(drive.outreachDrive).toEqual({
      progress: { target: 100, achieved: 40 },
      progressByUnit: [{ unitId: own.mandal, target: 100, achieved: 40 }],
    });
    // A target of the state drive lies in the district, the drive does not: its `drive` is null.
    const target = await gql<{ driveTargets: { items: { id: string; drive: null }[] } }>(
      `query ($ids: [ID!]) { driveTargets(filter: { ids: $ids }) { items { id target drive { id } } } }`,
      { ids: [state.ownTarget] },
      editor,
    );
    expect(target.errors).toBeUndefined();
    expect(target.data?.driveTargets.items.map((item) => item.drive)).toEqual([null]);
    expect(await listed('driveTargets', { ids: [state.ownTarget] }, editor)).toEqual(seen([state.ownTarget]));
  });

  it('is refused every write that reaches outside the district, and nothing changes', async () => {
    const forbidden = (...fields: string[]) => ({
      code: 'FORBIDDEN',
      fields: Object.fromEntries(fields.map((field) => [field, expect.any(String)])),
    });
    const NOT_FOUND = { code: 'NOT_FOUND' };
    const missing = (type: string, index: number, id: string) => ({
      code: 'BAD_USER_INPUT',
      fields: { [`ids.${index}`]: `no ${type} with id ${id}` },
    });
    const writes: [string, { query: string; variables: Record<string, unknown> }, unknown][] = [
      // Teams
      ['team in the other district', create('socialTeam', { unitId: other.spareBooth, name: 'X' }), forbidden('unitId')],
      ['team at the region above', create('socialTeam', { unitId: tree.regions[0], name: 'X' }), forbidden('unitId')],
      ['update their team', update('socialTeam', other.team, { name: 'X' }), NOT_FOUND],
      ['update the state team', update('socialTeam', state.team, { name: 'X' }), NOT_FOUND],
      ['delete their team', remove('socialTeam', other.boothTeam), NOT_FOUND],
      ['delete teams, one theirs', removeAll('socialTeam', [own.team, other.team]), missing('SocialTeam', 1, other.team)],
      ['restore their team', restore('socialTeam', other.deadTeam), NOT_FOUND],
      // Roles
      ['role in their team', create('teamMember', { teamId: other.team, memberId: own.spare, role: 'MEMBER' }), forbidden('teamId')],
      ['their member in my team', create('teamMember', { teamId: own.team, memberId: other.spare, role: 'MEMBER' }), forbidden('memberId')],
      ['update their role', update('teamMember', other.role, { until: '2020-12-31' }), NOT_FOUND],
      ['delete their role', remove('teamMember', other.role), NOT_FOUND],
      ['delete roles, one theirs', removeAll('teamMember', [own.role, other.role]), missing('TeamMember', 1, other.role)],
      ['restore their role', restore('teamMember', other.deadRole), NOT_FOUND],
      // Accounts
      [
        'account of their team',
        create('socialAccount', { platform: 'X', handle: handle(), ownerTeamId: other.team }),
        forbidden('ownerTeamId'),
      ],
      [
        'account of their member',
        create('socialAccount', { platform: 'X', handle: handle(), ownerMemberId: other.member }),
        forbidden('ownerMemberId'),
      ],
      [
        'account of my member in no team',
        create('socialAccount', { platform: 'X', handle: handle(), ownerMemberId: own.spare }),
        { code: 'FORBIDDEN', fields: { ownerMemberId: 'holds no role in a social-media team within your scope' } },
      ],
      ['update their account', update('socialAccount', other.teamAccount, { followers: 1 }), NOT_FOUND],
      ['update their member’s account', update('socialAccount', other.memberAccount, { followers: 1 }), NOT_FOUND],
      ['hand my account to their team', update('socialAccount', own.teamAccount, { ownerTeamId: other.team }), forbidden('ownerTeamId')],
      [
        'hand my account to their member',
        update('socialAccount', own.teamAccount, { ownerMemberId: other.member }),
        forbidden('ownerMemberId'),
      ],
      [
        'hand my account to my member in no team',
        update('socialAccount', own.teamAccount, { ownerMemberId: own.spare, followers: 99 }),
        { code: 'FORBIDDEN', fields: { ownerMemberId: 'holds no role in a social-media team within your scope' } },
      ],
      ['delete their account', remove('socialAccount', other.memberAccount), NOT_FOUND],
      [
        'delete accounts, one theirs',
        removeAll('socialAccount', [own.teamAccount, other.teamAccount]),
        missing('SocialAccount', 1, other.teamAccount),
      ],
      ['restore their account', restore('socialAccount', other.deadAccount), NOT_FOUND],
      // Meetings and attendance
      [
        'meeting in their district',
        create('meeting', { kind: 'WORKSHOP', title: 'X', unitId: other.district, startsAt: '2018-08-01T10:00:00Z' }),
        forbidden('unitId'),
      ],
      [
        'my meeting with their people',
        create('meeting', {
          kind: 'WORKSHOP',
          title: 'X',
          unitId: own.district,
          startsAt: '2018-08-01T10:00:00Z',
          chairId: other.member,
          attendeeIds: [own.spare, other.spare],
          sessions: [{ title: 'X', speakerIds: [own.member, other.member] }],
        }),
        forbidden('chairId', 'attendeeIds.1', 'sessions.0.speakerIds.1'),
      ],
      ['update their meeting', update('meeting', other.meeting, { title: 'X' }), NOT_FOUND],
      ['move my meeting to them', update('meeting', own.meeting, { unitId: other.district }), forbidden('unitId')],
      ['move my meeting up', update('meeting', own.meeting, { unitId: tree.state }), forbidden('unitId')],
      ['set their attendance', attendees('set', other.meeting, [own.spare]), NOT_FOUND],
      ['add to their attendance', attendees('add', other.meeting, [own.spare]), NOT_FOUND],
      ['remove from their attendance', attendees('remove', other.meeting, [other.member]), NOT_FOUND],
      ['add their people to mine', attendees('add', own.meeting, [own.spare, other.spare]), forbidden('memberIds.1')],
      ['set their people on mine', attendees('set', own.meeting, [other.spare]), forbidden('memberIds.0')],
      ['delete their meeting', remove('meeting', other.meeting), NOT_FOUND],
      ['delete meetings, one theirs', removeAll('meeting', [own.meeting, other.meeting]), missing('Meeting', 1, other.meeting)],
      ['restore their meeting', restore('meeting', other.deadMeeting), NOT_FOUND],
      // Drives and targets
      [
        'drive in their district',
        create('outreachDrive', { kind: 'OTHER', name: 'X', unitId: other.district, startsOn: '2018-07-01', endsOn: '2018-07-31' }),
        forbidden('unitId'),
      ],
      ['update their drive', update('outreachDrive', other.drive, { name: 'X' }), NOT_FOUND],
      ['update the state drive', update('outreachDrive', state.drive, { name: 'X' }), NOT_FOUND],
      ['move my drive’s root up', update('outreachDrive', own.drive, { unitId: tree.regions[0] }), forbidden('unitId')],
      ['targets of their drive', setTargets(other.drive, [{ unitId: own.mandal, target: 1 }]), NOT_FOUND],
      ['targets of the state drive', setTargets(state.drive, [{ unitId: own.district, target: 1 }]), NOT_FOUND],
      [
        'my drive’s targets in their district',
        setTargets(own.drive, [
          { unitId: own.mandal, target: 1 },
          { unitId: other.mandal, target: 1 },
        ]),
        forbidden('targets.1.unitId'),
      ],
      ['delete their drive', remove('outreachDrive', other.drive), NOT_FOUND],
      ['delete drives, one theirs', removeAll('outreachDrive', [own.drive, other.drive]), missing('OutreachDrive', 1, other.drive)],
      ['restore their drive', restore('outreachDrive', other.deadDrive), NOT_FOUND],
      // Reports
      [
        'report on their drive',
        create('driveReport', { driveId: other.drive, unitId: own.mandal, reportedOn: '2018-07-16', count: 1, reportedById: own.member }),
        forbidden('driveId'),
      ],
      [
        'report on the state drive',
        create('driveReport', { driveId: state.drive, unitId: own.mandal, reportedOn: '2018-07-16', count: 1, reportedById: own.member }),
        forbidden('driveId'),
      ],
      [
        'report on my drive from their district',
        create('driveReport', { driveId: own.drive, unitId: other.mandal, reportedOn: '2018-07-16', count: 1, reportedById: other.member }),
        forbidden('unitId', 'reportedById'),
      ],
      ['update their report', update('driveReport', other.report, { count: 1 }), NOT_FOUND],
      ['move my report to them', update('driveReport', own.report, { unitId: other.mandal }), forbidden('unitId')],
      ['my report by their member', update('driveReport', own.report, { reportedById: other.member }), forbidden('reportedById')],
      ['delete their report', remove('driveReport', other.report), NOT_FOUND],
      ['delete reports, one theirs', removeAll('driveReport', [own.report, other.report]), missing('DriveReport', 1, other.report)],
      ['restore their report', restore('driveReport', other.deadReport), NOT_FOUND],
    ];
    const before = await fingerprint();
    // All at once: each is refused whatever the others do.
    const outcomes = await Promise.all(
      writes.map(async ([label, operation]) => [label, outcome(await gql(operation.query, operation.variables, editor))]),
    );
    expect(outcomes).toEqual(writes.map(([label, , expected]) => [label, expected]));
    expect(await fingerprint()).toEqual(before);
  });

  it('writes within its own district (the controls)', async () => {
    const writes: [string, { query: string; variables: Record<string, unknown> }][] = [
      ['team', create('socialTeam', { unitId: own.spareBooth, name: 'नई बूथ टीम' })],
      ['update team', update('socialTeam', own.team, { name: 'जिला टीम (नया नाम)' })],
      ['role', create('teamMember', { teamId: own.mandalTeam, memberId: own.spare, role: 'MEMBER' })],
      ['update role', update('teamMember', own.role, { since: '2018-05-01' })],
      ['team account', create('socialAccount', { platform: 'X', handle: handle(), ownerTeamId: own.mandalTeam })],
      // own.spare now serves in the mandal team: an account of theirs lies in the district.
      ['member account', create('socialAccount', { platform: 'X', handle: handle(), ownerMemberId: own.spare })],
      ['hand an account to a member', update('socialAccount', own.teamAccount, { ownerMemberId: own.member })],
      ['hand it back to a team', update('socialAccount', own.teamAccount, { ownerTeamId: own.team })],
      [
        'meeting',
        create('meeting', {
          kind: 'PLANNING_MEETING',
          title: 'योजना',
          unitId: own.mandal,
          startsAt: '2018-09-01T10:00:00Z',
          chairId: own.member,
          attendeeIds: [own.member, own.spare],
          sessions: [{ title: 'स्वागत', speakerIds: [own.member] }],
        }),
      ],
      ['move meeting', update('meeting', own.meeting, { unitId: own.mandal })],
      ['add attendees', attendees('add', own.meeting, [own.spare])],
      ['remove attendees', attendees('remove', own.meeting, [own.spare])],
      ['set attendees', attendees('set', own.meeting, [own.member, own.spare])],
      [
        'drive',
        create('outreachDrive', { kind: 'OTHER', name: 'मंडल अभियान', unitId: own.mandal, startsOn: '2018-07-01', endsOn: '2018-07-31' }),
      ],
      ['update drive', update('outreachDrive', own.drive, { name: 'अभियान (नया नाम)' })],
      [
        'set targets',
        setTargets(own.drive, [
          { unitId: own.mandal, target: 120 },
          { unitId: own.booth, target: 30 },
        ]),
      ],
      [
        'report',
        create('driveReport', { driveId: own.drive, unitId: own.booth, reportedOn: '2018-07-16', count: 3, reportedById: own.spare }),
      ],
      ['update report', update('driveReport', own.report, { count: 45, unitId: own.booth })],
      ['restore team', restore('socialTeam', own.deadTeam)],
      ['restore role', restore('teamMember', own.deadRole)],
      ['restore account', restore('socialAccount', own.deadAccount)],
      ['restore meeting', restore('meeting', own.deadMeeting)],
      ['restore drive', restore('outreachDrive', own.deadDrive)],
      ['restore report', restore('driveReport', own.deadReport)],
      ['delete report', remove('driveReport', own.deadReport)],
      ['delete accounts', removeAll('socialAccount', [own.deadAccount, own.memberAccount])],
      ['delete meetings', removeAll('meeting', [own.deadMeeting])],
      ['delete drive', remove('outreachDrive', own.deadDrive)],
      ['delete role', remove('teamMember', own.deadRole)],
      ['delete team', remove('socialTeam', own.deadTeam)],
    ];
    const outcomes = [];
    for (const [label, operation] of writes) outcomes.push([label, outcome(await gql(operation.query, operation.variables, editor))]);
    expect(outcomes).toEqual(writes.map(([label]) => [label, null]));
    expect((await listed('socialAccounts', { ownerMemberId: own.spare }, editor)).total).toBe(1);
  });
});

describe('a viewer scoped to the district', () => {
  it('reads the district and may run no mutation at all', async () => {
    expect(await listed('socialTeams', {}, viewer)).toEqual(await listed('socialTeams', {}, editor));
    // Every mutation of the service's own schema (the service does not answer introspection, as in production).
    const schema = await buildModuleSchema(ITCELL_SERVICE.modules);
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThanOrEqual(30);
    const before = await fingerprint();
    const refused = await Promise.all(
      mutations.map(async (mutation) => {
        // Declared variables with no values: the access check runs before they are read.
        const parameters = mutation.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
        const args = mutation.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
        const result = await gql(
          `mutation ${parameters ? `(${parameters})` : ''} { ${mutation.name}${args ? `(${args})` : ''} { __typename } }`,
          {},
          viewer,
        );
        return [mutation.name, result.errors?.[0].extensions?.code, result.data ?? null];
      }),
    );
    expect(refused).toEqual(mutations.map((mutation) => [mutation.name, 'FORBIDDEN', null]));
    expect(await fingerprint()).toEqual(before);
  });
});

describe('units moving in membership', () => {
  it('take their teams out of the editor’s view when moved out of the district, and bring them in when moved in', async () => {
    const move = (unit: string, parent: string) =>
      service.membership.data(`mutation ($id: ID!, $p: ID!) { updateOrgUnit(id: $id, input: { parentId: $p }) { id } }`, {
        id: unit,
        p: parent,
      });
    const view = async () => ({
      teams: (await listed('socialTeams', { unitLevels: ['mandal', 'booth'] }, editor)).ids,
      reports: (await listed('driveReports', { driveId: own.drive }, editor)).total,
      mandalTeam: (await data<{ socialTeam: unknown }>(`query ($id: ID!) { socialTeam(id: $id) { id } }`, { id: own.mandalTeam }, editor))
        .socialTeam,
      theirMandalTeam: (
        await data<{ _entities: { socialTeam: { id: string } | null }[] }>(
          `query ($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { socialTeam { id } } } }`,
          { r: [{ __typename: 'OrgUnit', id: other.mandal }] },
          editor,
        )
      )._entities[0].socialTeam,
    });
    const before = await view();
    expect(before.mandalTeam).toEqual({ id: own.mandalTeam });
    expect(before.teams).toEqual(expect.arrayContaining([own.mandalTeam, own.boothTeam]));
    expect(before.theirMandalTeam).toBeNull();

    await move(own.mandal, other.district);
    await move(other.mandal, own.district);
    expect(await service.followUnitChanges()).toBeGreaterThanOrEqual(2);

    const after = await view();
    expect(after.mandalTeam).toBeNull();
    expect(after.teams).not.toEqual(expect.arrayContaining([own.mandalTeam]));
    expect(after.teams).not.toEqual(expect.arrayContaining([own.boothTeam]));
    expect(after.teams).toEqual(expect.arrayContaining([other.mandalTeam, other.boothTeam]));
    expect(after.theirMandalTeam).toEqual({ id: other.mandalTeam });
    // The district drive's reports were at the mandal and its booth: they left with them.
    expect(before.reports).toBeGreaterThan(0);
    expect(after.reports).toBe(0);
    // The moved-in team's roles came with it.
    expect((await listed('teamMembers', { teamId: other.mandalTeam }, editor)).total).toBe(1);
    expect((await listed('teamMembers', { teamId: own.mandalTeam }, editor)).total).toBe(0);
  });
});

async function roleIds(side: District): Promise<string[]> {
  const rows: { id: string }[] = await service.dataSource.query(
    `SELECT r.id FROM team_member r JOIN social_team t ON t.id = r.team_id WHERE t.id = ANY($1::uuid[]) AND r.deleted_at IS NULL`,
    [[side.team, side.mandalTeam, side.boothTeam]],
  );
  return rows.map((row) => row.id);
}

async function targetIds(driveId: string): Promise<string[]> {
  const rows: { id: string }[] = await service.dataSource.query('SELECT id FROM drive_target WHERE drive_id = $1 AND deleted_at IS NULL', [
    driveId,
  ]);
  return rows.map((row) => row.id);
}
