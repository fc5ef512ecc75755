import { createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { startItcellTestService, type ItcellTestService } from '../../test-support';

let service: ItcellTestService;
beforeAll(async () => {
  service = await startItcellTestService('social_account');
});
afterAll(() => service.stop());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const createTeam = async (unitId: string, name = 'आईटी टीम') =>
  (
    await service.data<{ createSocialTeam: { id: string } }>(
      `mutation ($input: SocialTeamInput!) { createSocialTeam(input: $input) { id } }`,
      { input: { unitId, name } },
    )
  ).createSocialTeam.id;

type Account = {
  id: string;
  version: number;
  organizationId: string;
  platform: string;
  handle: string;
  url: string | null;
  followers: number;
  verified: boolean;
  ownerMemberId: string | null;
  ownerTeamId: string | null;
};
const ACCOUNT_FIELDS = 'id version organizationId platform handle url followers verified ownerMemberId ownerTeamId';

const createAccount = (input: Record<string, unknown>) =>
  service.request<{ createSocialAccount: Account }>(
    `mutation ($input: SocialAccountInput!) { createSocialAccount(input: $input) { ${ACCOUNT_FIELDS} } }`,
    { input },
  );
const created = async (input: Record<string, unknown>) => {
  const result = await createAccount(input);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createSocialAccount;
};
const updateAccount = (id: string, input: Record<string, unknown>, expectedVersion?: number) =>
  service.request<{ updateSocialAccount: Account }>(
    `mutation ($id: ID!, $input: SocialAccountUpdateInput!, $v: Int) { updateSocialAccount(id: $id, input: $input, expectedVersion: $v) { ${ACCOUNT_FIELDS} } }`,
    { id, input, v: expectedVersion },
  );
const fieldsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => {
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  return result.errors?.[0].extensions?.fields;
};
const accountCount = async () => (await service.dataSource.query('SELECT count(*)::int AS n FROM social_account'))[0].n as number;

let tree: Awaited<ReturnType<typeof createPartyFixture>>;
let member: string;
let team: string;
beforeAll(async () => {
  tree = await createPartyFixture(service.membership, 'A');
  member = await createMember(service.membership, { organizationId: tree.organizationId, fullName: 'संजय राय', unitId: tree.districts[0] });
  team = await createTeam(tree.districts[0], 'जिला आईटी टीम');
});

describe('social accounts', () => {
  it('belongs to a member or a team, takes the owner’s organisation and derives the profile address', async () => {
    const own = await created({ platform: 'X', handle: '@SanjayRai_UP', ownerMemberId: member, followers: 1200 });
    expect(own).toMatchObject({
      organizationId: tree.organizationId,
      handle: 'SanjayRai_UP',
      url: 'https://x.com/SanjayRai_UP',
      followers: 1200,
      verified: false,
      ownerMemberId: member,
      ownerTeamId: null,
    });
    const teams = await created({ platform: 'FACEBOOK', handle: 'up.district.it', ownerTeamId: team, verified: true });
    expect(teams).toMatchObject({ organizationId: tree.organizationId, ownerMemberId: null, ownerTeamId: team, verified: true });

    const { socialAccount } = await service.data<{
      socialAccount: { ownerMember: { id: string } | null; ownerTeam: { id: string; accounts: { handle: string }[] } | null };
    }>(`query ($id: ID!) { socialAccount(id: $id) { ownerMember { id } ownerTeam { id accounts { handle } } } }`, { id: teams.id });
    expect(socialAccount).toEqual({ ownerMember: null, ownerTeam: { id: team, accounts: [{ handle: 'up.district.it' }] } });
    const { socialAccount: mine } = await service.data<{ socialAccount: { ownerMember: { id: string }; ownerTeam: null } }>(
      `query ($id: ID!) { socialAccount(id: $id) { ownerMember { id } ownerTeam { id } } }`,
      { id: own.id },
    );
    expect(mine).toEqual({ ownerMember: { id: member }, ownerTeam: null });
  });

  it('needs exactly one owner, live and known; writes nothing otherwise', async () => {
    const before = await accountCount();
    expect(fieldsOf(await createAccount({ platform: 'X', handle: 'nobody' }))).toEqual({
      ownerMemberId: 'give ownerMemberId or ownerTeamId',
      ownerTeamId: 'give ownerMemberId or ownerTeamId',
    });
    expect(fieldsOf(await createAccount({ platform: 'X', handle: 'both', ownerMemberId: member, ownerTeamId: team }))).toEqual({
      ownerMemberId: 'give either ownerMemberId or ownerTeamId, not both',
      ownerTeamId: 'give either ownerMemberId or ownerTeamId, not both',
    });
    expect(fieldsOf(await createAccount({ platform: 'X', handle: 'ghost', ownerMemberId: UNKNOWN }))).toEqual({
      ownerMemberId: `no Member with id ${UNKNOWN}`,
    });
    expect(fieldsOf(await createAccount({ platform: 'X', handle: 'ghost', ownerTeamId: UNKNOWN }))).toEqual({
      ownerTeamId: `no SocialTeam with id ${UNKNOWN}`,
    });
    expect(fieldsOf(await createAccount({ platform: 'X', handle: 'ghost', ownerTeamId: 'not-an-id' }))).toEqual({
      ownerTeamId: 'no SocialTeam with id not-an-id',
    });
    // Every bad field at once.
    expect(
      fieldsOf(
        await createAccount({ platform: 'X', handle: 'far too long for X!', ownerMemberId: UNKNOWN, followers: -1, url: 'ftp://x' }),
      ),
    ).toEqual({
      ownerMemberId: `no Member with id ${UNKNOWN}`,
      handle: 'an X handle is 1–15 letters, digits or underscores',
      url: 'must be an http:// or https:// address',
      followers: 'must be a whole number, 0 or more',
    });
    expect(await accountCount()).toBe(before);
  });

  it.each([
    ['X', '@Up_BJP4', 'Up_BJP4', 'https://x.com/Up_BJP4'],
    ['X', 'a', 'a', 'https://x.com/a'],
    ['INSTAGRAM', '@up.it_cell', 'up.it_cell', 'https://www.instagram.com/up.it_cell/'],
    ['YOUTUBE', 'UpItCell', '@UpItCell', 'https://www.youtube.com/@UpItCell'],
    ['YOUTUBE', '@up-it.cell_2', '@up-it.cell_2', 'https://www.youtube.com/@up-it.cell_2'],
    ['YOUTUBE', 'UC_x5XG1OV2P6uZZ5FSM9Ttw', 'UC_x5XG1OV2P6uZZ5FSM9Ttw', 'https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw'],
    ['FACEBOOK', 'up.it.cell', 'up.it.cell', 'https://www.facebook.com/up.it.cell'],
    ['TELEGRAM', '@up_it_cell', 'up_it_cell', 'https://t.me/up_it_cell'],
    ['WHATSAPP', '+91 98765 43210', '+919876543210', 'https://wa.me/919876543210'],
    ['SHARECHAT', 'मंडल_आईटी', 'मंडल_आईटी', `https://sharechat.com/profile/${encodeURIComponent('मंडल_आईटी')}`],
    ['OTHER', 'koo:up_it', 'koo:up_it', null],
  ])('accepts a %s handle %p as %p', async (platform, handle, stored, url) => {
    const account = await created({ platform, handle, ownerMemberId: member });
    expect({ handle: account.handle, url: account.url }).toEqual({ handle: stored, url });
  });

  it.each([
    ['X', 'sixteen_chars_xx', 'an X handle is 1–15 letters, digits or underscores'],
    ['X', 'with-dash', 'an X handle is 1–15 letters, digits or underscores'],
    ['X', '@', 'an X handle is 1–15 letters, digits or underscores'],
    ['INSTAGRAM', 'a'.repeat(31), 'an Instagram handle is 1–30 letters, digits, dots or underscores'],
    ['INSTAGRAM', 'no-dash', 'an Instagram handle is 1–30 letters, digits, dots or underscores'],
    ['YOUTUBE', '@ab', expect.stringContaining('a YouTube handle is "@" and 3–30')],
    ['YOUTUBE', `@${'a'.repeat(31)}`, expect.stringContaining('a YouTube handle is "@" and 3–30')],
    ['YOUTUBE', '@has space', expect.stringContaining('a YouTube handle')],
    ['FACEBOOK', 'abcd', 'a Facebook username is 5–50 letters, digits or dots'],
    ['FACEBOOK', 'under_score', 'a Facebook username is 5–50 letters, digits or dots'],
    ['TELEGRAM', 'abcd', 'a Telegram username is 5–32 letters, digits or underscores'],
    ['TELEGRAM', 'a'.repeat(33), 'a Telegram username is 5–32 letters, digits or underscores'],
    ['WHATSAPP', '9876543210', expect.stringContaining('international form')],
    ['WHATSAPP', '+91 12345', expect.stringContaining('international form')],
    ['WHATSAPP', 'not a phone', expect.stringContaining('international form')],
    ['SHARECHAT', 'two words', 'must be 1–50 characters without spaces'],
    ['SHARECHAT', 'x'.repeat(51), 'must be 1–50 characters without spaces'],
    ['OTHER', '   ', 'must not be empty'],
  ])('refuses a %s handle %p', async (platform, handle, message) => {
    const before = await accountCount();
    expect(fieldsOf(await createAccount({ platform, handle, ownerMemberId: member }))).toEqual({ handle: message });
    expect(await accountCount()).toBe(before);
  });

  it('refuses an address that is not http(s) and a negative follower count', async () => {
    const before = await accountCount();
    for (const url of ['javascript:alert(1)', 'ftp://example.org/x', 'www.example.org', 'https://']) {
      expect(fieldsOf(await createAccount({ platform: 'OTHER', handle: 'site', url, ownerMemberId: member }))).toEqual({
        url: 'must be an http:// or https:// address',
      });
    }
    expect(fieldsOf(await createAccount({ platform: 'OTHER', handle: 'site', followers: -5, ownerMemberId: member }))).toEqual({
      followers: 'must be a whole number, 0 or more',
    });
    expect(await accountCount()).toBe(before);
    const account = await created({ platform: 'OTHER', handle: 'site', url: ' http://example.org/up ', ownerMemberId: member });
    expect(account.url).toBe('http://example.org/up');
  });

  it('keeps a handle unique per platform among live accounts, ignoring case and "@"', async () => {
    const first = await created({ platform: 'INSTAGRAM', handle: 'Booth_Warriors', ownerMemberId: member });
    const before = await accountCount();
    expect(fieldsOf(await createAccount({ platform: 'INSTAGRAM', handle: '@booth_warriors', ownerTeamId: team }))).toEqual({
      handle: 'another account already has booth_warriors on INSTAGRAM',
    });
    expect(await accountCount()).toBe(before);
    // The same handle on another platform is another account.
    await created({ platform: 'X', handle: 'booth_warriors', ownerTeamId: team });
    // Deleting frees the handle; restoring is refused while someone else holds it.
    await service.data(`mutation ($id: ID!) { deleteSocialAccount(id: $id) { id } }`, { id: first.id });
    const second = await created({ platform: 'INSTAGRAM', handle: 'booth_warriors', ownerTeamId: team });
    const restore = await service.request(`mutation ($id: ID!) { restoreSocialAccount(id: $id) { id } }`, { id: first.id });
    expect(fieldsOf(restore)).toEqual({ handle: 'another live account now has Booth_Warriors on INSTAGRAM' });
    await service.data(`mutation ($id: ID!) { deleteSocialAccount(id: $id) { id } }`, { id: second.id });
    expect(
      (await service.request(`mutation ($id: ID!) { restoreSocialAccount(id: $id) { id } }`, { id: first.id })).errors,
    ).toBeUndefined();
    // An update may not take a handle either.
    const other = await created({ platform: 'INSTAGRAM', handle: 'another_one', ownerMemberId: member });
    expect(fieldsOf(await updateAccount(other.id, { handle: 'BOOTH_WARRIORS' }))).toEqual({
      handle: 'another account already has BOOTH_WARRIORS on INSTAGRAM',
    });
  });

  it('updates with expectedVersion, re-derives a derived address and keeps a custom one, and hands an account over', async () => {
    const account = await created({ platform: 'TELEGRAM', handle: 'mandal_one', ownerMemberId: member });
    const stale = await updateAccount(account.id, { followers: 10 }, account.version + 1);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const renamed = (await updateAccount(account.id, { handle: '@mandal_two', followers: 10 }, account.version)).data!.updateSocialAccount;
    expect(renamed).toMatchObject({ handle: 'mandal_two', url: 'https://t.me/mandal_two', followers: 10, version: account.version + 1 });
    const custom = (await updateAccount(account.id, { url: 'https://t.me/s/mandal_two' })).data!.updateSocialAccount;
    expect(custom.url).toBe('https://t.me/s/mandal_two');
    expect((await updateAccount(account.id, { handle: 'mandal_three' })).data!.updateSocialAccount.url).toBe('https://t.me/s/mandal_two');
    expect((await updateAccount(account.id, { url: '' })).data!.updateSocialAccount.url).toBe('https://t.me/mandal_three');
    // A platform change checks the handle against the new platform's rules.
    expect(fieldsOf(await updateAccount(account.id, { platform: 'FACEBOOK', handle: 'x' }))).toEqual({
      handle: 'a Facebook username is 5–50 letters, digits or dots',
    });

    const handedOver = (await updateAccount(account.id, { ownerTeamId: team })).data!.updateSocialAccount;
    expect(handedOver).toMatchObject({ ownerMemberId: null, ownerTeamId: team });
    const other = await createPartyFixture(service.membership, 'B');
    const stranger = await createMember(service.membership, {
      organizationId: other.organizationId,
      fullName: 'बाहरी',
      unitId: other.state,
    });
    const before = await service.dataSource.query('SELECT * FROM social_account WHERE id = $1', [account.id]);
    expect(fieldsOf(await updateAccount(account.id, { ownerMemberId: stranger }))).toEqual({
      ownerMemberId: 'belongs to another organisation',
    });
    expect(fieldsOf(await updateAccount(account.id, { ownerMemberId: member, ownerTeamId: team }))).toMatchObject({
      ownerMemberId: expect.stringContaining('not both'),
    });
    expect(await service.dataSource.query('SELECT * FROM social_account WHERE id = $1', [account.id])).toEqual(before);
  });

  it('lists with filters, sort and pages', async () => {
    const fixture = await createPartyFixture(service.membership, 'C');
    const sanjay = await createMember(service.membership, {
      organizationId: fixture.organizationId,
      fullName: 'संजय',
      unitId: fixture.state,
    });
    const stateTeam = await createTeam(fixture.state, 'प्रदेश टीम');
    const mandalTeam = await createTeam(fixture.mandals[2], 'मंडल टीम');
    const a = await created({ platform: 'X', handle: 'c_state', ownerTeamId: stateTeam, followers: 50000, verified: true });
    const b = await created({ platform: 'FACEBOOK', handle: 'c.mandal.page', ownerTeamId: mandalTeam, followers: 300 });
    const c = await created({ platform: 'X', handle: 'c_sanjay', ownerMemberId: sanjay, followers: 900 });
    const list = async (filter: Record<string, unknown>, sort?: unknown) =>
      (
        await service.data<{ socialAccounts: { items: { id: string }[]; total: number } }>(
          `query ($f: SocialAccountFilter, $s: [SocialAccountSort!]) { socialAccounts(filter: $f, sort: $s, page: { limit: 100 }) { items { id } total } }`,
          { f: filter, s: sort },
        )
      ).socialAccounts;
    const ids = async (filter: Record<string, unknown>, sort?: unknown) => (await list(filter, sort)).items.map((item) => item.id);
    const org = { organizationId: fixture.organizationId };
    expect(await ids(org, [{ field: 'followers', direction: 'DESC' }])).toEqual([a.id, c.id, b.id]);
    expect(await ids({ ...org, platforms: ['X'] }, [{ field: 'handle' }])).toEqual([c.id, a.id]);
    expect(await ids({ ownerMemberId: sanjay })).toEqual([c.id]);
    expect(await ids({ ownerTeamId: mandalTeam })).toEqual([b.id]);
    expect(await ids({ withinUnit: fixture.regions[1] })).toEqual([b.id]);
    expect((await ids({ withinUnit: fixture.state })).sort()).toEqual([a.id, b.id].sort());
    expect(await ids({ ...org, teamOwned: false })).toEqual([c.id]);
    expect(await ids({ ...org, verified: true })).toEqual([a.id]);
    expect((await ids({ ...org, minFollowers: 900 })).sort()).toEqual([a.id, c.id].sort());
    expect(await ids({ q: '@C_SAN' })).toEqual([c.id]);
    expect(await ids({ q: 'facebook.com/c.mandal' })).toEqual([b.id]);
    expect(await ids({ ids: [b.id, a.id] }, [{ field: 'handle' }])).toEqual([b.id, a.id]);
    const first = await service.data<{ socialAccounts: { items: { id: string }[]; nextCursor: string } }>(
      `query ($o: ID) { socialAccounts(filter: { organizationId: $o }, page: { limit: 2 }) { items { id } nextCursor } }`,
      { o: fixture.organizationId },
    );
    const second = await service.data<{ socialAccounts: { items: { id: string }[]; nextCursor: string | null } }>(
      `query ($o: ID, $after: String) { socialAccounts(filter: { organizationId: $o }, page: { limit: 2, after: $after }) { items { id } nextCursor } }`,
      { o: fixture.organizationId, after: first.socialAccounts.nextCursor },
    );
    expect([...first.socialAccounts.items, ...second.socialAccounts.items].map((item) => item.id)).toEqual([b.id, c.id, a.id]);
    expect(second.socialAccounts.nextCursor).toBeNull();
    const bad = await service.request(`{ socialAccounts(filter: { ownerTeamId: "nope" }) { total } }`);
    expect(fieldsOf(bad)).toEqual({ 'filter.ownerTeamId': '"nope" is not a valid id' });
  });

  it('deletes in bulk all or none, and a team that still owns accounts stays', async () => {
    const fixture = await createPartyFixture(service.membership, 'D');
    const owner = await createTeam(fixture.districts[1], 'टीम D');
    const one = await created({ platform: 'X', handle: 'd_one', ownerTeamId: owner });
    const two = await created({ platform: 'X', handle: 'd_two', ownerTeamId: owner });
    const blocked = await service.request(`mutation ($id: ID!) { deleteSocialTeam(id: $id) { id } }`, { id: owner });
    expect(fieldsOf(blocked)).toEqual({ id: 'टीम D still owns 2 social accounts; hand them to another owner or delete them first' });
    const partly = await service.request(`mutation ($ids: [ID!]!) { deleteSocialAccounts(ids: $ids) { id } }`, { ids: [one.id, UNKNOWN] });
    expect(fieldsOf(partly)).toEqual({ 'ids.1': `no SocialAccount with id ${UNKNOWN}` });
    const live = async () =>
      (
        await service.dataSource.query('SELECT count(*)::int AS n FROM social_account WHERE owner_team_id = $1 AND deleted_at IS NULL', [
          owner,
        ])
      )[0].n;
    expect(await live()).toBe(2);
    await service.data(`mutation ($ids: [ID!]!) { deleteSocialAccounts(ids: $ids) { id } }`, { ids: [one.id, two.id] });
    expect(await live()).toBe(0);
    expect((await service.request(`mutation ($id: ID!) { deleteSocialTeam(id: $id) { id } }`, { id: owner })).errors).toBeUndefined();
  });
});

describe('Member.socialAccounts and SocialTeam.accounts', () => {
  it('loads the accounts of any number of members with one query', async () => {
    const fixture = await createPartyFixture(service.membership, 'E');
    const members: string[] = [];
    for (let i = 0; i < 12; i++) {
      members.push(
        await createMember(service.membership, {
          organizationId: fixture.organizationId,
          fullName: `सदस्य ${i}`,
          unitId: fixture.booths[i % 8],
        }),
      );
    }
    for (const [i, id] of members.entries()) {
      if (i % 3 !== 2) await created({ platform: 'X', handle: `e_member_${i}`, ownerMemberId: id, followers: i });
    }
    await created({ platform: 'WHATSAPP', handle: '+91 98390 00001', ownerMemberId: members[0] });
    service.queryLog.clear();
    const { _entities } = await service.data<{ _entities: { id: string; socialAccounts: { platform: string; handle: string }[] }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id socialAccounts { platform handle } } } }`,
      { r: members.map((id) => ({ __typename: 'Member', id })) },
    );
    expect(_entities.map((entity) => entity.id)).toEqual(members);
    expect(_entities[0].socialAccounts).toEqual([
      { platform: 'WHATSAPP', handle: '+919839000001' },
      { platform: 'X', handle: 'e_member_0' },
    ]);
    expect(_entities[1].socialAccounts).toEqual([{ platform: 'X', handle: 'e_member_1' }]);
    expect(_entities[2].socialAccounts).toEqual([]);
    expect(service.queryLog.selectsFrom('social_account')).toHaveLength(1);
  });

  it('loads the accounts of every team in a list with one query', async () => {
    const fixture = await createPartyFixture(service.membership, 'F');
    const teams = [await createTeam(fixture.booths[0]), await createTeam(fixture.booths[1]), await createTeam(fixture.booths[2])];
    for (const [i, id] of teams.entries()) await created({ platform: 'TELEGRAM', handle: `f_booth_${i}`, ownerTeamId: id });
    service.queryLog.clear();
    const { socialTeams } = await service.data<{ socialTeams: { items: { id: string; accounts: { handle: string }[] }[] } }>(
      `query ($u: ID!) { socialTeams(filter: { withinUnit: $u }) { items { id accounts { handle } } } }`,
      { u: fixture.state },
    );
    expect(socialTeams.items.map((item) => item.accounts.map((account) => account.handle)).sort()).toEqual([
      ['f_booth_0'],
      ['f_booth_1'],
      ['f_booth_2'],
    ]);
    expect(service.queryLog.selectsFrom('social_account')).toHaveLength(1);
  });
});
