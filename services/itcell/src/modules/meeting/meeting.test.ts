import { createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { startItcellTestService, type ItcellTestService } from '../../test-support';

let service: ItcellTestService;
beforeAll(async () => {
  service = await startItcellTestService('meeting');
});
afterAll(() => service.stop());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

type Tree = Awaited<ReturnType<typeof createPartyFixture>>;
const members = async (tree: Tree, count: number, prefix = 'सदस्य') => {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      await createMember(service.membership, { organizationId: tree.organizationId, fullName: `${prefix} ${i}`, unitId: tree.state }),
    );
  }
  return ids;
};

const createMeeting = (input: Record<string, unknown>) =>
  service.request<{ createMeeting: { id: string; version: number; attendeeCount: number } }>(
    `mutation ($input: MeetingInput!) { createMeeting(input: $input) { id version attendeeCount } }`,
    { input },
  );
const created = async (input: Record<string, unknown>) => {
  const result = await createMeeting(input);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createMeeting;
};
const fieldsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => {
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  return result.errors?.[0].extensions?.fields;
};
const counts = async () => {
  const [row] = await service.dataSource.query(
    'SELECT (SELECT count(*)::int FROM meeting) AS meetings, (SELECT count(*)::int FROM meeting_attendee) AS attendees',
  );
  return row as { meetings: number; attendees: number };
};
const attendeeIds = async (meetingId: string) =>
  (await service.dataSource.query('SELECT member_id FROM meeting_attendee WHERE meeting_id = $1 ORDER BY member_id', [meetingId])).map(
    (row: { member_id: string }) => row.member_id,
  ) as string[];

const ATTENDANCE = (name: string) => `mutation ($id: ID!, $ids: [ID!]!, $v: Int) {
  ${name}(id: $id, memberIds: $ids, expectedVersion: $v) { id version attendeeCount } }`;
const changeAttendance = (name: string, id: string, ids: string[], expectedVersion?: number) =>
  service.request<Record<string, { id: string; version: number; attendeeCount: number }>>(ATTENDANCE(name), {
    id,
    ids,
    v: expectedVersion,
  });

