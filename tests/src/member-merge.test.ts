import { fixtureQuery } from '@sangathan/common';
import { accountToken, createMember, createPartyFixture } from '@sangathan/membership/test-support';
import type { DataSource } from 'typeorm';
import { startTestSystem, type TestSystem } from './support';

// Merging two members across the three services: membership merges in one transaction and writes the
// feed; itcell and training follow it. Each service's own database is checked with SQL.

let system: TestSystem;
let tree: Awaited<ReturnType<typeof createPartyFixture>>;
let otherTree: Awaited<ReturnType<typeof createPartyFixture>>;
beforeAll(async () => {
  system = await startTestSystem('merge');
  tree = await createPartyFixture(system.membership, 'MG');
  otherTree = await createPartyFixture(system.membership, 'MH');
});
afterAll(() => system.stop());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const MERGE = `mutation ($keep: ID!, $retire: ID!, $versions: MergeExpectedVersions) {
  mergeMembers(keepId: $keep, retireId: $retire, expectedVersions: $versions) { id phone email dateOfBirth tags } }`;

const member = (fullName: string, unitId = tree.booths[0], extra: Record<string, unknown> = {}) =>
  createMember(system.membership, { organizationId: tree.organizationId, fullName, unitId, ...extra });
const merge = (keep: string, retire: string) => system.data(MERGE, { keep, retire });
const rows = (dataSource: DataSource, sql: string, parameters: unknown[] = []) => dataSource.query(sql, parameters);
const one = async (dataSource: DataSource, sql: string, parameters: unknown[] = []) => (await rows(dataSource, sql, parameters))[0];
const mergeEntries = async (dataSource: DataSource) =>
  Number((await one(dataSource, `SELECT count(*) AS n FROM audit_entry WHERE action = 'MERGE'`)).n);

/** The unit copy columns of an itcell or training record: organisation, unit, path, level. */
const unitCopy = () => [tree.organizationId, tree.districts[0], [tree.state, tree.regions[0], tree.districts[0]], 'district'];

/** A team of a district (one active team per unit). */
async function itcellTeam(district: number): Promise<string> {
  const [team] = await fixtureQuery(
    system.itcell.dataSource,
    `INSERT INTO social_team (organization_id, unit_id, unit_path, unit_level, name, formed_on) VALUES ($1, $2, $3, 'district', 'IT सेल', '2021-01-01') RETURNING id`,
    [tree.organizationId, tree.districts[district], [tree.state, tree.districts[district]]],
  );
  return team.id;
}

async function teamRole(teamId: string, memberId: string, role: string, since: string, until: string | null = null): Promise<string> {
  const [row] = await fixtureQuery(
    system.itcell.dataSource,
    `INSERT INTO team_member (team_id, member_id, role, since, until) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [teamId, memberId, role, since, until],
  );
  return row.id;
}

async function trainingCamps(count: number) {
  const t = system.training.dataSource;
  const [campaign] = await fixtureQuery(
    t,
    `INSERT INTO training_campaign (organization_id, unit_id, unit_path, unit_level, name, starts_on, ends_on, target_camps, target_trainees, status)
     VALUES ($1, $2, $3, $4, 'प्रशिक्षण', '2021-08-01', '2021-12-31', 10, 100, 'ACTIVE') RETURNING id`,
    unitCopy(),
  );
  const [phase] = await fixtureQuery(
    t,
    `INSERT INTO campaign_phase (campaign_id, number, name, starts_on, ends_on, target_camps, target_trainees, camp_level)
     VALUES ($1, 1, 'चरण 1', '2021-08-20', '2021-08-31', 10, 100, 'district') RETURNING id`,
    [campaign.id],
  );
  const topics: string[] = [];
  for (const title of ['बूथ प्रबंधन', 'सोशल मीडिया']) {
    const [topic] = await fixtureQuery(t, `INSERT INTO topic (campaign_id, title) VALUES ($1, $2) RETURNING id`, [campaign.id, title]);
    topics.push(topic.id);
  }
  const camps: string[] = [];
  for (let i = 0; i < count; i++) {
    const [camp] = await fixtureQuery(
      t,
      `INSERT INTO camp (organization_id, unit_id, unit_path, unit_level, campaign_id, phase_id, venue, starts_on, ends_on, capacity, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'जिला कार्यालय', '2021-08-21', '2021-08-22', 50, 'COMPLETED') RETURNING id`,
      [...unitCopy(), campaign.id, phase.id],
    );
    camps.push(camp.id);
  }
  return { campaignId: campaign.id as string, topics, camps };
}

async function enrol(campId: string, memberId: string, status: string, topics: string[] = [], completedOn: string | null = null) {
  const [row] = await fixtureQuery(
    system.training.dataSource,
    `INSERT INTO enrollment (camp_id, member_id, status, topics_attended, completed_on) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [campId, memberId, status, topics, completedOn],
  );
  return row.id as string;
}

