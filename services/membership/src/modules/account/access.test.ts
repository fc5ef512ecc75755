import { decodeJwt } from 'jose';
import {
  accountToken,
  createMember,
  createPartyFixture,
  signIn,
  startMembershipTestService,
  TEST_PASSWORD,
  type MembershipTestService,
} from '../../test-support';

let service: MembershipTestService;
let tree: Awaited<ReturnType<typeof createPartyFixture>>;
/** A member in each district: [0] is the editor's, [3] another region's. */
let members: string[];
beforeAll(async () => {
  service = await startMembershipTestService('access');
  tree = await createPartyFixture(service, 'S');
  members = [];
  for (const [index, district] of tree.districts.entries()) {
    members.push(
      await createMember(service, {
        organizationId: tree.organizationId,
        fullName: `सदस्य ${index}`,
        unitId: district,
        phone: `+9198765432${10 + index}`,
        email: `member${index}@example.org`,
        dateOfBirth: '1990-01-0' + (index + 1),
      }),
    );
  }
});
afterAll(() => service.stop());

const as = (token: string) => ({ token });
const error = (result: { errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[] }) => result.errors?.[0];

describe('a district editor', () => {
  let editor: { id: string; token: string };
  beforeAll(async () => {
    editor = await accountToken(service, 'EDITOR', tree.districts[0]);
  });

  it('lists, counts and reads only what lies in the district', async () => {
    const { members: page } = await service.data<{ members: { total: number; items: { id: string }[] } }>(
      `{ members(page: { limit: 100 }) { total items { id } } }`,
      undefined,
      as(editor.token),
    );
    expect(page.items.map((member) => member.id)).toEqual([members[0]]);
    expect(page.total).toBe(1);
    const units = await service.data<{ orgUnits: { items: { id: string }[] } }>(
      `{ orgUnits(page: { limit: 100 }) { items { id } } }`,
      undefined,
      as(editor.token),
    );
    expect(units.orgUnits.items.map((unit) => unit.id).sort()).toEqual(
      [tree.districts[0], tree.mandals[0], tree.booths[0], tree.booths[1]].sort(),
    );
    const other = await service.data<{ member: null; orgUnit: null }>(
      `query ($m: ID!, $u: ID!) { member(id: $m) { id } orgUnit(id: $u) { id } }`,
      { m: members[3], u: tree.state },
      as(editor.token),
    );
    expect(other).toEqual({ member: null, orgUnit: null });
    const { _entities } = await service.data<{ _entities: ({ id: string } | null)[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id } ... on OrgUnit { id } } }`,
      {
        r: [
          { __typename: 'Member', id: members[0] },
          { __typename: 'Member', id: members[3] },
          { __typename: 'OrgUnit', id: tree.regions[1] },
        ],
      },
      as(editor.token),
    );
    expect(_entities).toEqual([{ id: members[0] }, null, null]);
    // Its own unit's parent lies outside: null, not an error.
    const own = await service.data<{ orgUnit: { parent: null; ancestors: unknown[] } }>(
      `query ($u: ID!) { orgUnit(id: $u) { parent { id } ancestors { id } } }`,
      { u: tree.districts[0] },
      as(editor.token),
    );
    expect(own.orgUnit).toEqual({ parent: null, ancestors: [] });
  });

  it('cannot change, delete or restore what lies outside (NOT_FOUND), and nothing changes', async () => {
    for (const mutation of [
      `mutation ($id: ID!) { updateMember(id: $id, input: { fullName: "X" }) { id } }`,
      `mutation ($id: ID!) { deleteMember(id: $id) { id } }`,
      `mutation ($id: ID!) { restoreMember(id: $id) { id } }`,
    ]) {
      expect(error(await service.request(mutation, { id: members[3] }, as(editor.token)))?.extensions?.code).toBe('NOT_FOUND');
    }
    const [row] = await service.dataSource.query('SELECT full_name, deleted_at, version FROM member WHERE id = $1', [members[3]]);
    expect(row).toEqual({ full_name: 'सदस्य 3', deleted_at: null, version: 1 });
  });

  it('cannot create a record outside nor move one out: FORBIDDEN naming the field', async () => {
    const created = await service.request(
      `mutation ($input: MemberInput!) { createMember(input: $input) { id } }`,
      { input: { organizationId: tree.organizationId, fullName: 'बाहर', unitId: tree.districts[3] } },
      as(editor.token),
    );
    expect(error(created)?.extensions).toMatchObject({ code: 'FORBIDDEN', fields: { unitId: 'outside your scope' } });
    const moved = await service.request(
      `mutation ($id: ID!, $u: ID!) { updateMember(id: $id, input: { unitId: $u }) { id } }`,
      { id: members[0], u: tree.districts[1] },
      as(editor.token),
    );
    expect(error(moved)?.extensions).toMatchObject({ code: 'FORBIDDEN', fields: { unitId: 'outside your scope' } });
    const [row] = await service.dataSource.query('SELECT unit_id FROM member WHERE id = $1', [members[0]]);
    expect(row.unit_id).toBe(tree.districts[0]);
    expect(Number((await service.dataSource.query(`SELECT count(*) FROM member WHERE full_name = 'बाहर'`))[0].count)).toBe(0);
    // Control: inside the district it works.
    const inside = await service.data<{ createMember: { id: string } }>(
      `mutation ($input: MemberInput!) { createMember(input: $input) { id } }`,
      { input: { organizationId: tree.organizationId, fullName: 'भीतर', unitId: tree.booths[0] } },
      as(editor.token),
    );
    expect(inside.createMember.id).toEqual(expect.any(String));
  });

  it('sees personal details (editors contact members)', async () => {
    const { member } = await service.data<{ member: { phone: string; email: string; dateOfBirth: string } }>(
      `query ($id: ID!) { member(id: $id) { phone email dateOfBirth } }`,
      { id: members[0] },
      as(editor.token),
    );
    expect(member).toEqual({ phone: '+919876543210', email: 'member0@example.org', dateOfBirth: '1990-01-01' });
  });

  it('cannot manage accounts, units or organisations', async () => {
    for (const [query, variables] of [
      [`{ accounts { total } }`, {}],
      [`mutation ($u: ID!) { updateOrgUnit(id: $u, input: { name: "X" }) { id } }`, { u: tree.districts[0] }],
      [`mutation ($o: ID!) { updateOrganization(id: $o, input: { name: "X" }) { id } }`, { o: tree.organizationId }],
    ] as const) {
      expect(error(await service.request(query, variables, as(editor.token)))?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('a viewer', () => {
  it('reads without personal details: null with FORBIDDEN on each path, the rest intact', async () => {
    const viewer = await accountToken(service, 'VIEWER', tree.regions[0]);
    const result = await service.request<{ members: { items: { fullName: string; phone: null; email: null; dateOfBirth: null }[] } }>(
      `query ($ids: [ID!]) { members(filter: { ids: $ids }, sort: [{ field: fullName, direction: ASC }]) { items { fullName phone email dateOfBirth } } }`,
      { ids: members },
      as(viewer.token),
    );
    expect(result.data?.members.items).toEqual([
      { fullName: 'सदस्य 0', phone: null, email: null, dateOfBirth: null },
      { fullName: 'सदस्य 1', phone: null, email: null, dateOfBirth: null },
    ]);
    expect(result.errors).toHaveLength(6);
    for (const failure of result.errors!) {
      expect(failure.extensions?.code).toBe('FORBIDDEN');
      expect(['phone', 'email', 'dateOfBirth']).toContain(failure.path?.at(-1));
    }
  });

  it('writes nothing: every mutation is FORBIDDEN', async () => {
    const viewer = await accountToken(service, 'VIEWER', tree.districts[0]);
    const result = await service.request(
      `mutation ($id: ID!) { updateMember(id: $id, input: { fullName: "X" }) { id } }`,
      { id: members[0] },
      as(viewer.token),
    );
    expect(error(result)?.extensions?.code).toBe('FORBIDDEN');
    expect((await service.dataSource.query('SELECT version FROM member WHERE id = $1', [members[0]]))[0].version).toBeLessThan(3);
  });
});

describe('account management', () => {
  const CREATE = `mutation ($input: AccountInput!) { createAccount(input: $input) { id role scopeUnitId organizationId } }`;
  const input = (overrides: Record<string, unknown>) => ({
    email: `new.${Math.random().toString(36).slice(2)}@sangathan.test`,
    displayName: 'New',
    password: TEST_PASSWORD,
    role: 'EDITOR',
    scopeUnitId: null,
    ...overrides,
  });
  let admin: { id: string; token: string };
  beforeAll(async () => {
    admin = await accountToken(service, 'ADMIN', tree.regions[0]);
  });

  it('lets an admin create accounts within their scope, up to their own role', async () => {
    const { createAccount } = await service.data<{ createAccount: { role: string; organizationId: string } }>(
      CREATE,
      { input: input({ scopeUnitId: tree.districts[1], role: 'ADMIN' }) },
      as(admin.token),
    );
    expect(createAccount).toMatchObject({ role: 'ADMIN', organizationId: tree.organizationId });
  });

  it('refuses a role above their own or a scope outside theirs, naming the field, and creates nothing', async () => {
    const before = Number((await service.dataSource.query('SELECT count(*) FROM account'))[0].count);
    const above = await service.request(CREATE, { input: input({ role: 'SUPERADMIN' }) }, as(admin.token));
    expect(error(above)?.extensions).toMatchObject({ code: 'FORBIDDEN', fields: { role: expect.any(String) } });
    const outside = await service.request(CREATE, { input: input({ scopeUnitId: tree.districts[2] }) }, as(admin.token));
    expect(error(outside)?.extensions).toMatchObject({ code: 'FORBIDDEN', fields: { scopeUnitId: 'outside your scope' } });
    const wider = await service.request(CREATE, { input: input({ scopeUnitId: tree.state }) }, as(admin.token));
    expect(error(wider)?.extensions).toMatchObject({ code: 'FORBIDDEN', fields: { scopeUnitId: 'outside your scope' } });
    expect(Number((await service.dataSource.query('SELECT count(*) FROM account'))[0].count)).toBe(before);
  });

  it('checks passwords and emails', async () => {
    const short = await service.request(CREATE, { input: input({ scopeUnitId: tree.districts[0], password: 'Short-1' }) }, as(admin.token));
    expect(error(short)?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { password: expect.stringContaining('at least 10') },
    });
    const common = await service.request(
      CREATE,
      { input: input({ scopeUnitId: tree.districts[0], password: 'qwertyuiop' }) },
      as(admin.token),
    );
    expect(error(common)?.extensions).toMatchObject({ fields: { password: expect.stringContaining('common') } });
    const taken = await service.request(
      CREATE,
      { input: input({ scopeUnitId: tree.districts[0], email: service.admin.email.toUpperCase() }) },
      as(admin.token),
    );
    expect(error(taken)?.extensions).toMatchObject({ fields: { email: 'another account already uses this email' } });
  });

  it('never shows an admin the accounts outside their scope, nor lets them change one', async () => {
    const outsider = await accountToken(service, 'EDITOR', tree.districts[3]);
    const { accounts } = await service.data<{ accounts: { items: { id: string; scopeUnitId: string | null }[] } }>(
      `{ accounts(page: { limit: 500 }) { items { id scopeUnitId } } }`,
      undefined,
      as(admin.token),
    );
    const visible = new Set([
      tree.regions[0],
      tree.districts[0],
      tree.districts[1],
      tree.mandals[0],
      tree.mandals[1],
      ...tree.booths.slice(0, 4),
    ]);
    expect(accounts.items.length).toBeGreaterThan(0);
    for (const account of accounts.items) expect(visible.has(account.scopeUnitId!)).toBe(true);
    for (const id of [outsider.id, (decodeJwt(service.token!) as { sub: string }).sub]) {
      const reset = await service.request(
        `mutation ($id: ID!) { resetAccountPassword(id: $id, newPassword: "Taken-over-123") { id } }`,
        { id },
        as(admin.token),
      );
      expect(error(reset)?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(await signIn(service, outsider.email, TEST_PASSWORD)).toEqual(expect.any(String));
  });

  it('resetting a password ends the account’s sessions', async () => {
    const editor = await accountToken(service, 'EDITOR', tree.districts[0]);
    await service.data(
      `mutation ($id: ID!) { resetAccountPassword(id: $id, newPassword: "Reset-by-admin-1") { id } }`,
      { id: editor.id },
      as(admin.token),
    );
    expect((await service.request(`{ me { id } }`, undefined, as(editor.token))).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await signIn(service, editor.email, 'Reset-by-admin-1')).toEqual(expect.any(String));
  });
});

describe('partner tokens', () => {
  const CREATE = `mutation ($input: PartnerTokenInput!) { createPartnerToken(input: $input) { id secret scopes expiresAt } }`;

  it('shows the secret once, reads only its slice and scopes, and stops when revoked', async () => {
    const { createPartnerToken: created } = await service.data<{ createPartnerToken: { id: string; secret: string; scopes: string[] } }>(
      CREATE,
      {
        input: { name: 'Survey app', scopeUnitId: tree.regions[1], scopes: ['members:read'] },
      },
    );
    expect(created.secret).toMatch(/^sgp_[0-9a-f]{32}_/);
    const again = await service.data<{ partnerToken: { secret: null } }>(`query ($id: ID!) { partnerToken(id: $id) { secret } }`, {
      id: created.id,
    });
    expect(again.partnerToken.secret).toBeNull();

    const read = await service.request<{ members: { items: { id: string; phone: null }[] } }>(
      `{ members { items { id phone } } }`,
      undefined,
      as(created.secret),
    );
    expect(read.data?.members.items.map((member) => member.id).sort()).toEqual([members[2], members[3]].sort());
    expect(read.errors?.every((failure) => failure.extensions?.code === 'FORBIDDEN' && failure.path?.at(-1) === 'phone')).toBe(true);
    const write = await service.request(`mutation ($id: ID!) { deleteMember(id: $id) { id } }`, { id: members[2] }, as(created.secret));
    expect(error(write)?.extensions?.code).toBe('FORBIDDEN');
    expect(error(await service.request(`{ me { id } }`, undefined, as(created.secret)))?.extensions?.code).toBe('FORBIDDEN');

    const lastUsed = await service.data<{ partnerToken: { lastUsedAt: string } }>(
      `query ($id: ID!) { partnerToken(id: $id) { lastUsedAt } }`,
      { id: created.id },
    );
    expect(lastUsed.partnerToken.lastUsedAt).toEqual(expect.any(String));
    await service.data(`mutation ($id: ID!) { revokePartnerToken(id: $id) { revokedAt } }`, { id: created.id });
    expect(error(await service.request(`{ members { total } }`, undefined, as(created.secret)))?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses unknown scopes, a past expiry and a scope unit outside the admin’s own, and stops at expiry', async () => {
    const admin = await accountToken(service, 'ADMIN', tree.districts[0]);
    const bad = await service.request(
      CREATE,
      { input: { name: 'X', scopeUnitId: tree.districts[0], scopes: ['members:write', 'everything'], expiresAt: '2020-01-01T00:00:00Z' } },
      as(admin.token),
    );
    expect(error(bad)?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { scopes: expect.stringContaining('unknown scope'), expiresAt: 'must be in the future' },
    });
    const outside = await service.request(
      CREATE,
      { input: { name: 'X', scopeUnitId: tree.districts[1], scopes: ['members:read'] } },
      as(admin.token),
    );
    expect(error(outside)?.extensions).toMatchObject({ code: 'FORBIDDEN', fields: { scopeUnitId: 'outside your scope' } });

    const soon = new Date(Date.now() + 1500).toISOString();
    const { createPartnerToken: shortLived } = await service.data<{ createPartnerToken: { secret: string } }>(
      CREATE,
      { input: { name: 'Short', scopeUnitId: tree.districts[0], scopes: ['members:read'], expiresAt: soon } },
      as(admin.token),
    );
    expect(error(await service.request(`{ members { total } }`, undefined, as(shortLived.secret)))).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect(error(await service.request(`{ members { total } }`, undefined, as(shortLived.secret)))?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