describe('meetings', () => {
  it('records a planning meeting with its unit ancestry, chair, sessions with speakers and attendance', async () => {
    const tree = await createPartyFixture(service.membership, 'A');
    const [chair, s1, s2, s3, ...rest] = await members(tree, 10);
    service.membership.queryLog.clear();
    const meeting = await created({
      kind: 'PLANNING_MEETING',
      title: 'प्रदेश कार्यसमिति बैठक',
      unitId: tree.state,
      startsAt: '2018-06-20T05:30:00.000Z',
      venue: 'प्रदेश कार्यालय, लखनऊ',
      chairId: chair,
      sessions: [{ title: 'बूथ प्रबंधन', speakerIds: [s1, s2] }, { title: 'सोशल मीडिया का सही उपयोग', speakerIds: [s3] }, { title: 'समापन' }],
      attendeeIds: [chair, ...rest, rest[0]],
      minutes: 'सभी मंडलों में आईटी टीम 10 जुलाई तक',
    });
    // The chair, every speaker and every attendee: one batched lookup in membership.
    expect(service.membership.queryLog.selectsFrom('member')).toHaveLength(1);
    expect(meeting.attendeeCount).toBe(7);
    const [row] = await service.dataSource.query('SELECT organization_id, unit_path, unit_level FROM meeting WHERE id = $1', [meeting.id]);
    expect(row).toEqual({ organization_id: tree.organizationId, unit_path: [tree.state], unit_level: 'state' });

    const { meeting: read } = await service.data<{ meeting: Record<string, unknown> }>(
      `query ($id: ID!) { meeting(id: $id) {
        kind title startsAt venue minutes attendeeCount unit { id } chair { id }
        sessions { title speakerIds speakers { id } }
        attendees(page: { limit: 5 }) { items { id } total nextCursor } } }`,
      { id: meeting.id },
    );
    expect(read).toMatchObject({
      kind: 'PLANNING_MEETING',
      startsAt: '2018-06-20T05:30:00.000Z',
      venue: 'प्रदेश कार्यालय, लखनऊ',
      attendeeCount: 7,
      unit: { id: tree.state },
      chair: { id: chair },
      sessions: [
        { title: 'बूथ प्रबंधन', speakerIds: [s1, s2], speakers: [{ id: s1 }, { id: s2 }] },
        { title: 'सोशल मीडिया का सही उपयोग', speakerIds: [s3], speakers: [{ id: s3 }] },
        { title: 'समापन', speakerIds: [], speakers: [] },
      ],
      attendees: { total: 7, nextCursor: expect.any(String) },
    });
    const page = read.attendees as { items: { id: string }[]; nextCursor: string };
    const { meeting: next } = await service.data<{ meeting: { attendees: { items: { id: string }[]; nextCursor: string | null } } }>(
      `query ($id: ID!, $after: String) { meeting(id: $id) { attendees(page: { limit: 5, after: $after }) { items { id } nextCursor } } }`,
      { id: meeting.id, after: page.nextCursor },
    );
    expect(next.attendees.nextCursor).toBeNull();
    expect([...page.items, ...next.attendees.items].map((item) => item.id).sort()).toEqual([chair, ...rest].sort());
  });

  it('refuses bad input, reporting every field at once, and writes nothing', async () => {
    const tree = await createPartyFixture(service.membership, 'B');
    const other = await createPartyFixture(service.membership, 'B2');
    const [own, speaker] = await members(tree, 2);
    const [stranger] = await members(other, 1, 'बाहरी');
    const before = await counts();
    const result = await createMeeting({
      kind: 'WORKSHOP',
      title: '  ',
      unitId: tree.districts[0],
      startsAt: '2018-07-01T04:30:00Z',
      chairId: stranger,
      sessions: [
        { title: 'सत्र 1', speakerIds: [speaker] },
        { title: '', speakerIds: [speaker, UNKNOWN] },
        { title: 'सत्र 3', speakerIds: ['bad'] },
      ],
      attendeeIds: [own, speaker, UNKNOWN, stranger],
    });
    expect(fieldsOf(result)).toEqual({
      title: 'must not be empty',
      chairId: 'belongs to another organisation',
      'sessions.1.title': 'must not be empty',
      'sessions.1.speakerIds.1': `no Member with id ${UNKNOWN}`,
      'sessions.2.speakerIds.0': 'no Member with id bad',
      'attendeeIds.2': `no Member with id ${UNKNOWN}`,
      'attendeeIds.3': 'belongs to another organisation',
    });
    expect(fieldsOf(await createMeeting({ kind: 'WORKSHOP', title: 'X', unitId: UNKNOWN, startsAt: '2018-07-01T04:30:00Z' }))).toEqual({
      unitId: `no OrgUnit with id ${UNKNOWN}`,
    });
    expect(
      fieldsOf(await createMeeting({ kind: 'WORKSHOP', title: 'x'.repeat(301), unitId: tree.state, startsAt: '2018-07-01T04:30:00Z' })),
    ).toEqual({ title: 'must be at most 300 characters' });
    const badDate = await createMeeting({ kind: 'WORKSHOP', title: 'X', unitId: tree.state, startsAt: '1 July' });
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badKind = await createMeeting({ kind: 'PICNIC', title: 'X', unitId: tree.state, startsAt: '2018-07-01T04:30:00Z' });
    expect(badKind.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });

  it('replaces, adds to and removes from the attendance list, all or nothing, reporting unknown ids per index', async () => {
    const tree = await createPartyFixture(service.membership, 'C');
    const other = await createPartyFixture(service.membership, 'C2');
    const people = await members(tree, 6);
    const [stranger] = await members(other, 1, 'बाहरी');
    const meeting = await created({
      kind: 'VOLUNTEER_MEET',
      title: 'स्वयंसेवक मिलन',
      unitId: tree.districts[1],
      startsAt: '2018-07-08T10:00:00Z',
      attendeeIds: people.slice(0, 2),
    });
    expect(meeting.attendeeCount).toBe(2);

    const snapshot = async () => ({
      attendees: await attendeeIds(meeting.id),
      row: (await service.dataSource.query('SELECT version, attendee_count FROM meeting WHERE id = $1', [meeting.id]))[0],
    });
    const before = await snapshot();
    const refused = await changeAttendance(
      'setMeetingAttendees',
      meeting.id,
      [people[2], stranger, people[3], UNKNOWN, 'x'],
      meeting.version,
    );
    expect(fieldsOf(refused)).toEqual({
      'memberIds.1': 'belongs to another organisation',
      'memberIds.3': `no Member with id ${UNKNOWN}`,
      'memberIds.4': 'no Member with id x',
    });
    expect(fieldsOf(await changeAttendance('addMeetingAttendees', meeting.id, [people[4], UNKNOWN]))).toEqual({
      'memberIds.1': `no Member with id ${UNKNOWN}`,
    });
    expect(fieldsOf(await changeAttendance('removeMeetingAttendees', meeting.id, [people[0], 'x']))).toEqual({
      'memberIds.1': '"x" is not a valid id',
    });
    expect(await snapshot()).toEqual(before);

    const set = await changeAttendance('setMeetingAttendees', meeting.id, [people[1], people[2], people[3], people[2]], meeting.version);
    expect(set.data?.setMeetingAttendees).toMatchObject({ attendeeCount: 3, version: meeting.version + 1 });
    expect(await attendeeIds(meeting.id)).toEqual([people[1], people[2], people[3]].sort());
    // Attendance is part of the meeting: an older version is a CONFLICT and changes nothing.
    const stale = await changeAttendance('addMeetingAttendees', meeting.id, [people[5]], meeting.version);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const added = await changeAttendance('addMeetingAttendees', meeting.id, [people[5], people[1]], meeting.version + 1);
    expect(added.data?.addMeetingAttendees).toMatchObject({ attendeeCount: 4, version: meeting.version + 2 });
    const removed = await changeAttendance('removeMeetingAttendees', meeting.id, [people[1], people[0]]);
    expect(removed.data?.removeMeetingAttendees).toMatchObject({ attendeeCount: 3, version: meeting.version + 3 });
    expect(await attendeeIds(meeting.id)).toEqual([people[2], people[3], people[5]].sort());
    const cleared = await changeAttendance('setMeetingAttendees', meeting.id, []);
    expect(cleared.data?.setMeetingAttendees.attendeeCount).toBe(0);
    expect((await changeAttendance('setMeetingAttendees', UNKNOWN, [])).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('updates with expectedVersion within its organisation; clears the chair; replaces sessions', async () => {
    const tree = await createPartyFixture(service.membership, 'D');
    const other = await createPartyFixture(service.membership, 'D2');
    const [chair, speaker] = await members(tree, 2);
    const meeting = await created({
      kind: 'WORKSHOP',
      title: 'जिला कार्यशाला',
      unitId: tree.districts[0],
      startsAt: '2018-07-02T04:30:00Z',
      chairId: chair,
    });
    const update = (input: Record<string, unknown>, v?: number) =>
      service.request<{
        updateMeeting: { version: number; unitId: string; chairId: string | null; sessions: unknown[]; venue: string | null };
      }>(
        `mutation ($id: ID!, $input: MeetingUpdateInput!, $v: Int) { updateMeeting(id: $id, input: $input, expectedVersion: $v) { version unitId chairId venue sessions { title speakerIds } } }`,
        { id: meeting.id, input, v },
      );
    expect((await update({ title: 'नया' }, meeting.version + 5)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(fieldsOf(await update({ unitId: other.districts[0] }))).toEqual({ unitId: 'belongs to another organisation' });
    expect(fieldsOf(await update({ sessions: [{ title: 'सत्र', speakerIds: [UNKNOWN] }] }))).toEqual({
      'sessions.0.speakerIds.0': `no Member with id ${UNKNOWN}`,
    });
    const changed = await update(
      { unitId: tree.districts[1], chairId: '', venue: 'जिला कार्यालय', sessions: [{ title: 'सत्र', speakerIds: [speaker] }] },
      meeting.version,
    );
    expect(changed.data?.updateMeeting).toEqual({
      version: meeting.version + 1,
      unitId: tree.districts[1],
      chairId: null,
      venue: 'जिला कार्यालय',
      sessions: [{ title: 'सत्र', speakerIds: [speaker] }],
    });
    const [row] = await service.dataSource.query('SELECT unit_path FROM meeting WHERE id = $1', [meeting.id]);
    expect(row.unit_path).toEqual([tree.state, tree.regions[0], tree.districts[1]]);
  });

  it('filters by subtree, kind, dates, chair, attendee, speaker and text, newest first', async () => {
    const tree = await createPartyFixture(service.membership, 'E');
    const [chair, speaker, attendee] = await members(tree, 3);
    const state = await created({
      kind: 'PLANNING_MEETING',
      title: 'प्रदेश कार्यसमिति बैठक',
      unitId: tree.state,
      startsAt: '2018-06-20T05:30:00Z',
      venue: 'लखनऊ',
      chairId: chair,
      minutes: 'Booth committees by 10 July',
    });
    const workshop = await created({
      kind: 'WORKSHOP',
      title: 'आईटी कार्यशाला',
      unitId: tree.districts[2],
      startsAt: '2018-07-05T05:30:00Z',
      sessions: [{ title: 'ट्विटर', speakerIds: [speaker] }],
      attendeeIds: [attendee],
    });
    const conference = await created({
      kind: 'CONFERENCE',
      title: 'मंडल संयोजक सम्मेलन',
      unitId: tree.mandals[3],
      startsAt: '2018-07-10T05:30:00Z',
      chairId: chair,
      attendeeIds: [attendee, chair],
    });
    const ids = async (filter: Record<string, unknown>, sort?: unknown) =>
      (
        await service.data<{ meetings: { items: { id: string }[] } }>(
          `query ($f: MeetingFilter, $s: [MeetingSort!]) { meetings(filter: $f, sort: $s, page: { limit: 100 }) { items { id } } }`,
          { f: { organizationId: tree.organizationId, ...filter }, s: sort },
        )
      ).meetings.items.map((item) => item.id);
    expect(await ids({})).toEqual([conference.id, workshop.id, state.id]);
    expect(await ids({}, [{ field: 'attendeeCount', direction: 'DESC' }, { field: 'startsAt' }])).toEqual([
      conference.id,
      workshop.id,
      state.id,
    ]);
    expect(await ids({ withinUnit: tree.regions[1] })).toEqual([conference.id, workshop.id]);
    expect(await ids({ withinUnit: tree.districts[3] })).toEqual([conference.id]);
    expect(await ids({ unitLevels: ['state', 'mandal'] })).toEqual([conference.id, state.id]);
    expect(await ids({ kinds: ['WORKSHOP', 'PLANNING_MEETING'] })).toEqual([workshop.id, state.id]);
    expect(await ids({ from: '2018-07-01T00:00:00Z', to: '2018-07-10T05:30:00Z' })).toEqual([workshop.id]);
    expect(await ids({ chairId: chair })).toEqual([conference.id, state.id]);
    expect(await ids({ attendeeId: attendee })).toEqual([conference.id, workshop.id]);
    expect(await ids({ speakerId: speaker })).toEqual([workshop.id]);
    expect(await ids({ q: 'baithak' })).toEqual([state.id]);
    expect(await ids({ q: 'लखनऊ' })).toEqual([state.id]);
    expect(await ids({ q: 'lakhnau' })).toEqual([state.id]);
    expect(await ids({ q: 'booth committees' })).toEqual([state.id]);
    expect(await ids({ q: 'सम्मेलन' })).toEqual([conference.id]);
    const bad = await service.request(`{ meetings(filter: { attendeeId: "nope" }) { total } }`);
    expect(fieldsOf(bad)).toEqual({ 'filter.attendeeId': '"nope" is not a valid id' });
  });

  it('follows a unit moved in membership: the meeting is found under its new ancestor', async () => {
    const tree = await createPartyFixture(service.membership, 'F');
    const meeting = await created({ kind: 'WORKSHOP', title: 'मंडल कार्यशाला', unitId: tree.mandals[0], startsAt: '2018-07-03T05:30:00Z' });
    const within = async (unitId: string) =>
      (
        await service.data<{ meetings: { items: { id: string }[] } }>(
          `query ($u: ID!) { meetings(filter: { withinUnit: $u }) { items { id } } }`,
          { u: unitId },
        )
      ).meetings.items.map((item) => item.id);
    expect(await within(tree.regions[0])).toEqual([meeting.id]);
    await service.membership.data(`mutation ($id: ID!, $p: ID!) { updateOrgUnit(id: $id, input: { parentId: $p }) { id } }`, {
      id: tree.mandals[0],
      p: tree.districts[3],
    });
    expect(await service.followUnitChanges()).toBeGreaterThanOrEqual(1);
    const [row] = await service.dataSource.query('SELECT unit_path FROM meeting WHERE id = $1', [meeting.id]);
    expect(row.unit_path).toEqual([tree.state, tree.regions[1], tree.districts[3], tree.mandals[0]]);
    expect(await within(tree.regions[1])).toEqual([meeting.id]);
    expect(await within(tree.regions[0])).toEqual([]);
  });

  it('soft-deletes (in bulk all or none) and restores; resolves references', async () => {
    const tree = await createPartyFixture(service.membership, 'G');
    const [a, b] = [
      await created({ kind: 'WORKSHOP', title: 'एक', unitId: tree.state, startsAt: '2018-07-03T05:30:00Z' }),
      await created({ kind: 'WORKSHOP', title: 'दो', unitId: tree.state, startsAt: '2018-07-04T05:30:00Z' }),
    ];
    const partly = await service.request(`mutation ($ids: [ID!]!) { deleteMeetings(ids: $ids) { id } }`, { ids: [a.id, UNKNOWN] });
    expect(fieldsOf(partly)).toEqual({ 'ids.1': `no Meeting with id ${UNKNOWN}` });
    const total = async () =>
      (
        await service.data<{ meetings: { total: number } }>(`query ($o: ID) { meetings(filter: { organizationId: $o }) { total } }`, {
          o: tree.organizationId,
        })
      ).meetings.total;
    expect(await total()).toBe(2);
    await service.data(`mutation ($ids: [ID!]!) { deleteMeetings(ids: $ids) { id } }`, { ids: [a.id, b.id] });
    expect(await total()).toBe(0);
    expect((await service.data<{ meeting: null }>(`query ($id: ID!) { meeting(id: $id) { id } }`, { id: a.id })).meeting).toBeNull();
    expect((await changeAttendance('addMeetingAttendees', a.id, [])).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await service.data(`mutation ($id: ID!) { restoreMeeting(id: $id) { id } }`, { id: a.id });
    expect(await total()).toBe(1);

    service.queryLog.clear();
    const { _entities } = await service.data<{ _entities: { id: string; title: string }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Meeting { id title } } }`,
      { r: [a.id, b.id].map((id) => ({ __typename: 'Meeting', id })) },
    );
    expect(_entities.map((entity) => entity.title)).toEqual(['एक', 'दो']);
    expect(service.queryLog.selectsFrom('meeting')).toHaveLength(1);
  });
});
