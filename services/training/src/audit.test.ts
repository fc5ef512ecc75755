import { allAuditEntries, auditedTables, auditEntryPage, triggersByTable, type AuditEntryView } from '@sangathan/common';
import { accountToken, createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { startTrainingTestService, type TrainingTestService } from './test-support';

// training's audit log over the real service, its real membership and their databases: camps,
// enrolments in bulk, trainer teams, the unit-copy follower writing as a system job, rollbacks, access.

let service: TrainingTestService;
let tree: Awaited<ReturnType<typeof createPartyFixture>>;
let members: string[];
let superadmin: { id: string; displayName: string };
let campaign: { campaignId: string; phaseId: string; topicId: string; teamId: string };
beforeAll(async () => {
  service = await startTrainingTestService('audit_training');
  tree = await createPartyFixture(service.membership, 'TR');
  members = [];
  for (let i = 0; i < 6; i++)
    members.push(
      await createMember(service.membership, { organizationId: tree.organizationId, fullName: `प्रशिक्षु ${i}`, unitId: tree.state }),
    );
  ({ me: superadmin } = await service.membership.data<{ me: { id: string; displayName: string } }>(`{ me { id displayName } }`));
  const create = async (type: string, input: Record<string, unknown>) =>
    (await mutate<Record<string, { id: string }>>(`mutation ($input: ${type}Input!) { create${type}(input: $input) { id } }`, { input }))[
      `create${type}`
    ].id;
  const campaignId = await create('TrainingCampaign', {
    unitId: tree.state,
    name: 'प्रशिक्षण से पराक्रम',
    startsOn: '2021-08-01',
    endsOn: '2021-12-31',
    targetCamps: 700,
    targetTrainees: 200000,
    status: 'ACTIVE',
  });
  const phaseId = await create('CampaignPhase', {
    campaignId,
    number: 1,
    name: 'प्रथम चरण',
    startsOn: '2021-08-20',
    endsOn: '2021-08-31',
    targetCamps: 75,
    targetTrainees: 25000,
    campLevel: 'district',
  });
  const topicId = await create('Topic', { campaignId, title: 'बूथ प्रबंधन', minutes: 90 });
  const teamId = await create('TrainerTeam', { campaignId, name: 'मास्टर ट्रेनर दल', trainerIds: [members[0]] });
  campaign = { campaignId, phaseId, topicId, teamId };
});
afterAll(() => service.stop());

const FIELD = 'trainingAuditEntries';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const entries = (filter: Record<string, unknown> = {}, token?: string) =>
  allAuditEntries(service, FIELD, filter, token === undefined ? undefined : { token });
const entryCount = async () => Number((await service.dataSource.query('SELECT count(*) AS n FROM audit_entry'))[0].n);
const send = <T>(query: string, variables: Record<string, unknown>, requestId?: string) =>
  service.request<T>(query, variables, { headers: requestId ? { 'x-request-id': requestId } : {} });
async function mutate<T>(query: string, variables: Record<string, unknown>, requestId?: string): Promise<T> {
  const result = await send<T>(query, variables, requestId);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
const instant = (value: string | null) => (value === null ? null : new Date(value).toISOString());
const changesOf = (entry: AuditEntryView, timestamps: string[] = []) =>
  Object.fromEntries(
    entry.changes.map((change) =>
      timestamps.includes(change.field)
        ? [change.field, [instant(change.oldValue), instant(change.newValue)]]
        : [change.field, [change.oldValue, change.newValue]],
    ),
  );
const createCamp = async (unitId: string, venue: string, requestId?: string) =>
  (
    await mutate<{ createCamp: { id: string } }>(
      `mutation ($input: CampInput!) { createCamp(input: $input) { id } }`,
      {
        input: {
          phaseId: campaign.phaseId,
          unitId,
          venue,
          startsOn: '2021-08-21',
          endsOn: '2021-08-22',
          capacity: 4,
          trainerTeamId: campaign.teamId,
          topicIds: [campaign.topicId],
        },
      },
      requestId,
    )
  ).createCamp.id;
const ENROLL = `mutation ($camp: ID!, $ids: [ID!]!) { enrollMembers(campId: $camp, memberIds: $ids) { id memberId } }`;
const STATUSES = `mutation ($ids: [ID!]!, $status: EnrollmentStatus!, $on: Date) { setEnrollmentStatuses(ids: $ids, status: $status, completedOn: $on) { id } }`;

describe('camps', () => {
  it('create, update, move, delete and restore: one entry each, in the caller’s name and request', async () => {
    const camp = await createCamp(tree.districts[0], 'जिला कार्यालय', 'tr-create');
    const update = `mutation ($id: ID!, $input: CampUpdateInput!) { updateCamp(id: $id, input: $input) { id } }`;
    await mutate(update, { id: camp, input: { venue: 'रामलीला मैदान', capacity: 6 } }, 'tr-update');
    await mutate(update, { id: camp, input: { unitId: tree.districts[1] } }, 'tr-move');
    await mutate(`mutation ($id: ID!) { deleteCamp(id: $id) { id } }`, { id: camp }, 'tr-delete');
    await mutate(`mutation ($id: ID!) { restoreCamp(id: $id) { id } }`, { id: camp }, 'tr-restore');

    const history = await entries({ recordId: camp });
    expect(history.map((entry) => [entry.action, entry.requestId, entry.operation, entry.unitId])).toEqual([
      ['RESTORE', 'tr-restore', 'restoreCamp', tree.districts[1]],
      ['DELETE', 'tr-delete', 'deleteCamp', tree.districts[1]],
      ['MOVE', 'tr-move', 'updateCamp', tree.districts[1]],
      ['UPDATE', 'tr-update', 'updateCamp', tree.districts[0]],
      ['CREATE', 'tr-create', 'createCamp', tree.districts[0]],
    ]);
    for (const entry of history)
      expect(entry).toMatchObject({
        service: 'training',
        actorKind: 'account',
        actorId: superadmin.id,
        actorName: superadmin.displayName,
        job: null,
        recordType: 'Camp',
        recordId: camp,
        bulk: false,
      });
    const [restore, remove, move, change, create] = history;
    expect(changesOf(create)).toEqual({
      campaignId: [null, campaign.campaignId],
      capacity: [null, '4'],
      endsOn: [null, '2021-08-22'],
      id: [null, camp],
      organizationId: [null, tree.organizationId],
      phaseId: [null, campaign.phaseId],
      startsOn: [null, '2021-08-21'],
      status: [null, 'PLANNED'],
      topicIds: [null, JSON.stringify([campaign.topicId])],
      trainerTeamId: [null, campaign.teamId],
      unitId: [null, tree.districts[0]],
      unitLevel: [null, 'district'],
      unitPath: [null, JSON.stringify([tree.state, tree.regions[0], tree.districts[0]])],
      venue: [null, 'जिला कार्यालय'],
    });
    expect(change.changes).toEqual([
      { field: 'capacity', oldValue: '4', newValue: '6' },
      { field: 'venue', oldValue: 'जिला कार्यालय', newValue: 'रामलीला मैदान' },
    ]);
    expect(changesOf(move)).toEqual({
      unitId: [tree.districts[0], tree.districts[1]],
      unitPath: [
        JSON.stringify([tree.state, tree.regions[0], tree.districts[0]]),
        JSON.stringify([tree.state, tree.regions[0], tree.districts[1]]),
      ],
    });
    expect(changesOf(remove, ['deletedAt'])).toEqual({ deletedAt: [null, instant(remove.at)] });
    expect(changesOf(restore, ['deletedAt'])).toEqual({ deletedAt: [instant(remove.at), null] });
  });

  it('deleteCamps of several marks each entry bulk; a bad id in the list or a stale version writes nothing', async () => {
    const camps = [await createCamp(tree.districts[2], 'शिविर 1'), await createCamp(tree.districts[2], 'शिविर 2')];
    const before = await entryCount();
    const bad = await send(`mutation ($ids: [ID!]!) { deleteCamps(ids: $ids) { id } }`, { ids: [...camps, UNKNOWN] });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const stale = await send(`mutation ($id: ID!) { updateCamp(id: $id, input: { venue: "x" }, expectedVersion: 5) { id } }`, {
      id: camps[0],
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await entryCount()).toBe(before);
    await mutate(`mutation ($ids: [ID!]!) { deleteCamps(ids: $ids) { id } }`, { ids: camps }, 'tr-delete-many');
    const deleted = await entries({ requestId: 'tr-delete-many' });
    expect(deleted.map((entry) => [entry.recordId, entry.action, entry.bulk, entry.operation]).sort()).toEqual(
      camps.map((id) => [id, 'DELETE', true, 'deleteCamps']).sort(),
    );
  });
});

describe('enrolments in bulk', () => {
  it('enrollMembers and setEnrollmentStatuses: one entry per enrolment, bulk; a bad row writes nothing', async () => {
    const camp = await createCamp(tree.districts[0], 'नामांकन शिविर');
    const [m0, m1, m2, m3, m4] = members;
    const { enrollMembers: enrolled } = await mutate<{ enrollMembers: { id: string; memberId: string }[] }>(
      ENROLL,
      { camp, ids: [m0, m1, m2] },
      'tr-enroll',
    );
    const enrolments = await entries({ requestId: 'tr-enroll' });
    expect(
      enrolments.map((entry) => ({ ...entry, id: undefined, at: undefined })).sort((a, b) => a.recordId.localeCompare(b.recordId)),
    ).toEqual(
      [...enrolled]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map(({ id, memberId }) => ({
          id: undefined,
          at: undefined,
          service: 'training',
          unitId: tree.districts[0],
          actorKind: 'account',
          actorId: superadmin.id,
          actorName: superadmin.displayName,
          job: null,
          requestId: 'tr-enroll',
          operation: 'enrollMembers',
          recordType: 'Enrollment',
          recordId: id,
          action: 'CREATE',
          bulk: true,
          changes: [
            { field: 'campId', oldValue: null, newValue: camp },
            { field: 'id', oldValue: null, newValue: id },
            { field: 'memberId', oldValue: null, newValue: memberId },
            { field: 'status', oldValue: null, newValue: 'REGISTERED' },
            { field: 'topicsAttended', oldValue: null, newValue: '[]' },
          ],
        })),
    );
    const ids = enrolled.map((row) => row.id);

    await mutate(STATUSES, { ids: ids.slice(0, 2), status: 'ATTENDED' }, 'tr-status');
    const statuses = await entries({ requestId: 'tr-status' });
    expect(statuses.map((entry) => [entry.recordId, entry.action, entry.bulk, entry.operation, entry.changes]).sort()).toEqual(
      ids
        .slice(0, 2)
        .map((id) => [id, 'UPDATE', true, 'setEnrollmentStatuses', [{ field: 'status', oldValue: 'REGISTERED', newValue: 'ATTENDED' }]])
        .sort(),
    );

    // m0 is enrolled already; ids.1 unknown; COMPLETED without a date; over capacity (4 places, 3 taken): nothing is written.
    const before = await entryCount();
    const again = await send(ENROLL, { camp, ids: [m3, m0] });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'memberIds.1': expect.any(String) } });
    const full = await send(ENROLL, { camp, ids: [m3, m4] });
    expect(full.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'memberIds.1': expect.stringContaining('capacity') },
    });
    const unknown = await send(STATUSES, { ids: [ids[2], UNKNOWN], status: 'NO_SHOW' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'ids.1': expect.any(String) } });
    const undated = await send(STATUSES, { ids: [ids[2]], status: 'COMPLETED' });
    expect(undated.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { completedOn: expect.any(String) } });
    expect(await entryCount()).toBe(before);
    expect(Number((await service.dataSource.query('SELECT count(*) AS n FROM enrollment WHERE camp_id = $1', [camp]))[0].n)).toBe(3);
  });
});

