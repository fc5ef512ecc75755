import { allAuditEntries, auditedTables, auditEntryPage, triggersByTable, type AuditEntryView } from '@sangathan/common';
import {
  accountToken,
  createMember,
  createPartyFixture,
  startMembershipTestService,
  TEST_PASSWORD,
  type MembershipTestService,
} from './test-support';

// Membership's audit log over the real service and database: what each kind of change writes, in whose
// name; nothing after a rollback; masking; who may read entries and which; filters and paging.

let service: MembershipTestService;
let tree: Awaited<ReturnType<typeof createPartyFixture>>;
let superadmin: { id: string; displayName: string };
beforeAll(async () => {
  service = await startMembershipTestService('audit');
  tree = await createPartyFixture(service, 'AU');
  ({ me: superadmin } = await service.data<{ me: { id: string; displayName: string } }>(`{ me { id displayName } }`));
});
afterAll(() => service.stop());

const FIELD = 'membershipAuditEntries';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
type Errors = { errors?: { message: string; extensions?: Record<string, unknown> }[] };
const codeOf = (result: Errors) => result.errors?.[0]?.extensions?.code;

const entries = (filter: Record<string, unknown> = {}, token?: string) =>
  allAuditEntries(service, FIELD, filter, token === undefined ? undefined : { token });
const byId = (list: { id: string }[]) => list.map((entry) => entry.id).sort();
/** The ids of the entries SQL finds with this condition: the database's own answer, to compare the API with. */
const sqlIds = async (where: string, parameters: unknown[] = []) =>
  ((await service.dataSource.query(`SELECT id FROM audit_entry WHERE ${where}`, parameters)) as { id: string }[])
    .map((row) => row.id)
    .sort();
const entryCount = async () => Number((await service.dataSource.query('SELECT count(*) AS n FROM audit_entry'))[0].n);