describe('merging members', () => {
  it('moves everything the retired member had in membership, itcell and training to the kept one, once', async () => {
    const m = system.membership.dataSource;
    const it = system.itcell.dataSource;
    const tr = system.training.dataSource;
    const keep = await member('संजय राय', tree.booths[0], { tags: ['it-cell'] });
    const retire = await member('Sanjay Rai', tree.booths[1], {
      phone: '+919812345670',
      email: 'sanjay@example.org',
      dateOfBirth: '1980-01-02',
      tags: ['youth', 'it-cell'],
    });
    const other = await member('सुनीता देवी');

    // membership: a position, an assignment, a field visit and an account.
    await fixtureQuery(m, `INSERT INTO "position" (member_id, unit_id, title, starts_on) VALUES ($1, $2, 'मंत्री', '2020-01-01')`, [
      retire,
      tree.state,
    ]);
    await fixtureQuery(m, `INSERT INTO assignment (cadre_id, unit_id, starts_on) VALUES ($1, $2, '2021-01-01')`, [retire, tree.mandals[0]]);
    await fixtureQuery(m, `INSERT INTO field_visit (cadre_id, unit_id, visited_on, purpose) VALUES ($1, $2, '2021-02-01', 'बैठक')`, [
      retire,
      tree.booths[0],
    ]);
    const account = await accountToken(system.membership, 'VIEWER', tree.state);
    await fixtureQuery(m, `UPDATE account SET member_id = $1 WHERE id = $2`, [retire, account.id]);

    // itcell: the same role twice (the retired one started earlier and is open), another role, an account,
    // a meeting both attended (the retired one chairing and speaking), one only the retired attended, a report.
    const team = await itcellTeam(0);
    const keptConvenor = await teamRole(team, keep, 'CONVENOR', '2022-01-01', '2023-01-01');
    const retiredConvenor = await teamRole(team, retire, 'CONVENOR', '2021-06-01');
    const retiredCoConvenor = await teamRole(team, retire, 'CO_CONVENOR', '2022-01-01');
    const [socialAccount] = await fixtureQuery(
      it,
      `INSERT INTO social_account (organization_id, platform, handle, owner_member_id) VALUES ($1, 'X', 'sanjay_rai', $2) RETURNING id`,
      [tree.organizationId, retire],
    );
    const meeting = async (chair: string, attendees: string[]) => {
      const [row] = await fixtureQuery(
        it,
        `INSERT INTO meeting (organization_id, unit_id, unit_path, unit_level, kind, title, starts_at, chair_id, sessions, attendee_count)
         VALUES ($1, $2, $3, $4, 'WORKSHOP', 'कार्यशाला', '2021-05-01T10:00:00Z', $5, $6, $7) RETURNING id`,
        [
          ...unitCopy(),
          chair,
          JSON.stringify([
            { title: 'स्वागत', speakerIds: [retire, other, keep] },
            { title: 'समापन', speakerIds: [other] },
          ]),
          attendees.length,
        ],
      );
      for (const attendee of attendees) {
        await fixtureQuery(it, `INSERT INTO meeting_attendee (meeting_id, member_id) VALUES ($1, $2)`, [row.id, attendee]);
      }
      return row.id as string;
    };
    const bothAttended = await meeting(retire, [keep, retire, other]);
    const retiredAttended = await meeting(other, [retire]);
    const [drive] = await fixtureQuery(
      it,
      `INSERT INTO outreach_drive (organization_id, unit_id, unit_path, unit_level, kind, name, starts_on, ends_on)
       VALUES ($1, $2, $3, $4, 'APP_ONBOARDING', 'ऐप', '2021-01-01', '2021-12-31') RETURNING id`,
      unitCopy(),
    );
    const [report] = await fixtureQuery(
      it,
      `INSERT INTO drive_report (drive_id, organization_id, unit_id, unit_path, unit_level, reported_on, count, reported_by)
       VALUES ($1, $2, $3, $4, $5, '2021-03-01', 12, $6) RETURNING id`,
      [drive.id, ...unitCopy(), retire],
    );

    // training: both in one camp (the retired one completed), only the retired in another, a trainer team
    // naming both.
    const { campaignId, topics, camps } = await trainingCamps(2);
    const keptEnrolment = await enrol(camps[0], keep, 'REGISTERED', [topics[0]]);
    const retiredEnrolment = await enrol(camps[0], retire, 'COMPLETED', [topics[1], topics[0]], '2021-08-22');
    const movedEnrolment = await enrol(camps[1], retire, 'ATTENDED', [topics[0]]);
    const [trainerTeam] = await fixtureQuery(
      tr,
      `INSERT INTO trainer_team (campaign_id, name, trainer_ids) VALUES ($1, 'मास्टर ट्रेनर', $2) RETURNING id`,
      [campaignId, [retire, other, keep]],
    );

    const merged = await merge(keep, retire);
    expect(merged).toEqual({
      mergeMembers: {
        id: keep,
        phone: '+919812345670',
        email: 'sanjay@example.org',
        dateOfBirth: '1980-01-02',
        tags: ['it-cell', 'youth'],
      },
    });

    // membership, in its database.
    expect(await one(m, `SELECT merged_into_id, deleted_at IS NOT NULL AS retired FROM member WHERE id = $1`, [retire])).toEqual({
      merged_into_id: keep,
      retired: true,
    });
    for (const [table, column] of [
      ['"position"', 'member_id'],
      ['assignment', 'cadre_id'],
      ['field_visit', 'cadre_id'],
      ['account', 'member_id'],
    ]) {
      expect(await rows(m, `SELECT ${column} AS id FROM ${table} WHERE ${column} IN ($1, $2)`, [keep, retire])).toEqual([{ id: keep }]);
    }
    expect(await rows(m, `SELECT retired_id, kept_id FROM member_merge WHERE retired_id = $1`, [retire])).toEqual([
      { retired_id: retire, kept_id: keep },
    ]);
    // Audited as MERGE, in the caller's name.
    expect(
      await rows(
        m,
        `SELECT record_type, actor_kind, operation FROM audit_entry WHERE action = 'MERGE' AND record_id = ANY($1) GROUP BY 1, 2, 3 ORDER BY 1`,
        [[keep, retire, account.id]],
      ),
    ).toEqual([
      { record_type: 'Account', actor_kind: 'account', operation: 'mergeMembers' },
      { record_type: 'Member', actor_kind: 'account', operation: 'mergeMembers' },
    ]);

    // The retired member answers with mergedInto; lists and totals leave it out; references resolve to the kept one.
    const { member: answer } = await system.data<{ member: unknown }>(
      `query ($id: ID!) { member(id: $id) { id mergedIntoId mergedInto { id fullName } } }`,
      { id: retire },
    );
    expect(answer).toEqual({ id: retire, mergedIntoId: keep, mergedInto: { id: keep, fullName: 'संजय राय' } });
    const { members } = await system.data<{ members: { total: number; items: { id: string }[] } }>(
      `query ($unit: ID!) { members(filter: { unitId: $unit }) { total items { id } } }`,
      { unit: tree.booths[1] },
    );
    expect(members).toEqual({ total: 0, items: [] });
    const entities = await system.membership.data<{ _entities: { id: string }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id } } }`,
      { r: [{ __typename: 'Member', id: retire }] },
    );
    expect(entities._entities).toEqual([{ id: keep }]);
    // Before itcell and training have followed, their old references already resolve to the kept member
    // (the id is the one they store, as the gateway takes key fields from them; its other fields are the kept member's).
    const before = await system.data<Record<string, { member: unknown }>>(
      `query ($e: ID!, $t: ID!) { enrollment(id: $e) { member { id fullName mergedIntoId } } teamMember(id: $t) { member { fullName } } }`,
      { e: movedEnrolment, t: retiredCoConvenor },
    );
    expect(before).toEqual({
      enrollment: { member: { id: retire, fullName: 'संजय राय', mergedIntoId: null } },
      teamMember: { member: { fullName: 'संजय राय' } },
    });

    expect(await system.itcell.followMemberMerges()).toBe(1);
    expect(await system.training.followMemberMerges()).toBe(1);

    // itcell, in its database.
    expect(
      await rows(
        it,
        `SELECT id, member_id, role, since::text, until::text, deleted_at IS NOT NULL AS deleted FROM team_member WHERE team_id = $1 ORDER BY role, deleted_at IS NOT NULL`,
        [team],
      ),
    ).toEqual([
      { id: keptConvenor, member_id: keep, role: 'CONVENOR', since: '2021-06-01', until: null, deleted: false },
      { id: retiredConvenor, member_id: keep, role: 'CONVENOR', since: '2021-06-01', until: null, deleted: true },
      { id: retiredCoConvenor, member_id: keep, role: 'CO_CONVENOR', since: '2022-01-01', until: null, deleted: false },
    ]);
    expect(await one(it, `SELECT owner_member_id FROM social_account WHERE id = $1`, [socialAccount.id])).toEqual({
      owner_member_id: keep,
    });
    expect(
      await rows(it, `SELECT meeting_id, member_id FROM meeting_attendee WHERE meeting_id = ANY($1) ORDER BY meeting_id, member_id`, [
        [bothAttended, retiredAttended],
      ]),
    ).toEqual(
      [
        { meeting_id: bothAttended, member_id: keep },
        { meeting_id: bothAttended, member_id: other },
        { meeting_id: retiredAttended, member_id: keep },
      ].sort((a, b) => a.meeting_id.localeCompare(b.meeting_id) || a.member_id.localeCompare(b.member_id)),
    );
    expect(
      await rows(it, `SELECT id, chair_id, attendee_count, sessions FROM meeting WHERE id = ANY($1) ORDER BY attendee_count`, [
        [bothAttended, retiredAttended],
      ]),
    ).toEqual([
      {
        id: retiredAttended,
        chair_id: other,
        attendee_count: 1,
        sessions: [
          { title: 'स्वागत', speakerIds: [keep, other] },
          { title: 'समापन', speakerIds: [other] },
        ],
      },
      {
        id: bothAttended,
        chair_id: keep,
        attendee_count: 2,
        sessions: [
          { title: 'स्वागत', speakerIds: [keep, other] },
          { title: 'समापन', speakerIds: [other] },
        ],
      },
    ]);
    expect(await one(it, `SELECT reported_by FROM drive_report WHERE id = $1`, [report.id])).toEqual({ reported_by: keep });

    // training, in its database: the better status, the topics of both, the completion date; the other one soft-deleted.
    expect(
      await rows(
        tr,
        `SELECT id, member_id, status, topics_attended, completed_on::text, deleted_at IS NOT NULL AS deleted FROM enrollment WHERE id = ANY($1) ORDER BY id`,
        [[keptEnrolment, retiredEnrolment, movedEnrolment]],
      ),
    ).toEqual(
      [
        {
          id: keptEnrolment,
          member_id: keep,
          status: 'COMPLETED',
          topics_attended: [topics[0], topics[1]],
          completed_on: '2021-08-22',
          deleted: false,
        },
        {
          id: retiredEnrolment,
          member_id: keep,
          status: 'COMPLETED',
          topics_attended: [topics[1], topics[0]],
          completed_on: '2021-08-22',
          deleted: true,
        },
        { id: movedEnrolment, member_id: keep, status: 'ATTENDED', topics_attended: [topics[0]], completed_on: null, deleted: false },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await one(tr, `SELECT trainer_ids FROM trainer_team WHERE id = $1`, [trainerTeam.id])).toEqual({ trainer_ids: [keep, other] });

    // Written by the follower as the system job, marked MERGE.
    for (const dataSource of [it, tr]) {
      expect(await rows(dataSource, `SELECT DISTINCT actor_kind, job FROM audit_entry WHERE action = 'MERGE'`)).toEqual([
        { actor_kind: 'system', job: 'member-merges' },
      ]);
    }

    // Exactly once: following again changes nothing.
    const snapshot = async () => [
      await rows(it, `SELECT * FROM team_member ORDER BY id`),
      await rows(it, `SELECT * FROM meeting ORDER BY id`),
      await rows(tr, `SELECT * FROM enrollment ORDER BY id`),
      await rows(tr, `SELECT * FROM trainer_team ORDER BY id`),
      await mergeEntries(it),
      await mergeEntries(tr),
    ];
    const after = await snapshot();
    expect(await system.itcell.followMemberMerges()).toBe(0);
    expect(await system.training.followMemberMerges()).toBe(0);
    expect(await snapshot()).toEqual(after);
  });

  it('catches up after downtime with several merges queued, in order, also a merge of a kept member into another', async () => {
    const team = await itcellTeam(1);
    const { camps } = await trainingCamps(1);
    const [a, b, c, d, e] = await Promise.all(['अ', 'ब', 'स', 'द', 'ई'].map((name) => member(`${name} सदस्य`)));
    const roles = await Promise.all([a, b, d].map((id, index) => teamRole(team, id, 'MEMBER', `2021-0${index + 1}-01`)));
    const enrolments = await Promise.all([a, b, d].map((id) => enrol(camps[0], id, 'REGISTERED')));
    // a into b, then b into c (a now stands for c), and d into e: none of it followed yet.
    await merge(b, a);
    await merge(c, b);
    await merge(e, d);
    expect(await one(system.membership.dataSource, `SELECT merged_into_id FROM member WHERE id = $1`, [a])).toEqual({ merged_into_id: c });
    const entities = await system.membership.data<{ _entities: { id: string }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id } } }`,
      { r: [a, b, d].map((id) => ({ __typename: 'Member', id })) },
    );
    expect(entities._entities).toEqual([{ id: c }, { id: c }, { id: e }]);

    expect(await system.itcell.followMemberMerges()).toBe(3);
    expect(await system.training.followMemberMerges()).toBe(3);
    expect(
      await rows(
        system.itcell.dataSource,
        `SELECT id, member_id, deleted_at IS NOT NULL AS deleted FROM team_member WHERE id = ANY($1) ORDER BY array_position($1, id)`,
        [roles],
      ),
    ).toEqual([
      { id: roles[0], member_id: c, deleted: true },
      { id: roles[1], member_id: c, deleted: false },
      { id: roles[2], member_id: e, deleted: false },
    ]);
    expect(
      await rows(
        system.training.dataSource,
        `SELECT member_id, count(*)::int AS n FROM enrollment WHERE id = ANY($1) AND deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
        [enrolments],
      ),
    ).toEqual(
      [
        { member_id: c, n: 1 },
        { member_id: e, n: 1 },
      ].sort((x, y) => x.member_id.localeCompare(y.member_id)),
    );
  });

  it('refuses bad merges with a clear answer and changes nothing', async () => {
    const m = system.membership.dataSource;
    const keep = await member('राम प्रकाश', tree.booths[0]);
    const retire = await member('Ram Prakash', tree.booths[0]);
    const elsewhere = await member('राम प्रकाश', tree.booths[2]);
    const foreign = await createMember(system.membership, {
      organizationId: otherTree.organizationId,
      fullName: 'Ram Prakash',
      unitId: otherTree.booths[0],
    });
    const merged = await member('पुराना सदस्य', tree.booths[0]);
    await merge(keep, merged);
    const editor = await accountToken(system.membership, 'EDITOR', tree.districts[0]);
    const state = async () => [
      await rows(m, `SELECT id, version, merged_into_id, deleted_at FROM member WHERE id = ANY($1) ORDER BY id`, [
        [keep, retire, elsewhere, foreign, merged],
      ]),
      await one(m, `SELECT count(*)::int AS n FROM member_merge`),
      await mergeEntries(m),
    ];
    const before = await state();
    const refusal = async (keepId: string, retireId: string, options: { token?: string; versions?: unknown } = {}) => {
      const { errors } = await system.membership.request(
        MERGE,
        { keep: keepId, retire: retireId, versions: options.versions },
        options.token ? { token: options.token } : {},
      );
      return { code: errors?.[0].extensions?.code, fields: (errors?.[0].extensions as { fields?: unknown })?.fields };
    };
    expect(await refusal(keep, keep)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { retireId: expect.stringContaining('two different') },
    });
    expect(await refusal(keep, UNKNOWN)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(keep, 'not-an-id')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal(keep, merged)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { retireId: expect.stringContaining('already merged') },
    });
    expect(await refusal(merged, retire)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { keepId: expect.stringContaining('already merged') },
    });
    expect(await refusal(keep, foreign)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { retireId: 'belongs to another organisation' } });
    expect(await refusal(keep, retire, { versions: { keep: 1, retire: 7 } })).toMatchObject({ code: 'CONFLICT' });
    // A district editor: a member of another district is as unknown to it as any.
    expect(await refusal(keep, elsewhere, { token: editor.token })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(elsewhere, keep, { token: editor.token })).toMatchObject({ code: 'NOT_FOUND' });
    // A merge cannot be undone by restoring the retired member.
    const restored = await system.membership.request(`mutation ($id: ID!) { restoreMember(id: $id) { id } }`, { id: merged });
    expect(restored.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: { id: expect.stringContaining('merged into') } },
    });
    // The feed is for services only.
    const { errors } = await system.request(`{ memberMerges { seq } }`);
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await state()).toEqual(before);

    // Within its district the editor may merge.
    await system.membership.data(MERGE, { keep, retire }, { token: editor.token });
    expect(await one(m, `SELECT merged_into_id FROM member WHERE id = $1`, [retire])).toEqual({ merged_into_id: keep });
  });
});