describe('trainer teams', () => {
  it('addTrainers and removeTrainers change the team’s trainer list: one UPDATE of trainerIds naming the operation', async () => {
    const [t0, , , , t4, t5] = members;
    const team = campaign.teamId;
    const TRAINERS = (name: string) => `mutation ($id: ID!, $ids: [ID!]!) { ${name}(id: $id, memberIds: $ids) { id } }`;
    await mutate(TRAINERS('addTrainers'), { id: team, ids: [t4, t5] }, 'tr-add');
    await mutate(TRAINERS('removeTrainers'), { id: team, ids: [t0, t5] }, 'tr-remove');
    const before = await entryCount();
    const bad = await send(TRAINERS('addTrainers'), { id: team, ids: [t0, UNKNOWN] });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'memberIds.1': expect.any(String) } });
    expect(await entryCount()).toBe(before);

    const common = { recordType: 'TrainerTeam', recordId: team, action: 'UPDATE', bulk: false, actorId: superadmin.id, unitId: tree.state };
    expect(await entries({ requestId: 'tr-add' })).toEqual([
      expect.objectContaining({
        ...common,
        operation: 'addTrainers',
        changes: [{ field: 'trainerIds', oldValue: JSON.stringify([t0]), newValue: JSON.stringify([t0, t4, t5]) }],
      }),
    ]);
    expect(await entries({ requestId: 'tr-remove' })).toEqual([
      expect.objectContaining({
        ...common,
        operation: 'removeTrainers',
        changes: [{ field: 'trainerIds', oldValue: JSON.stringify([t0, t4, t5]), newValue: JSON.stringify([t4]) }],
      }),
    ]);
  });
});