const mutate = async <T>(query: string, variables: Record<string, unknown>, options: { token?: string; requestId?: string } = {}) => {
  const result = await service.request<T>(query, variables, {
    ...(options.token ? { token: options.token } : {}),
    headers: options.requestId ? { 'x-request-id': options.requestId } : {},
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
};
const MEMBER = 'id version membershipNumber joinedOn phone deletedAt';
type Member = { id: string; version: number; membershipNumber: string; joinedOn: string; phone: string | null; deletedAt: string | null };
const updateMember = (id: string, input: Record<string, unknown>, options: { token?: string; requestId?: string } = {}) =>
  mutate<{ updateMember: Member }>(
    `mutation ($id: ID!, $input: MemberUpdateInput!) { updateMember(id: $id, input: $input) { ${MEMBER} } }`,
    { id, input },
    options,
  );
const memberIn = (unitId: string, fullName: string) => createMember(service, { organizationId: tree.organizationId, fullName, unitId });
const instant = (value: string | null) => (value === null ? null : new Date(value).toISOString());

describe('what is written', () => {
  it('the seed’s account is written by the system job "seed", with its email and password hash masked', async () => {
    const [entry, ...others] = await entries({ actorKind: 'system' });
    expect(others).toEqual([]);
    const changes = Object.fromEntries(entry.changes.map((change) => [change.field, change]));
    expect(entry).toMatchObject({
      service: 'membership',
      unitId: null,
      actorKind: 'system',
      actorId: null,
      actorName: null,
      job: 'seed',
      operation: 'seed',
      recordType: 'Account',
      recordId: superadmin.id,
      action: 'CREATE',
      bulk: false,
    });
    expect(entry.requestId).toMatch(/^seed-[0-9a-f-]{36}$/);
    expect(changes).toMatchObject({
      email: { oldValue: null, newValue: 's•••@sangathan.test' },
      passwordHash: { oldValue: null, newValue: '••••••' },
      displayName: { oldValue: null, newValue: 'Superadmin' },
      role: { oldValue: null, newValue: 'SUPERADMIN' },
      active: { oldValue: null, newValue: 'true' },
    });
    expect(JSON.stringify(entry)).not.toContain(service.admin.email);
  });

  it('a member’s create, update, delete and restore: one entry each, in the name and request of the account that made it, personal details masked', async () => {
    const editor = await accountToken(service, 'EDITOR', tree.districts[0]);
    const { createMember: created } = await mutate<{ createMember: Member }>(
      `mutation ($input: MemberInput!) { createMember(input: $input) { ${MEMBER} } }`,
      {
        input: {
          organizationId: tree.organizationId,
          fullName: 'सुनीता देवी',
          unitId: tree.mandals[0],
          phone: '9876543210',
          email: 'sunita.devi@example.org',
          dateOfBirth: '1985-03-14',
          gender: 'FEMALE',
          tags: ['mahila-morcha'],
        },
      },
      { token: editor.token, requestId: 'audit-create-1' },
    );
    expect(created.phone).toBe('+919876543210');
    await updateMember(
      created.id,
      { fullName: 'सुनीता देवी शर्मा', phone: null, email: 'sunita@example.in', tags: ['mahila-morcha', 'booth-pramukh'] },
      { token: editor.token, requestId: 'audit-update-1' },
    );
    await mutate(
      `mutation ($id: ID!) { deleteMember(id: $id) { id } }`,
      { id: created.id },
      { token: editor.token, requestId: 'audit-delete-1' },
    );
    const [deleted] = (await service.dataSource.query('SELECT deleted_at FROM member WHERE id = $1', [created.id])) as {
      deleted_at: Date;
    }[];
    await mutate(
      `mutation ($id: ID!) { restoreMember(id: $id) { id } }`,
      { id: created.id },
      { token: editor.token, requestId: 'audit-restore-1' },
    );

    const history = await entries({ recordId: created.id });
    const common = {
      id: expect.any(String),
      service: 'membership',
      unitId: tree.mandals[0],
      actorKind: 'account',
      actorId: editor.id,
      actorName: `EDITOR ${editor.email}`,
      job: null,
      recordType: 'Member',
      recordId: created.id,
      bulk: false,
    };
    // Newest first.
    expect(history.map((entry) => entry.action)).toEqual(['RESTORE', 'DELETE', 'UPDATE', 'CREATE']);
    const [restore, remove, update, create] = history;
    expect(create).toEqual({
      ...common,
      at: expect.any(String),
      requestId: 'audit-create-1',
      operation: 'createMember',
      action: 'CREATE',
      changes: [
        { field: 'dateOfBirth', oldValue: null, newValue: '••••-••-••' },
        { field: 'email', oldValue: null, newValue: 's•••@example.org' },
        { field: 'fullName', oldValue: null, newValue: 'सुनीता देवी' },
        { field: 'gender', oldValue: null, newValue: 'FEMALE' },
        { field: 'id', oldValue: null, newValue: created.id },
        { field: 'joinedOn', oldValue: null, newValue: created.joinedOn },
        { field: 'membershipNumber', oldValue: null, newValue: created.membershipNumber },
        { field: 'organizationId', oldValue: null, newValue: tree.organizationId },
        { field: 'phone', oldValue: null, newValue: '+91••••••••10' },
        { field: 'status', oldValue: null, newValue: 'ACTIVE' },
        { field: 'tags', oldValue: null, newValue: '["mahila-morcha"]' },
        { field: 'unitId', oldValue: null, newValue: tree.mandals[0] },
      ],
    });
    expect(update).toEqual({
      ...common,
      at: expect.any(String),
      requestId: 'audit-update-1',
      operation: 'updateMember',
      action: 'UPDATE',
      changes: [
        { field: 'email', oldValue: 's•••@example.org', newValue: 's•••@example.in' },
        { field: 'fullName', oldValue: 'सुनीता देवी', newValue: 'सुनीता देवी शर्मा' },
        { field: 'phone', oldValue: '+91••••••••10', newValue: null },
        { field: 'tags', oldValue: '["mahila-morcha"]', newValue: '["mahila-morcha","booth-pramukh"]' },
      ],
    });
    expect({ ...remove, changes: undefined }).toEqual({
      ...common,
      at: expect.any(String),
      requestId: 'audit-delete-1',
      operation: 'deleteMember',
      action: 'DELETE',
      changes: undefined,
    });
    expect(remove.changes.map((change) => [change.field, change.oldValue, instant(change.newValue)])).toEqual([
      ['deletedAt', null, deleted.deleted_at.toISOString()],
    ]);
    expect({ ...restore, changes: undefined }).toEqual({
      ...common,
      at: expect.any(String),
      requestId: 'audit-restore-1',
      operation: 'restoreMember',
      action: 'RESTORE',
      changes: undefined,
    });
    expect(restore.changes.map((change) => [change.field, instant(change.oldValue), change.newValue])).toEqual([
      ['deletedAt', deleted.deleted_at.toISOString(), null],
    ]);
    // `at` is the change's transaction time: the soft delete's own timestamp.
    expect(instant(remove.at)).toBe(deleted.deleted_at.toISOString());
    for (const [earlier, later] of [
      [create, update],
      [update, remove],
      [remove, restore],
    ])
      expect(Date.parse(earlier.at)).toBeLessThanOrEqual(Date.parse(later.at));
    const stored = JSON.stringify(await service.dataSource.query('SELECT * FROM audit_entry WHERE record_id = $1', [created.id]));
    expect(['9876543210', 'sunita.devi', 'sunita@', '1985-03'].filter((personal) => stored.includes(personal))).toEqual([]);
  });

  it('deleteMembers of several records marks each entry bulk; one record deleted alone is not bulk', async () => {
    const ids = [
      await memberIn(tree.booths[0], 'बूथ सदस्य 1'),
      await memberIn(tree.booths[0], 'बूथ सदस्य 2'),
      await memberIn(tree.booths[1], 'बूथ सदस्य 3'),
    ];
    const single = await memberIn(tree.booths[1], 'बूथ सदस्य 4');
    await mutate(`mutation ($ids: [ID!]!) { deleteMembers(ids: $ids) { id } }`, { ids }, { requestId: 'audit-bulk-1' });
    await mutate(`mutation ($ids: [ID!]!) { deleteMembers(ids: $ids) { id } }`, { ids: [single] }, { requestId: 'audit-bulk-2' });
    const bulk = await entries({ requestId: 'audit-bulk-1' });
    expect(bulk.map((entry) => entry.recordId).sort()).toEqual([...ids].sort());
    for (const entry of bulk)
      expect(entry).toMatchObject({
        action: 'DELETE',
        bulk: true,
        operation: 'deleteMembers',
        actorKind: 'account',
        actorId: superadmin.id,
        actorName: superadmin.displayName,
        changes: [{ field: 'deletedAt', oldValue: null, newValue: expect.any(String) }],
      });
    expect(bulk.map((entry) => entry.unitId).sort()).toEqual([tree.booths[0], tree.booths[0], tree.booths[1]].sort());
    expect(await entries({ requestId: 'audit-bulk-2' })).toEqual([
      expect.objectContaining({ recordId: single, action: 'DELETE', bulk: false, operation: 'deleteMembers' }),
    ]);
  });

  it('a member moved to another unit is a MOVE; an org unit given another parent is a MOVE, its subtree’s new paths bulk UPDATEs', async () => {
    const moveTree = await createPartyFixture(service, 'MV');
    const member = await createMember(service, {
      organizationId: moveTree.organizationId,
      fullName: 'राम प्रकाश',
      unitId: moveTree.booths[0],
    });
    await updateMember(member, { unitId: moveTree.booths[2] }, { requestId: 'audit-move-member' });
    expect(await entries({ requestId: 'audit-move-member' })).toEqual([
      expect.objectContaining({
        recordType: 'Member',
        recordId: member,
        action: 'MOVE',
        bulk: false,
        operation: 'updateMember',
        unitId: moveTree.booths[2],
        changes: [{ field: 'unitId', oldValue: moveTree.booths[0], newValue: moveTree.booths[2] }],
      }),
    ]);

    // Mandal 1 (with its two booths) moves from district 1 to district 2 of the same region.
    const [mandal, fromDistrict, toDistrict] = [moveTree.mandals[0], moveTree.districts[0], moveTree.districts[1]];
    await mutate(
      `mutation ($id: ID!, $input: OrgUnitUpdateInput!) { updateOrgUnit(id: $id, input: $input) { id } }`,
      { id: mandal, input: { parentId: toDistrict } },
      { requestId: 'audit-move-unit' },
    );
    const moved = await entries({ requestId: 'audit-move-unit' });
    const oldPath = [moveTree.state, moveTree.regions[0], fromDistrict, mandal];
    const newPath = [moveTree.state, moveTree.regions[0], toDistrict, mandal];
    const unitEntry = moved.find((entry) => entry.recordId === mandal);
    expect(unitEntry).toMatchObject({
      recordType: 'OrgUnit',
      action: 'MOVE',
      bulk: false,
      operation: 'updateOrgUnit',
      unitId: mandal,
      changes: [
        { field: 'parentId', oldValue: fromDistrict, newValue: toDistrict },
        { field: 'path', oldValue: JSON.stringify(oldPath), newValue: JSON.stringify(newPath) },
      ],
    });
    const booths = moved.filter((entry) => entry.recordId !== mandal).sort((a, b) => a.recordId.localeCompare(b.recordId));
    expect(booths).toEqual(
      [moveTree.booths[0], moveTree.booths[1]].sort().map((booth) =>
        expect.objectContaining({
          recordType: 'OrgUnit',
          recordId: booth,
          action: 'UPDATE',
          bulk: true,
          operation: 'updateOrgUnit',
          unitId: booth,
          changes: [{ field: 'path', oldValue: JSON.stringify([...oldPath, booth]), newValue: JSON.stringify([...newPath, booth]) }],
        }),
      ),
    );
    expect(moved).toHaveLength(3);
  });

  it('accounts and partner tokens: their email, password hash and secret are masked, and a password reset shows only that it changed', async () => {
    const admin = await accountToken(service, 'ADMIN', tree.regions[0]);
    await mutate(
      `mutation ($id: ID!) { resetAccountPassword(id: $id, newPassword: "Another-Pass-2026!") { id } }`,
      { id: admin.id },
      { requestId: 'audit-reset' },
    );
    const { createPartnerToken: token } = await mutate<{ createPartnerToken: { id: string; secret: string } }>(
      `mutation ($input: PartnerTokenInput!) { createPartnerToken(input: $input) { id secret } }`,
      { input: { name: 'Survey app', scopeUnitId: tree.regions[0], scopes: ['members:read'] } },
      { requestId: 'audit-partner' },
    );
    const [reset] = await entries({ requestId: 'audit-reset' });
    expect(reset).toMatchObject({ recordType: 'Account', recordId: admin.id, action: 'UPDATE', operation: 'resetAccountPassword' });
    expect(reset.changes.map((change) => change.field)).toEqual(['passwordChangedAt', 'passwordHash']);
    expect(reset.changes[1]).toEqual({ field: 'passwordHash', oldValue: '••••••', newValue: '••••••' });
    const [created] = await entries({ recordId: admin.id, actions: ['CREATE'] });
    expect(created.changes).toEqual(
      expect.arrayContaining([
        { field: 'email', oldValue: null, newValue: `a•••@sangathan.test` },
        { field: 'passwordHash', oldValue: null, newValue: '••••••' },
        { field: 'displayName', oldValue: null, newValue: `ADMIN ${admin.email}` },
        { field: 'role', oldValue: null, newValue: 'ADMIN' },
        { field: 'scopeUnitId', oldValue: null, newValue: tree.regions[0] },
      ]),
    );
    expect(created.unitId).toBe(tree.regions[0]);
    const [partner] = await entries({ requestId: 'audit-partner' });
    expect(partner).toMatchObject({ recordType: 'PartnerToken', recordId: token.id, action: 'CREATE', operation: 'createPartnerToken' });
    expect(partner.changes).toEqual(expect.arrayContaining([{ field: 'secretHash', oldValue: null, newValue: '••••••' }]));

    const [{ password_hash: hash }] = await service.dataSource.query('SELECT password_hash FROM account WHERE id = $1', [admin.id]);
    const [{ secret_hash: secretHash }] = await service.dataSource.query('SELECT secret_hash FROM partner_token WHERE id = $1', [token.id]);
    const stored = JSON.stringify(await service.dataSource.query('SELECT * FROM audit_entry'));
    // The account's email is part of its test display name, so it is not looked for here (the email field is masked above).
    expect([hash, secretHash, token.secret, TEST_PASSWORD, 'Another-Pass-2026!'].filter((secret) => stored.includes(secret))).toEqual([]);
  });
});

describe('no entry after a rollback', () => {
  it('a stale expectedVersion (CONFLICT), a bulk delete with one bad id, a create with a bad unit: no entry, no change', async () => {
    const member = await memberIn(tree.mandals[1], 'परिवर्तन नहीं');
    const other = await memberIn(tree.mandals[1], 'हटाया नहीं');
    const before = await entryCount();

    const stale = await service.request(
      `mutation ($id: ID!) { updateMember(id: $id, input: { fullName: "बदला" }, expectedVersion: 7) { id } }`,
      { id: member },
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    const bulk = await service.request(`mutation ($ids: [ID!]!) { deleteMembers(ids: $ids) { id } }`, { ids: [other, member, UNKNOWN] });
    expect(bulk.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'ids.2': expect.any(String) } });
    const badUnit = await service.request(`mutation ($input: MemberInput!) { createMember(input: $input) { id } }`, {
      input: { organizationId: tree.organizationId, fullName: 'कोई नहीं', unitId: UNKNOWN },
    });
    expect(codeOf(badUnit)).toBe('BAD_USER_INPUT');

    expect(await entryCount()).toBe(before);
    const rows = await service.dataSource.query('SELECT full_name, deleted_at FROM member WHERE id = ANY($1) ORDER BY full_name', [
      [member, other],
    ]);
    expect(rows).toEqual([
      { full_name: 'परिवर्तन नहीं', deleted_at: null },
      { full_name: 'हटाया नहीं', deleted_at: null },
    ]);
  });
});

describe('entries cannot be changed', () => {
  it('UPDATE, DELETE and TRUNCATE of audit_entry are refused in membership’s database, even to a superuser', async () => {
    const before = await entryCount();
    for (const sql of [`UPDATE audit_entry SET actor_name = 'x'`, `DELETE FROM audit_entry`, `TRUNCATE audit_entry`])
      await expect(service.dataSource.query(sql)).rejects.toThrow('audit entries cannot be changed or removed');
    expect(await entryCount()).toBe(before);
  });
});

describe('who reads which entries', () => {
  let district: { districtMember: string; elsewhereMember: string; arrived: string; admin: { id: string; token: string } };
  beforeAll(async () => {
    // A member in district 1's subtree, one in another region's district, and one that moved from there into district 1.
    const districtMember = await memberIn(tree.booths[0], 'जिले का सदस्य');
    const elsewhereMember = await memberIn(tree.booths[4], 'दूसरे क्षेत्र का सदस्य');
    const arrived = await memberIn(tree.booths[5], 'आया हुआ सदस्य');
    await updateMember(districtMember, { fullName: 'जिले का सदस्य (बदला)' });
    await updateMember(elsewhereMember, { fullName: 'दूसरे क्षेत्र का सदस्य (बदला)' });
    await updateMember(arrived, { unitId: tree.booths[1] });
    const admin = await accountToken(service, 'ADMIN', tree.districts[0]);
    district = { districtMember, elsewhereMember, arrived, admin };
  });

  it('EDITOR, VIEWER and partner tokens are FORBIDDEN; without credentials UNAUTHENTICATED', async () => {
    const editor = await accountToken(service, 'EDITOR', tree.state);
    const viewer = await accountToken(service, 'VIEWER', tree.state);
    const { createPartnerToken: partner } = await mutate<{ createPartnerToken: { secret: string } }>(
      `mutation ($input: PartnerTokenInput!) { createPartnerToken(input: $input) { secret } }`,
      { input: { name: 'All scopes', scopeUnitId: tree.state, scopes: ['members:read', 'pii:read', 'itcell:read', 'training:read'] } },
    );
    for (const token of [editor.token, viewer.token, partner.secret]) {
      const result = await auditEntryPage(service, FIELD, {}, undefined, { token });
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.data ?? null).toBeNull();
    }
    expect(codeOf(await auditEntryPage(service, FIELD, {}, undefined, { token: null }))).toBe('UNAUTHENTICATED');
  });

  it('an ADMIN of a district sees exactly the entries of records that were in that district when they changed', async () => {
    const { districtMember, elsewhereMember, arrived, admin } = district;
    const seen = await entries({}, admin.token);
    expect(byId(seen)).toEqual(
      await sqlIds('unit_path @> ARRAY[$1]::uuid[] AND organization_id = $2', [tree.districts[0], tree.organizationId]),
    );
    const seenRecords = new Set(seen.map((entry) => entry.recordId));
    expect(seenRecords.has(districtMember)).toBe(true);
    expect(seenRecords.has(tree.booths[0])).toBe(true);
    expect(seenRecords.has(elsewhereMember)).toBe(false);
    expect(seenRecords.has(tree.districts[1])).toBe(false);
    expect(seenRecords.has(tree.organizationId)).toBe(false);
    // The member that arrived: only its MOVE happened inside the district.
    expect(seen.filter((entry) => entry.recordId === arrived).map((entry) => entry.action)).toEqual(['MOVE']);

    // The superadmin sees them all, the other region's too.
    const all = await entries();
    expect(byId(all)).toEqual(await sqlIds('true'));
    expect(all.filter((entry) => entry.recordId === elsewhereMember).map((entry) => entry.action)).toEqual(['UPDATE', 'CREATE']);
  });

  it('asked for one record it may see now, the ADMIN sees its whole history; for a record elsewhere, nothing', async () => {
    const { elsewhereMember, arrived, admin } = district;
    const history = await entries({ recordId: arrived, recordTypes: ['Member'] }, admin.token);
    expect(history.map((entry) => [entry.action, entry.unitId])).toEqual([
      ['MOVE', tree.booths[1]],
      ['CREATE', tree.booths[5]],
    ]);
    expect(await entries({ recordId: elsewhereMember, recordTypes: ['Member'] }, admin.token)).toEqual([]);
    expect(await entries({ recordId: elsewhereMember }, admin.token)).toEqual([]);
    // Naming another type does not open the record's history.
    expect(await entries({ recordId: elsewhereMember, recordTypes: ['OrgUnit'] }, admin.token)).toEqual([]);
    expect(await entries({ recordId: tree.districts[1], recordTypes: ['OrgUnit'] }, admin.token)).toEqual([]);
    expect((await entries({ recordId: elsewhereMember, recordTypes: ['Member'] })).length).toBe(2);
  });
});

