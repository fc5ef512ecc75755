import { allAuditEntries, auditedTables, auditEntryPage, triggersByTable, type AuditEntryView } from '@sangathan/common';
import { accountToken, createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { startItcellTestService, type ItcellTestService } from './test-support';

// itcell's audit log over the real service, its real membership and their databases: meetings, their
// attendance, drive targets, the unit-copy follower writing as a system job, rollbacks, access.

let service: ItcellTestService;
let tree: Awaited<ReturnType<typeof createPartyFixture>>;
let members: string[];
let superadmin: { id: string; displayName: string };
beforeAll(async () => {
  service = await startItcellTestService('audit_itcell');
  tree = await createPartyFixture(service.membership, 'IT');
  members = [];
  for (let i = 0; i < 6; i++)
    members.push(
      await createMember(service.membership, { organizationId: tree.organizationId, fullName: `कार्यकर्ता ${i}`, unitId: tree.state }),
    );
  ({ me: superadmin } = await service.membership.data<{ me: { id: string; displayName: string } }>(`{ me { id displayName } }`));
});
afterAll(() => service.stop());

const FIELD = 'itcellAuditEntries';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
type Errors = { errors?: { message: string; extensions?: Record<string, unknown> }[] };

const entries = (filter: Record<string, unknown> = {}, token?: string) =>
  allAuditEntries(service, FIELD, filter, token === undefined ? undefined : { token });
const entryCount = async () => Number((await service.dataSource.query('SELECT count(*) AS n FROM audit_entry'))[0].n);
const send = <T>(query: string, variables: Record<string, unknown>, requestId?: string) =>
  service.request<T>(query, variables, { headers: requestId ? { 'x-request-id': requestId } : {} });
const mutate = async <T>(query: string, variables: Record<string, unknown>, requestId?: string) => {
  const result = await send<T>(query, variables, requestId);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
};
const instant = (value: string | null) => (value === null ? null : new Date(value).toISOString());
/** Changes as {field: [old, new]}, timestamps as instants (PostgreSQL writes them in the session's time zone). */
const changesOf = (entry: AuditEntryView, timestamps: string[] = []) =>
  Object.fromEntries(
    entry.changes.map((change) =>
      timestamps.includes(change.field)
        ? [change.field, [instant(change.oldValue), instant(change.newValue)]]
        : [change.field, [change.oldValue, change.newValue]],
    ),
  );
const byAction = (list: AuditEntryView[]) => list.map((entry) => `${entry.recordType} ${entry.action} bulk=${entry.bulk}`).sort();

const createMeeting = (input: Record<string, unknown>, requestId?: string) =>
  mutate<{ createMeeting: { id: string } }>(
    `mutation ($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
    { input },
    requestId,
  ).then((data) => data.createMeeting.id);
const ATTENDANCE = (name: string) =>
  `mutation ($id: ID!, $ids: [ID!]!, $v: Int) { ${name}(id: $id, memberIds: $ids, expectedVersion: $v) { id version } }`;

describe('meetings', () => {
  it('create, update, move, delete and restore: one entry each, in the caller’s name and request', async () => {
    const meeting = await createMeeting(
      {
        kind: 'PLANNING_MEETING',
        title: 'ज़िला आईटी बैठक',
        unitId: tree.districts[0],
        startsAt: '2026-06-20T05:30:00.000Z',
        venue: 'ज़िला कार्यालय',
      },
      'it-create',
    );
    const update = `mutation ($id: ID!, $input: MeetingUpdateInput!) { updateMeeting(id: $id, input: $input) { id } }`;
    await mutate(update, { id: meeting, input: { title: 'ज़िला आईटी बैठक (संशोधित)', minutes: 'सभी बूथों पर आईटी प्रमुख' } }, 'it-update');
    await mutate(update, { id: meeting, input: { unitId: tree.districts[1] } }, 'it-move');
    await mutate(`mutation ($id: ID!) { deleteMeeting(id: $id) { id } }`, { id: meeting }, 'it-delete');
    await mutate(`mutation ($id: ID!) { restoreMeeting(id: $id) { id } }`, { id: meeting }, 'it-restore');

    const history = await entries({ recordId: meeting });
    expect(history.map((entry) => [entry.action, entry.requestId, entry.operation, entry.unitId])).toEqual([
      ['RESTORE', 'it-restore', 'restoreMeeting', tree.districts[1]],
      ['DELETE', 'it-delete', 'deleteMeeting', tree.districts[1]],
      ['MOVE', 'it-move', 'updateMeeting', tree.districts[1]],
      ['UPDATE', 'it-update', 'updateMeeting', tree.districts[0]],
      ['CREATE', 'it-create', 'createMeeting', tree.districts[0]],
    ]);
    for (const entry of history)
      expect(entry).toMatchObject({
        service: 'itcell',
        actorKind: 'account',
        actorId: superadmin.id,
        actorName: superadmin.displayName,
        job: null,
        recordType: 'Meeting',
        recordId: meeting,
        bulk: false,
      });
    const [restore, remove, move, change, create] = history;
    expect(changesOf(create, ['startsAt'])).toEqual({
      attendeeCount: [null, '0'],
      id: [null, meeting],
      kind: [null, 'PLANNING_MEETING'],
      organizationId: [null, tree.organizationId],
      sessions: [null, '[]'],
      startsAt: [null, '2026-06-20T05:30:00.000Z'],
      title: [null, 'ज़िला आईटी बैठक'],
      unitId: [null, tree.districts[0]],
      unitLevel: [null, 'district'],
      unitPath: [null, JSON.stringify([tree.state, tree.regions[0], tree.districts[0]])],
      venue: [null, 'ज़िला कार्यालय'],
    });
    expect(change.changes).toEqual([
      { field: 'minutes', oldValue: null, newValue: 'सभी बूथों पर आईटी प्रमुख' },
      { field: 'title', oldValue: 'ज़िला आईटी बैठक', newValue: 'ज़िला आईटी बैठक (संशोधित)' },
    ]);
    expect(move.changes).toEqual([
      { field: 'unitId', oldValue: tree.districts[0], newValue: tree.districts[1] },
      {
        field: 'unitPath',
        oldValue: JSON.stringify([tree.state, tree.regions[0], tree.districts[0]]),
        newValue: JSON.stringify([tree.state, tree.regions[0], tree.districts[1]]),
      },
    ]);
    expect((await service.dataSource.query('SELECT deleted_at FROM meeting WHERE id = $1', [meeting]))[0].deleted_at).toBeNull();
    expect(changesOf(remove, ['deletedAt'])).toEqual({ deletedAt: [null, instant(remove.at)] });
    expect(changesOf(restore, ['deletedAt'])).toEqual({ deletedAt: [instant(remove.at), null] });
  });

  it('deleteMeetings of several marks each entry bulk; a stale version or a bad id in the list writes nothing', async () => {
    const ids = [];
    for (const title of ['बैठक 1', 'बैठक 2', 'बैठक 3'])
      ids.push(await createMeeting({ kind: 'WORKSHOP', title, unitId: tree.mandals[0], startsAt: '2026-07-01T04:30:00.000Z' }));
    const before = await entryCount();
    const stale = await send<Errors>(`mutation ($id: ID!) { updateMeeting(id: $id, input: { title: "x" }, expectedVersion: 9) { id } }`, {
      id: ids[0],
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const bad = await send(`mutation ($ids: [ID!]!) { deleteMeetings(ids: $ids) { id } }`, { ids: [ids[0], UNKNOWN] });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await entryCount()).toBe(before);

    await mutate(`mutation ($ids: [ID!]!) { deleteMeetings(ids: $ids) { id } }`, { ids: ids.slice(0, 2) }, 'it-delete-many');
    const deleted = await entries({ requestId: 'it-delete-many' });
    expect(deleted.map((entry) => entry.recordId).sort()).toEqual(ids.slice(0, 2).sort());
    for (const entry of deleted)
      expect(entry).toMatchObject({ action: 'DELETE', bulk: true, operation: 'deleteMeetings', unitId: tree.mandals[0] });
    await mutate(`mutation ($ids: [ID!]!) { deleteMeetings(ids: $ids) { id } }`, { ids: [ids[2]] }, 'it-delete-one');
    expect((await entries({ requestId: 'it-delete-one' })).map((entry) => [entry.recordId, entry.bulk])).toEqual([[ids[2], false]]);
  });

  it('setMeetingAttendees, addMeetingAttendees and removeMeetingAttendees: one entry per attendance row, bulk when several', async () => {
    const meeting = await createMeeting({
      kind: 'VOLUNTEER_MEET',
      title: 'स्वयंसेवक मिलन',
      unitId: tree.booths[0],
      startsAt: '2026-08-01T10:00:00.000Z',
    });
    const [a, b, c, d, e] = members;
    await mutate(ATTENDANCE('setMeetingAttendees'), { id: meeting, ids: [a, b, c] }, 'att-set');
    await mutate(ATTENDANCE('addMeetingAttendees'), { id: meeting, ids: [c, d, e] }, 'att-add');
    await mutate(ATTENDANCE('removeMeetingAttendees'), { id: meeting, ids: [a, b, UNKNOWN] }, 'att-remove');
    await mutate(ATTENDANCE('addMeetingAttendees'), { id: meeting, ids: [a] }, 'att-add-one');
    await mutate(ATTENDANCE('setMeetingAttendees'), { id: meeting, ids: [a, c] }, 'att-set-again');

    const attendance = async (requestId: string, operation: string) => {
      const found = await entries({ requestId });
      for (const entry of found) expect(entry).toMatchObject({ operation, unitId: tree.booths[0], actorId: superadmin.id });
      const rows = found.filter((entry) => entry.recordType === 'MeetingAttendee');
      for (const row of rows) expect(changesOf(row).meetingId).toEqual(row.action === 'CREATE' ? [null, meeting] : [meeting, null]);
      return {
        rows: rows.map((row) => `${row.action} ${members.indexOf(changesOf(row).memberId.find(Boolean)!)} bulk=${row.bulk}`).sort(),
        meeting: found.filter((entry) => entry.recordType === 'Meeting').map((entry) => [entry.action, entry.bulk, changesOf(entry)]),
      };
    };
    expect(await attendance('att-set', 'setMeetingAttendees')).toEqual({
      rows: ['CREATE 0 bulk=true', 'CREATE 1 bulk=true', 'CREATE 2 bulk=true'],
      meeting: [['UPDATE', false, { attendeeCount: ['0', '3'] }]],
    });
    expect(await attendance('att-add', 'addMeetingAttendees')).toEqual({
      rows: ['CREATE 3 bulk=true', 'CREATE 4 bulk=true'],
      meeting: [['UPDATE', false, { attendeeCount: ['3', '5'] }]],
    });
    expect(await attendance('att-remove', 'removeMeetingAttendees')).toEqual({
      rows: ['DELETE 0 bulk=true', 'DELETE 1 bulk=true'],
      meeting: [['UPDATE', false, { attendeeCount: ['5', '3'] }]],
    });
    expect(await attendance('att-add-one', 'addMeetingAttendees')).toEqual({
      rows: ['CREATE 0 bulk=false'],
      meeting: [['UPDATE', false, { attendeeCount: ['3', '4'] }]],
    });
    expect(await attendance('att-set-again', 'setMeetingAttendees')).toEqual({
      rows: ['DELETE 3 bulk=true', 'DELETE 4 bulk=true'],
      meeting: [['UPDATE', false, { attendeeCount: ['4', '2'] }]],
    });

    // A bad member id, or a stale version: all or nothing, so no entry.
    const before = await entryCount();
    const bad = await send(ATTENDANCE('addMeetingAttendees'), { id: meeting, ids: [b, UNKNOWN] });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'memberIds.1': expect.any(String) } });
    const stale = await send(ATTENDANCE('setMeetingAttendees'), { id: meeting, ids: [b], v: 1 });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await entryCount()).toBe(before);
  });
});

describe('outreach drives', () => {
  it('setDriveTargets writes one entry per target row changed, bulk when the statement changed several; a bad row writes nothing', async () => {
    const { createOutreachDrive: drive } = await mutate<{ createOutreachDrive: { id: string } }>(
      `mutation ($input: OutreachDriveInput!) { createOutreachDrive(input: $input) { id } }`,
      { input: { kind: 'APP_ONBOARDING', name: 'ऐप अभियान', unitId: tree.state, startsOn: '2026-09-01', endsOn: '2026-09-30' } },
    );
    const SET = `mutation ($id: ID!, $targets: [DriveTargetInput!]!) { setDriveTargets(driveId: $id, targets: $targets) { id } }`;
    const [d0, d1, d2] = tree.districts;
    await mutate(
      SET,
      {
        id: drive.id,
        targets: [
          { unitId: d0, target: 100 },
          { unitId: d1, target: 200 },
          { unitId: d2, target: 300 },
        ],
      },
      'dt-1',
    );
    const first = await entries({ requestId: 'dt-1' });
    // The drive's own row changes only its version: nothing to record.
    expect(byAction(first)).toEqual(['DriveTarget CREATE bulk=true', 'DriveTarget CREATE bulk=true', 'DriveTarget CREATE bulk=true']);
    expect(first.map((entry) => [entry.unitId, changesOf(entry).target]).sort()).toEqual(
      [
        [d0, [null, '100']],
        [d1, [null, '200']],
        [d2, [null, '300']],
      ].sort(),
    );
    for (const entry of first) expect(entry).toMatchObject({ operation: 'setDriveTargets', actorId: superadmin.id, requestId: 'dt-1' });
    const targetOf = new Map(first.map((entry) => [entry.unitId, entry.recordId]));

    await mutate(
      SET,
      {
        id: drive.id,
        targets: [
          { unitId: d0, target: 150 },
          { unitId: d1, target: 250 },
        ],
      },
      'dt-2',
    );
    const second = await entries({ requestId: 'dt-2' });
    expect(second.map((entry) => [entry.recordId, entry.action, entry.bulk, changesOf(entry, ['deletedAt'])]).sort()).toEqual(
      [
        [targetOf.get(d0), 'UPDATE', true, { target: ['100', '150'] }],
        [targetOf.get(d1), 'UPDATE', true, { target: ['200', '250'] }],
        [targetOf.get(d2), 'DELETE', false, { deletedAt: [null, instant(second[0].at)] }],
      ].sort(),
    );

    const before = await entryCount();
    const bad = await send(SET, {
      id: drive.id,
      targets: [
        { unitId: d0, target: 1 },
        { unitId: UNKNOWN, target: 5 },
      ],
    });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'targets.1.unitId': expect.any(String) } });
    const negative = await send(SET, {
      id: drive.id,
      targets: [
        { unitId: d0, target: 1 },
        { unitId: d1, target: -5 },
      ],
    });
    expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await entryCount()).toBe(before);
  });
});

describe('the unit-copy follower', () => {
  it('writes the new unit paths of itcell’s records as the system job "unit-copies", after a unit moves in membership', async () => {
    // District 4 (region 2) with its mandal and booth moves under region 1; two meetings sit inside it.
    const [district, mandal, booth] = [tree.districts[3], tree.mandals[3], tree.booths[6]];
    const inMandal = await createMeeting({ kind: 'WORKSHOP', title: 'मंडल कार्यशाला', unitId: mandal, startsAt: '2026-10-01T04:30:00.000Z' });
    const inBooth = await createMeeting({ kind: 'WORKSHOP', title: 'बूथ कार्यशाला', unitId: booth, startsAt: '2026-10-02T04:30:00.000Z' });
    const elsewhere = await createMeeting({
      kind: 'WORKSHOP',
      title: 'दूसरी कार्यशाला',
      unitId: tree.mandals[2],
      startsAt: '2026-10-03T04:30:00.000Z',
    });
    await service.followUnitChanges(); // whatever was pending before
    await service.membership.data(`mutation ($id: ID!, $input: OrgUnitUpdateInput!) { updateOrgUnit(id: $id, input: $input) { id } }`, {
      id: district,
      input: { parentId: tree.regions[0] },
    });
    const before = await entryCount();
    expect(await service.followUnitChanges()).toBe(1);

    const written = await entries({ actorKind: 'system' });
    expect(await entryCount()).toBe(before + 2);
    const oldBase = [tree.state, tree.regions[1], district];
    const newBase = [tree.state, tree.regions[0], district];
    expect(
      written.map((entry) => ({ ...entry, id: undefined, at: undefined })).sort((x, y) => x.recordId.localeCompare(y.recordId)),
    ).toEqual(
      [
        [inMandal, [mandal]],
        [inBooth, [mandal, booth]],
      ]
        .sort((x, y) => (x[0] as string).localeCompare(y[0] as string))
        .map(([recordId, below]) => ({
          id: undefined,
          at: undefined,
          service: 'itcell',
          unitId: (below as string[]).at(-1),
          actorKind: 'system',
          actorId: null,
          actorName: null,
          job: 'unit-copies',
          requestId: written[0].requestId,
          operation: 'unit-copies',
          recordType: 'Meeting',
          recordId,
          action: 'UPDATE',
          bulk: true,
          changes: [
            { field: 'unitPath', oldValue: JSON.stringify([...oldBase, ...below]), newValue: JSON.stringify([...newBase, ...below]) },
          ],
        })),
    );
    expect(written[0].requestId).toMatch(/^unit-copies-[0-9a-f-]{36}$/);
    expect(written.some((entry) => entry.recordId === elsewhere)).toBe(false);
  });
});

describe('who reads itcell’s entries', () => {
  it('EDITOR, VIEWER and partner tokens are FORBIDDEN; a district ADMIN sees exactly its subtree; the superadmin all', async () => {
    const editor = await accountToken(service.membership, 'EDITOR', tree.state);
    const viewer = await accountToken(service.membership, 'VIEWER', tree.state);
    const { createPartnerToken: partner } = await service.membership.data<{ createPartnerToken: { secret: string } }>(
      `mutation ($input: PartnerTokenInput!) { createPartnerToken(input: $input) { secret } }`,
      { input: { name: 'IT cell dashboard', scopeUnitId: tree.state, scopes: ['members:read', 'itcell:read'] } },
    );
    for (const token of [editor.token, viewer.token, partner.secret]) {
      const result = await auditEntryPage(service, FIELD, {}, undefined, { token });
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(result.data ?? null).toBeNull();
    }

    const admin = await accountToken(service.membership, 'ADMIN', tree.districts[0]);
    const inside = await createMeeting({ kind: 'WORKSHOP', title: 'अंदर', unitId: tree.booths[1], startsAt: '2026-11-01T04:30:00.000Z' });
    const outside = await createMeeting({ kind: 'WORKSHOP', title: 'बाहर', unitId: tree.booths[4], startsAt: '2026-11-01T04:30:00.000Z' });
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
    expect(await entries({ recordId: outside, recordTypes: ['Meeting'] }, admin.token)).toEqual([]);
    expect((await entries({ recordId: inside, recordTypes: ['Meeting'] }, admin.token)).map((entry) => entry.action)).toEqual(['CREATE']);
    expect((await entries()).length).toBe(await entryCount());
  });

  it('UPDATE, DELETE and TRUNCATE of itcell’s audit_entry are refused', async () => {
    const before = await entryCount();
    for (const sql of [`UPDATE audit_entry SET job = 'x'`, `DELETE FROM audit_entry`, `TRUNCATE audit_entry`])
      await expect(service.dataSource.query(sql)).rejects.toThrow('audit entries cannot be changed or removed');
    expect(await entryCount()).toBe(before);
  });
});

describe('coverage', () => {
  it('every record table of itcell carries the audit triggers; the others are bookkeeping', async () => {
    const triggers = await triggersByTable(service.dataSource);
    expect(auditedTables(triggers)).toEqual([
      'drive_report',
      'drive_target',
      'meeting',
      'meeting_attendee',
      'outreach_drive',
      'social_account',
      'social_team',
      'team_member',
    ]);
    // Bookkeeping (the unit-change and member-merge cursors), and the log itself, guarded.
    expect(
      Object.keys(triggers)
        .filter((table) => !triggers[table].length)
        .sort(),
    ).toEqual(['member_merge_cursor', 'migrations', 'unit_change_cursor']);
    expect(triggers.audit_entry).toEqual(['audit_entry_guard', 'audit_entry_no_truncate']);
    expect(Object.keys(triggers)).toHaveLength(12);
  });
});