describe('the unit-copy follower', () => {
  it('writes the new unit paths of training’s records as the system job "unit-copies", after a unit moves in membership', async () => {
    // District 4 moves from region 2 to region 1, with the two camps held there.
    const district = tree.districts[3];
    const camps = [await createCamp(district, 'शिविर क'), await createCamp(district, 'शिविर ख')];
    const elsewhere = await createCamp(tree.districts[2], 'शिविर ग');
    await service.followUnitChanges(); // whatever was pending before
    await service.membership.data(`mutation ($id: ID!, $input: OrgUnitUpdateInput!) { updateOrgUnit(id: $id, input: $input) { id } }`, {
      id: district,
      input: { parentId: tree.regions[0] },
    });
    const before = await entryCount();
    expect(await service.followUnitChanges()).toBe(1);
    expect(await entryCount()).toBe(before + 2);
    const written = await entries({ actorKind: 'system' });
    expect(written.map((entry) => entry.recordId).sort()).toEqual([...camps].sort());
    for (const entry of written)
      expect(entry).toEqual({
        id: expect.any(String),
        at: expect.any(String),
        service: 'training',
        unitId: district,
        actorKind: 'system',
        actorId: null,
        actorName: null,
        job: 'unit-copies',
        requestId: expect.stringMatching(/^unit-copies-[0-9a-f-]{36}$/),
        operation: 'unit-copies',
        recordType: 'Camp',
        recordId: entry.recordId,
        action: 'UPDATE',
        bulk: true,
        changes: [
          {
            field: 'unitPath',
            oldValue: JSON.stringify([tree.state, tree.regions[1], district]),
            newValue: JSON.stringify([tree.state, tree.regions[0], district]),
          },
        ],
      });
    expect(written.some((entry) => entry.recordId === elsewhere)).toBe(false);
  });
});