describe('filters and paging', () => {
  let all: AuditEntryView[];
  let editor: { id: string; token: string };
  beforeAll(async () => {
    editor = await accountToken(service, 'EDITOR', tree.regions[1]);
    const member = await createMember(service, { organizationId: tree.organizationId, fullName: 'फ़िल्टर सदस्य', unitId: tree.districts[2] });
    await updateMember(member, { fullName: 'फ़िल्टर सदस्य 2' }, { token: editor.token, requestId: 'audit-filter-1' });
    await mutate(`mutation ($id: ID!) { deleteMember(id: $id) { id } }`, { id: member }, { token: editor.token });
    await mutate(`mutation ($id: ID!) { restoreMember(id: $id) { id } }`, { id: member }, { token: editor.token });
    all = await entries();
  });

  it('each filter narrows to exactly the entries the database holds for it, and filters combine', async () => {
    const someMember = all.find((entry) => entry.recordType === 'Member')!.recordId;
    const cases: [Record<string, unknown>, string, unknown[]][] = [
      [{ recordId: someMember }, 'record_id = $1', [someMember]],
      [{ recordTypes: ['OrgUnit'] }, `record_type = 'OrgUnit'`, []],
      [{ recordTypes: ['Member', 'Account'] }, `record_type IN ('Member', 'Account')`, []],
      [{ actorId: editor.id }, 'actor_id = $1', [editor.id]],
      [{ actorKind: 'system' }, `actor_kind = 'system'`, []],
      [{ actions: ['DELETE', 'RESTORE'] }, `action IN ('DELETE', 'RESTORE')`, []],
      [{ withinUnit: tree.regions[1] }, 'unit_path @> ARRAY[$1]::uuid[]', [tree.regions[1]]],
      [{ organizationId: tree.organizationId }, 'organization_id = $1', [tree.organizationId]],
      [{ requestId: 'audit-filter-1' }, 'request_id = $1', ['audit-filter-1']],
      [{ actorId: editor.id, actions: ['UPDATE'] }, `actor_id = $1 AND action = 'UPDATE'`, [editor.id]],
      [
        { recordTypes: ['Member'], withinUnit: tree.regions[0], actions: ['DELETE'] },
        `record_type = 'Member' AND unit_path @> ARRAY[$1]::uuid[] AND action = 'DELETE'`,
        [tree.regions[0]],
      ],
      [{ recordTypes: ['NoSuchType'] }, 'false', []],
    ];
    for (const [filter, where, parameters] of cases) {
      const expected = await sqlIds(where, parameters);
      const found = await entries(filter);
      expect({ filter, found: byId(found) }).toEqual({ filter, found: expected });
      // Each narrows, and but for the unknown type finds something.
      expect(expected.length).toBeLessThan(all.length);
      if (where !== 'false') expect(expected.length).toBeGreaterThan(0);
    }
    expect((await entries({ requestId: 'audit-filter-1' })).map((entry) => entry.operation)).toEqual(['updateMember']);
  });

  it('from is inclusive and to exclusive, on the time of the change', async () => {
    // Three entries of distinct times, oldest first.
    const times = [...new Set(all.map((entry) => entry.at))].sort();
    const [t1, t2, t3] = [
      times[Math.floor(times.length / 4)],
      times[Math.floor(times.length / 2)],
      times[Math.floor((3 * times.length) / 4)],
    ];
    expect(t1 < t2 && t2 < t3).toBe(true);
    for (const [filter, where, parameters] of [
      [{ from: t2 }, 'at >= $1', [t2]],
      [{ to: t2 }, 'at < $1', [t2]],
      [{ from: t1, to: t3 }, 'at >= $1 AND at < $2', [t1, t3]],
    ] as [Record<string, unknown>, string, unknown[]][]) {
      const found = await entries(filter);
      expect(byId(found)).toEqual(await sqlIds(where, parameters));
      expect(found.length).toBeGreaterThan(0);
    }
    const window = await entries({ from: t1, to: t3 });
    expect(window.some((entry) => entry.at === t1)).toBe(true);
    expect(window.some((entry) => entry.at === t3)).toBe(false);
  });

  it('bad input is BAD_USER_INPUT naming the field: malformed ids, from not before to, a bad cursor, a bad page size', async () => {
    const fieldsOf = async (filter: Record<string, unknown>, page: Record<string, unknown> = {}) => {
      const result = await auditEntryPage(service, FIELD, filter, page);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.data ?? null).toBeNull();
      return result.errors![0].extensions!.fields;
    };
    expect(await fieldsOf({ recordId: 'not-a-uuid' })).toEqual({ 'filter.recordId': expect.any(String) });
    expect(await fieldsOf({ withinUnit: '123' })).toEqual({ 'filter.withinUnit': expect.any(String) });
    expect(await fieldsOf({ organizationId: 'x' })).toEqual({ 'filter.organizationId': expect.any(String) });
    const at = all[0].at;
    expect(await fieldsOf({ from: at, to: at })).toEqual({ 'filter.to': 'must be after filter.from' });
    expect(await fieldsOf({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual({
      'filter.to': 'must be after filter.from',
    });
    const badCursor = { 'page.after': 'is not a cursor of this list with this sort order' };
    expect(await fieldsOf({}, { after: 'garbage' })).toEqual(badCursor);
    expect(await fieldsOf({}, { after: Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url') })).toEqual(badCursor);
    expect(await fieldsOf({}, { after: Buffer.from(JSON.stringify([all[0].at])).toString('base64url') })).toEqual(badCursor);
    expect(await fieldsOf({}, { limit: 0 })).toEqual({ 'page.limit': expect.any(String) });
    // Values the schema itself refuses.
    for (const filter of [{ from: 'yesterday' }, { actions: ['ERASE'] }, { actorKind: 'robot' }])
      expect(codeOf(await auditEntryPage(service, FIELD, filter))).toBe('BAD_USER_INPUT');
  });

  it('keyset paging through nextCursor returns every entry exactly once, newest first', async () => {
    const paged = await allAuditEntries(service, FIELD, {}, undefined, 7);
    expect(paged.map((entry) => entry.id)).toEqual(all.map((entry) => entry.id));
    expect(new Set(paged.map((entry) => entry.id)).size).toBe(paged.length);
    expect(paged.length).toBe(await entryCount());
    for (let i = 1; i < paged.length; i++) {
      const [newer, older] = [paged[i - 1], paged[i]];
      expect(newer.at > older.at || (newer.at === older.at && newer.id > older.id)).toBe(true);
    }
    const first = await auditEntryPage(service, FIELD, {}, { limit: 7 });
    expect(first.data![FIELD].total).toBe(paged.length);
    // Paging a filtered list too.
    const members = await allAuditEntries(service, FIELD, { recordTypes: ['Member'] }, undefined, 3);
    expect(byId(members)).toEqual(await sqlIds(`record_type = 'Member'`));
  });
});

describe('coverage', () => {
  it('every record table of membership carries the audit triggers; the others are bookkeeping', async () => {
    const triggers = await triggersByTable(service.dataSource);
    expect(auditedTables(triggers)).toEqual([
      'account',
      'assignment',
      'duplicate_candidate',
      'field_visit',
      'member',
      'org_unit',
      'organization',
      'partner_token',
      'position',
    ]);
    // Bookkeeping (sessions and login failures are security state, the unit feed is itself a log), and the log itself, guarded.
    expect(
      Object.keys(triggers)
        .filter((table) => !triggers[table].length)
        .sort(),
    ).toEqual(['account_session', 'duplicate_run', 'login_failure', 'member_merge', 'migrations', 'unit_change']);
    expect(triggers.audit_entry).toEqual(['audit_entry_guard', 'audit_entry_no_truncate']);
    expect(Object.keys(triggers)).toHaveLength(16);
  });
});
