import { createMember, createPartyFixture, startMembershipTestService, type MembershipTestService } from '../../test-support';

let service: MembershipTestService;
beforeAll(async () => {
  service = await startMembershipTestService('member');
});
afterAll(() => service.stop());

const MEMBER_FIELDS = 'id version fullName fullNameLatin phone email membershipNumber joinedOn status tags unit { code }';
type MemberRow = {
  id: string;
  version: number;
  fullName: string;
  fullNameLatin: string;
  phone: string | null;
  membershipNumber: string;
  status: string;
};

async function search(organizationId: string, q: string) {
  const { members } = await service.data<{ members: { items: { fullName: string }[] } }>(
    `query ($org: ID!, $q: String) { members(filter: { organizationId: $org, q: $q }) { items { fullName } } }`,
    { org: organizationId, q },
  );
  return members.items.map((m) => m.fullName);
}

const memberCount = async () => (await service.dataSource.query('SELECT count(*)::int AS n FROM member'))[0].n as number;

describe('members', () => {
  it('stores the name as written, derives the Latin form, normalises the phone and generates a number', async () => {
    const tree = await createPartyFixture(service, 'A');
    const { createMember: member } = await service.data<{ createMember: MemberRow }>(
      `mutation ($input: MemberInput!) { createMember(input: $input) { ${MEMBER_FIELDS} } }`,
      {
        input: {
          organizationId: tree.organizationId,
          fullName: 'संजय राय',
          phone: '098123 45678',
          email: 'Sanjay@Example.org',
          unitId: tree.booths[0],
          tags: ['it-cell', ' it-cell ', 'youth'],
        },
      },
    );
    expect(member).toMatchObject({
      fullName: 'संजय राय',
      fullNameLatin: 'Sanjay Ray',
      phone: '+919812345678',
      email: 'sanjay@example.org',
      membershipNumber: 'TPA-0000001',
      status: 'ACTIVE',
      tags: ['it-cell', 'youth'],
      version: 1,
      unit: { code: 'R1-D1-M1-B1' },
    });
    const second = await service.data<{ createMember: MemberRow }>(
      `mutation ($input: MemberInput!) { createMember(input: $input) { membershipNumber } }`,
      { input: { organizationId: tree.organizationId, fullName: 'सुनीता देवी', unitId: tree.booths[0] } },
    );
    expect(second.createMember.membershipNumber).toBe('TPA-0000002');
  });

  it('finds Devanagari names from Latin queries and Vietnamese names without diacritics', async () => {
    const tree = await createPartyFixture(service, 'B');
    for (const fullName of ['संजय राय', 'अजय कुमार', 'Nguyễn Thanh Tâm', 'Nguyễn Văn Nam']) {
      await createMember(service, {
        organizationId: tree.organizationId,
        fullName,
        unitId: tree.booths[0],
        phone: fullName === 'अजय कुमार' ? '+919876500001' : undefined,
      });
    }
    expect(await search(tree.organizationId, 'sanjay')).toEqual(['संजय राय']);
    expect(await search(tree.organizationId, 'Sanjay Rai')).toEqual(['संजय राय']);
    expect(await search(tree.organizationId, 'संजय')).toEqual(['संजय राय']);
    expect(await search(tree.organizationId, 'nguyen thanh tam')).toEqual(['Nguyễn Thanh Tâm']);
    expect(await search(tree.organizationId, '98765')).toEqual(['अजय कुमार']);
    expect(await search(tree.organizationId, 'TPB-0000001')).toEqual(['संजय राय']);
    expect(await search(tree.organizationId, 'zzz')).toEqual([]);
  });

  it.each([
    ['an invalid phone', { phone: '12345' }, 'phone'],
    ['an unknown unit', { unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId'],
    ['a malformed unit id', { unitId: 'booth-1' }, 'unitId'],
    ['an empty name', { fullName: '   ' }, 'fullName'],
    ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['a duplicate membership number', { membershipNumber: 'TPC-0000001' }, 'membershipNumber'],
  ])('refuses %s with BAD_USER_INPUT on that field and writes nothing', async (_label, bad, field) => {
    const tree = await createPartyFixture(service, `C${field.length}${Object.keys(bad)[0].length}`.slice(0, 4));
    await createMember(service, {
      organizationId: tree.organizationId,
      fullName: 'पहला सदस्य',
      unitId: tree.booths[0],
      membershipNumber: 'TPC-0000001',
    });
    const before = await memberCount();
    const result = await service.request(`mutation ($input: MemberInput!) { createMember(input: $input) { id } }`, {
      input: { organizationId: tree.organizationId, fullName: 'राम', unitId: tree.booths[0], ...bad },
    });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors?.[0].extensions?.fields as object)).toEqual([field]);
    expect(await memberCount()).toBe(before);
  });

  it('refuses a unit of another organisation', async () => {
    const first = await createPartyFixture(service, 'D1');
    const other = await createPartyFixture(service, 'D2');
    const result = await service.request(`mutation ($input: MemberInput!) { createMember(input: $input) { id } }`, {
      input: { organizationId: first.organizationId, fullName: 'राम', unitId: other.booths[0] },
    });
    expect(result.errors?.[0].extensions?.fields).toEqual({ unitId: 'belongs to another organisation' });
  });

  it('updates with expectedVersion; a stale version is a CONFLICT that changes nothing', async () => {
    const tree = await createPartyFixture(service, 'E');
    const id = await createMember(service, { organizationId: tree.organizationId, fullName: 'राम लाल', unitId: tree.booths[0] });
    const updated = await service.data<{ updateMember: MemberRow }>(
      `mutation ($id: ID!) { updateMember(id: $id, input: { fullName: "श्याम लाल", status: SUSPENDED }, expectedVersion: 1) { ${MEMBER_FIELDS} } }`,
      { id },
    );
    expect(updated.updateMember).toMatchObject({ fullName: 'श्याम लाल', fullNameLatin: 'Shyam Lal', status: 'SUSPENDED', version: 2 });
    const stale = await service.request(
      `mutation ($id: ID!) { updateMember(id: $id, input: { fullName: "कोई और" }, expectedVersion: 1) { id } }`,
      { id },
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
    const badPhone = await service.request(
      `mutation ($id: ID!) { updateMember(id: $id, input: { phone: "abc", fullName: "नया" }, expectedVersion: 2) { id } }`,
      { id },
    );
    expect(badPhone.errors?.[0].extensions?.fields).toEqual({ phone: expect.any(String) });
    const { member } = await service.data<{ member: MemberRow }>(`query ($id: ID!) { member(id: $id) { ${MEMBER_FIELDS} } }`, { id });
    expect(member).toMatchObject({ fullName: 'श्याम लाल', version: 2 });
  });

  it('pages with a keyset cursor through the same rows, in the same order, as offset paging; total is exact', async () => {
    const tree = await createPartyFixture(service, 'F');
    const names = ['अ', 'ब', 'क', 'द', 'Minh', 'An', 'Bảo', 'Zed'];
    for (let i = 0; i < 23; i++) {
      await createMember(service, {
        organizationId: tree.organizationId,
        fullName: `${names[i % names.length]} ${i % 3}`,
        unitId: tree.booths[i % 8],
        dateOfBirth: i % 4 ? `19${70 + i}-01-01` : undefined,
      });
    }
    for (const sort of [
      [{ field: 'fullNameLatin', direction: 'ASC' }],
      [{ field: 'createdAt', direction: 'DESC' }],
      [
        { field: 'dateOfBirth', direction: 'DESC' },
        { field: 'fullName', direction: 'ASC' },
      ],
    ]) {
      const query = `query ($org: ID!, $sort: [MemberSort!], $page: PageInput) { members(filter: { organizationId: $org }, sort: $sort, page: $page) { total nextCursor items { id } } }`;
      const all = await service.data<{ members: { items: { id: string }[]; total: number } }>(query, {
        org: tree.organizationId,
        sort,
        page: { limit: 100 },
      });
      expect(all.members.total).toBe(23);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: { members: { items: { id: string }[]; total: number; nextCursor: string | null } } = await service.data(query, {
          org: tree.organizationId,
          sort,
          page: { limit: 5, after },
        });
        expect(page.members.total).toBe(23);
        seen.push(...page.members.items.map((m) => m.id));
        after = page.members.nextCursor;
      } while (after);
      expect(seen).toEqual(all.members.items.map((m) => m.id));
      const offsetPage = await service.data<{ members: { items: { id: string }[] } }>(query, {
        org: tree.organizationId,
        sort,
        page: { limit: 5, offset: 10 },
      });
      expect(offsetPage.members.items.map((m) => m.id)).toEqual(seen.slice(10, 15));
    }
  });

  it('pages through search results with a cursor in the same order as one large page', async () => {
    const tree = await createPartyFixture(service, 'K');
    for (let i = 0; i < 12; i++) {
      await createMember(service, {
        organizationId: tree.organizationId,
        fullName: i % 2 ? `संजय ${i}` : `Sanjay ${String.fromCharCode(65 + i)}`,
        unitId: tree.booths[i % 8],
      });
    }
    await createMember(service, { organizationId: tree.organizationId, fullName: 'अजय', unitId: tree.booths[0] });
    for (const sort of [[{ field: 'fullNameLatin', direction: 'ASC' }], [{ field: 'joinedOn', direction: 'DESC' }]]) {
      const query = `query ($org: ID!, $sort: [MemberSort!], $page: PageInput) { members(filter: { organizationId: $org, q: "sanjay" }, sort: $sort, page: $page) { total nextCursor items { id } } }`;
      type Result = { members: { items: { id: string }[]; total: number; nextCursor: string | null } };
      const all = await service.data<Result>(query, { org: tree.organizationId, sort, page: { limit: 100 } });
      expect(all.members.total).toBe(12);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: Result = await service.data<Result>(query, { org: tree.organizationId, sort, page: { limit: 5, after } });
        seen.push(...page.members.items.map((m) => m.id));
        after = page.members.nextCursor;
      } while (after);
      expect(seen).toEqual(all.members.items.map((m) => m.id));
    }
  });

  it('counts the total only when the client asks for it', async () => {
    const tree = await createPartyFixture(service, 'T');
    await createMember(service, { organizationId: tree.organizationId, fullName: 'गिनती', unitId: tree.booths[0] });
    const counts = () => service.queryLog.queries.filter((query) => /SELECT COUNT\(/i.test(query)).length;
    service.queryLog.clear();
    await service.data(`query ($org: ID!) { members(filter: { organizationId: $org }) { items { id } } }`, { org: tree.organizationId });
    expect(counts()).toBe(0);
    const { members } = await service.data<{ members: { total: number } }>(
      `query ($org: ID!) { members(filter: { organizationId: $org }) { total } }`,
      {
        org: tree.organizationId,
      },
    );
    expect(members.total).toBe(1);
    expect(counts()).toBe(1);
  });

  it('finds every member of the organisation within its root, and only below the root when there are several', async () => {
    const tree = await createPartyFixture(service, 'S');
    await createMember(service, { organizationId: tree.organizationId, fullName: 'जड़', unitId: tree.state });
    await createMember(service, { organizationId: tree.organizationId, fullName: 'बूथ', unitId: tree.booths[7] });
    const within = async (unit: string) =>
      (await service.data<{ members: { total: number } }>(`query ($u: ID!) { members(filter: { withinUnit: $u }) { total } }`, { u: unit }))
        .members.total;
    expect(await within(tree.state)).toBe(2);
    const { createOrgUnit: secondRoot } = await service.data<{ createOrgUnit: { id: string } }>(
      `mutation ($input: OrgUnitInput!) { createOrgUnit(input: $input) { id } }`,
      { input: { organizationId: tree.organizationId, level: 'state', name: 'उत्तराखंड', code: 'UK' } },
    );
    await createMember(service, { organizationId: tree.organizationId, fullName: 'दूसरा', unitId: secondRoot.id });
    expect(await within(tree.state)).toBe(2);
    expect(await within(secondRoot.id)).toBe(1);
  });

  it('rejects a page size over the maximum and a forged cursor', async () => {
    const tooBig = await service.request(`{ members(page: { limit: 501 }) { total } }`);
    expect(tooBig.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'page.limit': expect.any(String) } });
    const forged = await service.request(`{ members(page: { after: "bm90LWEtY3Vyc29y" }) { total } }`);
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'page.after': expect.any(String) } });
    const tampered = Buffer.from(JSON.stringify(['Ram', 'not-a-uuid'])).toString('base64url');
    const wrongValues = await service.request(`query ($after: String) { members(page: { after: $after }) { items { id } } }`, {
      after: tampered,
    });
    expect(wrongValues.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'page.after': expect.any(String) } });
  });

  it('filters by subtree, status and tags', async () => {
    const tree = await createPartyFixture(service, 'G');
    await createMember(service, {
      organizationId: tree.organizationId,
      fullName: 'एक',
      unitId: tree.booths[0],
      tags: ['youth', 'it-cell'],
    });
    await createMember(service, {
      organizationId: tree.organizationId,
      fullName: 'दो',
      unitId: tree.booths[5],
      status: 'LAPSED',
      tags: ['youth'],
    });
    await createMember(service, { organizationId: tree.organizationId, fullName: 'तीन', unitId: tree.districts[0] });
    const names = async (filter: Record<string, unknown>) =>
      (
        await service.data<{ members: { items: { fullName: string }[] } }>(
          `query ($f: MemberFilter) { members(filter: $f, sort: [{ field: fullName }]) { items { fullName } } }`,
          { f: filter },
        )
      ).members.items.map((m) => m.fullName);
    expect(await names({ withinUnit: tree.regions[0] })).toEqual(['एक', 'तीन']);
    expect(await names({ withinUnit: tree.regions[1] })).toEqual(['दो']);
    expect(await names({ organizationId: tree.organizationId, statuses: ['LAPSED'] })).toEqual(['दो']);
    expect(await names({ organizationId: tree.organizationId, tags: ['youth', 'it-cell'] })).toEqual(['एक']);
  });

  it('bulk-deletes all or none, and restores', async () => {
    const tree = await createPartyFixture(service, 'H');
    const a = await createMember(service, { organizationId: tree.organizationId, fullName: 'क', unitId: tree.booths[0] });
    const b = await createMember(service, { organizationId: tree.organizationId, fullName: 'ख', unitId: tree.booths[0] });
    const missing = '00000000-0000-4000-8000-000000000001';
    const partial = await service.request(`mutation ($ids: [ID!]!) { deleteMembers(ids: $ids) { id } }`, { ids: [a, missing] });
    expect(partial.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'ids.1': expect.stringContaining('no Member') },
    });
    expect((await service.data<{ member: unknown }>(`query ($id: ID!) { member(id: $id) { id } }`, { id: a })).member).not.toBeNull();
    // An empty list is a mistake to report, not an internal error.
    const none = await service.request(`mutation ($ids: [ID!]!) { deleteMembers(ids: $ids) { id } }`, { ids: [] });
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { ids: 'name at least one record to delete' } });

    await service.data(`mutation ($ids: [ID!]!) { deleteMembers(ids: $ids) { id } }`, { ids: [a, b] });
    const { members } = await service.data<{ members: { total: number } }>(
      `query ($org: ID!) { members(filter: { organizationId: $org }) { total } }`,
      { org: tree.organizationId },
    );
    expect(members.total).toBe(0);
    const restored = await service.data<{ restoreMember: { deletedAt: string | null } }>(
      `mutation ($id: ID!) { restoreMember(id: $id) { deletedAt } }`,
      { id: a },
    );
    expect(restored.restoreMember.deletedAt).toBeNull();
    const unknown = await service.request(`mutation ($id: ID!) { deleteMember(id: $id) { id } }`, { id: missing });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('federation entity resolution', () => {
  it('resolves any number of Member, OrgUnit and Organization references with one query per type', async () => {
    const tree = await createPartyFixture(service, 'R');
    const memberIds: string[] = [];
    for (let i = 0; i < 30; i++)
      memberIds.push(
        await createMember(service, { organizationId: tree.organizationId, fullName: `सदस्य ${i}`, unitId: tree.booths[i % 8] }),
      );
    const representations = [
      ...memberIds.map((id) => ({ __typename: 'Member', id })),
      ...tree.booths.map((id) => ({ __typename: 'OrgUnit', id })),
      { __typename: 'Organization', id: tree.organizationId },
    ];
    service.queryLog.clear();
    const { _entities } = await service.data<{ _entities: ({ id: string; fullName?: string; code?: string; name?: string } | null)[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id fullName } ... on OrgUnit { id code } ... on Organization { id name } } }`,
      { r: representations },
    );
    expect(_entities).toHaveLength(39);
    expect(_entities.map((e) => e?.id)).toEqual(representations.map((r) => r.id));
    expect(_entities[0]?.fullName).toBe('सदस्य 0');
    expect(service.queryLog.selectsFrom('member')).toHaveLength(1);
    expect(service.queryLog.selectsFrom('org_unit')).toHaveLength(1);
    expect(service.queryLog.selectsFrom('organization')).toHaveLength(1);
  });
});