describe('who reads training’s entries', () => {
  it('EDITOR, VIEWER and partner tokens are FORBIDDEN; a district ADMIN sees exactly its subtree; the superadmin all', async () => {
    const editor = await accountToken(service.membership, 'EDITOR', tree.state);
    const viewer = await accountToken(service.membership, 'VIEWER', tree.state);
    const { createPartnerToken: partner } = await service.membership.data<{ createPartnerToken: { secret: string } }>(
      `mutation ($input: PartnerTokenInput!) { createPartnerToken(input: $input) { secret } }`,
      { input: { name: 'Training dashboard', scopeUnitId: tree.state, scopes: ['members:read', 'training:read'] } },
    );
    for (const token of [editor.token, viewer.token, partner.secret]) {
      const result = await auditEntryPage(service, FIELD, {}, undefined, { token });
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(result.data ?? null).toBeNull();
    }
    const admin = await accountToken(service.membership, 'ADMIN', tree.districts[0]);
    const inside = await createCamp(tree.districts[0], 'अंदर');
    const outside = await createCamp(tree.districts[1], 'बाहर');
    const seen = await entries({}, admin.token);
    const expected = (
      await service.dataSource.query(`SELECT id FROM audit_entry WHERE unit_path @> ARRAY[$1]::uuid[] AND organization_id = $2`, [
        tree.districts[0],
        tree.organizationId,
      ])
    ).map((row: { id: string }) => row.id);
    expect(seen.map((entry) => entry.id).sort()).toEqual(expected.sort());
    expect(seen.some((entry) => entry.recordId === inside)).toBe(true);
    expect(seen.some((entry) => entry.recordId === outside)).toBe(false);
    // The campaign, its phase, topic and team belong to the state: not the district admin's.
    expect(seen.some((entry) => [campaign.campaignId, campaign.phaseId, campaign.topicId, campaign.teamId].includes(entry.recordId))).toBe(
      false,
    );
    expect(await entries({ recordId: outside, recordTypes: ['Camp'] }, admin.token)).toEqual([]);
    expect((await entries()).length).toBe(await entryCount());
  });

  it('UPDATE, DELETE and TRUNCATE of training’s audit_entry are refused', async () => {
    const before = await entryCount();
    for (const sql of [`UPDATE audit_entry SET bulk = true`, `DELETE FROM audit_entry`, `TRUNCATE audit_entry`])
      await expect(service.dataSource.query(sql)).rejects.toThrow('audit entries cannot be changed or removed');
    expect(await entryCount()).toBe(before);
  });
});

describe('coverage', () => {
  it('every record table of training carries the audit triggers; the others are bookkeeping', async () => {
    const triggers = await triggersByTable(service.dataSource);
    expect(auditedTables(triggers)).toEqual(['camp', 'campaign_phase', 'enrollment', 'topic', 'trainer_team', 'training_campaign']);
    // Bookkeeping (the unit-change and member-merge cursors), and the log itself, guarded.
    expect(
      Object.keys(triggers)
        .filter((table) => !triggers[table].length)
        .sort(),
    ).toEqual(['member_merge_cursor', 'migrations', 'unit_change_cursor']);
    expect(triggers.audit_entry).toEqual(['audit_entry_guard', 'audit_entry_no_truncate']);
    expect(Object.keys(triggers)).toHaveLength(10);
  });
});
