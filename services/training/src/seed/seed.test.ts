import { createTestDatabase, today, type TestDatabase } from '@sangathan/common';
import { buildDemoOrganizations } from '@sangathan/membership';
import type { DataSource } from 'typeorm';
import { createTrainingDataSource } from '../service';
import { MAX_TOPICS_PER_CAMP } from '../modules/camp/camp.service';
import { MAX_TRAINERS } from '../modules/trainer-team/trainer-team.service';
import { seedTraining } from './seed';

let database: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  database = await createTestDatabase('training_seed');
  dataSource = createTrainingDataSource(database.url);
  await dataSource.initialize();
  await dataSource.runMigrations();
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

interface CampaignRow {
  id: string;
  organization_id: string;
  unit_id: string;
  unit_path: string[];
  unit_level: string;
  starts_on: string;
  ends_on: string;
  target_camps: number;
  target_trainees: number;
  status: string;
}
interface PhaseRow {
  id: string;
  number: number;
  starts_on: string;
  ends_on: string;
  camp_level: string;
  target_camps: number;
  target_trainees: number;
}
interface CampRow {
  id: string;
  organization_id: string;
  unit_id: string;
  unit_path: string[];
  unit_level: string;
  campaign_id: string;
  phase_id: string;
  starts_on: string;
  ends_on: string;
  capacity: number;
  trainer_team_id: string | null;
  topic_ids: string[];
  status: string;
}
interface EnrollmentRow {
  camp_id: string;
  member_id: string;
  status: string;
  topics_attended: string[];
  completed_on: string | null;
}

const DATES = 'starts_on::text, ends_on::text';
const tableCounts = async () =>
  (
    await dataSource.query(
      `SELECT (SELECT count(*)::int FROM training_campaign) AS campaigns, (SELECT count(*)::int FROM campaign_phase) AS phases,
              (SELECT count(*)::int FROM topic) AS topics, (SELECT count(*)::int FROM trainer_team) AS teams,
              (SELECT count(*)::int FROM camp) AS camps, (SELECT count(*)::int FROM enrollment) AS enrollments`,
    )
  )[0];

describe('training demo data', () => {
  it('runs case 1 on the membership demo units and people, keeps the rules the API enforces, and is idempotent', async () => {
    const started = Date.now();
    const messages: string[] = [];
    const first = await seedTraining(dataSource, { log: (message) => messages.push(message) });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(first.alreadySeeded).toBe(false);
    expect(messages.some((message) => message.startsWith('seed: camps'))).toBe(true);
    expect(messages.at(-1)).toMatch(/^seed: done in/);

    const { upParty } = buildDemoOrganizations();
    const units = new Map(upParty.units.map((unit) => [unit.id, unit]));
    const members = new Map(upParty.members.map((member) => [member.id, member]));
    const levels = new Map(upParty.organization.unitLevels.map((level) => [level.key, level.rank]));
    const [state] = upParty.units.filter((unit) => unit.level === 'state');

    // The campaign: owned by the state unit, 700 camps and 200,000 trainees in 2021, ACTIVE.
    const campaigns: CampaignRow[] = await dataSource.query(
      `SELECT id, organization_id, unit_id, unit_path, unit_level, ${DATES}, target_camps, target_trainees, status FROM training_campaign`,
    );
    expect(campaigns).toHaveLength(1);
    const [campaign] = campaigns;
    expect(campaign).toMatchObject({
      organization_id: upParty.organization.id,
      unit_id: state.id,
      unit_path: state.path,
      unit_level: 'state',
      target_camps: 700,
      target_trainees: 200_000,
      status: 'ACTIVE',
    });
    expect(campaign.starts_on.slice(0, 4)).toBe('2021');

    // Four phases inside the campaign's dates, at levels of the organisation not above the owner's, sharing out its targets.
    const phases: PhaseRow[] = await dataSource.query(
      `SELECT id, number, ${DATES}, camp_level, target_camps, target_trainees FROM campaign_phase WHERE campaign_id = $1 ORDER BY number`,
      [campaign.id],
    );
    expect(phases.map((phase) => phase.number)).toEqual([1, 2, 3, 4]);
    for (const phase of phases) {
      expect(phase.starts_on >= campaign.starts_on && phase.ends_on <= campaign.ends_on && phase.starts_on <= phase.ends_on).toBe(true);
      expect(levels.get(phase.camp_level)).toBeGreaterThanOrEqual(levels.get('state')!);
    }
    expect(phases.reduce((sum, phase) => sum + phase.target_camps, 0)).toBe(700);
    expect(phases.reduce((sum, phase) => sum + phase.target_trainees, 0)).toBe(200_000);
    const [phase1, phase2, phase3, phase4] = phases;
    expect(phase1).toMatchObject({ camp_level: 'district', target_camps: 75, target_trainees: 25_000 });
    expect((Date.parse(phase1.ends_on) - Date.parse(phase1.starts_on)) / 86_400_000 + 1).toBe(11);
    expect(phase2).toMatchObject({
      starts_on: '2021-09-15',
      ends_on: '2021-09-30',
      camp_level: 'vidhan_sabha',
      target_camps: 100,
      target_trainees: 30_000,
    });
    expect([phase3.camp_level, phase4.camp_level]).toEqual(['mandal', 'mandal']);

    // Five topics with distinct titles; seven teams of 40 master trainers, all members of the party, none in two teams.
    const topics: { id: string; title: string; minutes: number }[] = await dataSource.query(
      'SELECT id, title, minutes FROM topic WHERE campaign_id = $1',
      [campaign.id],
    );
    expect(topics).toHaveLength(5);
    expect(new Set(topics.map((topic) => topic.title)).size).toBe(5);
    for (const topic of topics) expect(topic.minutes).toBeGreaterThan(0);
    const topicIds = new Set(topics.map((topic) => topic.id));
    const teams: { id: string; trainer_ids: string[] }[] = await dataSource.query(
      'SELECT id, trainer_ids FROM trainer_team WHERE campaign_id = $1',
      [campaign.id],
    );
    expect(teams).toHaveLength(7);
    const trainers = teams.flatMap((team) => team.trainer_ids);
    for (const team of teams) expect(team.trainer_ids.length).toBe(40);
    expect(trainers.length).toBeLessThanOrEqual(7 * MAX_TRAINERS);
    expect(new Set(trainers).size).toBe(280);
    for (const trainer of trainers) expect(members.get(trainer)?.organizationId).toBe(upParty.organization.id);
    const teamIds = new Set(teams.map((team) => team.id));

    // Camps: at a unit of the phase's camp level within the owner unit (copies as membership has them),
    // inside the phase's dates, with the campaign's trainer teams and all five topics.
    const camps: CampRow[] = await dataSource.query(
      `SELECT id, organization_id, unit_id, unit_path, unit_level, campaign_id, phase_id, ${DATES}, capacity, trainer_team_id, topic_ids, status
         FROM camp`,
    );
    const phaseById = new Map(phases.map((phase) => [phase.id, phase]));
    for (const camp of camps) {
      const unit = units.get(camp.unit_id)!;
      const phase = phaseById.get(camp.phase_id)!;
      expect({ org: camp.organization_id, path: camp.unit_path, level: camp.unit_level }).toEqual({
        org: unit.organizationId,
        path: unit.path,
        level: unit.level,
      });
      expect(camp.campaign_id).toBe(campaign.id);
      expect(camp.unit_level).toBe(phase.camp_level);
      expect(camp.unit_path).toContain(campaign.unit_id);
      expect(camp.starts_on >= phase.starts_on && camp.ends_on <= phase.ends_on && camp.starts_on <= camp.ends_on).toBe(true);
      expect(camp.capacity).toBeGreaterThanOrEqual(1);
      if (camp.trainer_team_id) expect(teamIds.has(camp.trainer_team_id)).toBe(true);
      expect(camp.topic_ids.length).toBeLessThanOrEqual(MAX_TOPICS_PER_CAMP);
      expect(new Set(camp.topic_ids)).toEqual(topicIds);
      expect(camp.topic_ids).toHaveLength(5);
    }
    const campsOf = (phase: PhaseRow) => camps.filter((camp) => camp.phase_id === phase.id);
    const districts = upParty.units.filter((unit) => unit.level === 'district');
    expect(campsOf(phase1)).toHaveLength(75);
    expect(new Set(campsOf(phase1).map((camp) => camp.unit_id))).toEqual(new Set(districts.map((unit) => unit.id)));
    for (const camp of campsOf(phase1)) expect(camp).toMatchObject({ status: 'COMPLETED', trainer_team_id: expect.any(String) });
    // A team holds at most one camp a day.
    const teamDays = campsOf(phase1).map((camp) => `${camp.trainer_team_id}:${camp.starts_on}`);
    expect(new Set(teamDays).size).toBe(teamDays.length);
    const constituencies = upParty.units.filter((unit) => unit.level === 'vidhan_sabha');
    expect(campsOf(phase2)).toHaveLength(20);
    expect(new Set(campsOf(phase2).map((camp) => camp.unit_id))).toEqual(new Set(constituencies.map((unit) => unit.id)));
    const later = [...campsOf(phase3), ...campsOf(phase4)];
    expect(later.length).toBeGreaterThan(0);
    expect(later.filter((camp) => camp.status === 'PLANNED').length).toBeGreaterThan(later.length / 2);
    for (const phase of [phase3, phase4]) {
      const mandals = campsOf(phase).map((camp) => camp.unit_id);
      expect(new Set(mandals).size).toBe(mandals.length);
    }

    // Enrolments: members of the party living within the camp's unit who had joined by then, once per camp,
    // within capacity, with statuses, topics and completion dates as the API allows them.
    const enrollments: EnrollmentRow[] = await dataSource.query(
      'SELECT camp_id, member_id, status, topics_attended, completed_on::text FROM enrollment WHERE deleted_at IS NULL',
    );
    const campById = new Map(camps.map((camp) => [camp.id, camp]));
    const trainerSet = new Set(trainers);
    const perCamp = new Map<string, number>();
    for (const enrollment of enrollments) {
      const camp = campById.get(enrollment.camp_id)!;
      const member = members.get(enrollment.member_id)!;
      expect(member.organizationId).toBe(camp.organization_id);
      expect(units.get(member.unitId)!.path).toContain(camp.unit_id);
      expect(member.joinedOn <= camp.starts_on).toBe(true);
      expect(trainerSet.has(member.id)).toBe(false);
      expect(camp.status).not.toBe('CANCELLED');
      if (enrollment.status !== 'CANCELLED') perCamp.set(camp.id, (perCamp.get(camp.id) ?? 0) + 1);
      if (['ATTENDED', 'COMPLETED', 'NO_SHOW'].includes(enrollment.status)) {
        expect(['ONGOING', 'COMPLETED']).toContain(camp.status);
        expect(camp.starts_on <= today()).toBe(true);
      }
      if (enrollment.status === 'COMPLETED') {
        expect(enrollment.completed_on! >= camp.starts_on && enrollment.completed_on! <= today()).toBe(true);
        expect(camp.status).toBe('COMPLETED');
      } else {
        expect(enrollment.completed_on).toBeNull();
      }
      const attending = ['ATTENDED', 'COMPLETED'].includes(enrollment.status);
      if (!attending) expect(enrollment.topics_attended).toEqual([]);
      for (const topic of enrollment.topics_attended) expect(camp.topic_ids).toContain(topic);
    }
    for (const [campId, taken] of perCamp) expect(taken).toBeLessThanOrEqual(campById.get(campId)!.capacity);
    const pairs = enrollments.map((enrollment) => `${enrollment.camp_id}:${enrollment.member_id}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    // Statuses: mostly completed or attended, some no-shows.
    const byStatus = (status: string) => enrollments.filter((enrollment) => enrollment.status === status).length;
    expect(byStatus('COMPLETED') + byStatus('ATTENDED')).toBeGreaterThan(enrollments.length * 0.7);
    expect(byStatus('NO_SHOW')).toBeGreaterThan(0);
    // Phase 1 in the four demo districts took a few hundred each; every other district's camp enrolled someone.
    const demoDistricts = new Set(constituencies.map((unit) => unit.parentId));
    for (const camp of campsOf(phase1)) {
      if (demoDistricts.has(camp.unit_id)) expect(perCamp.get(camp.id)).toBeGreaterThanOrEqual(200);
      else expect(perCamp.get(camp.id) ?? 0).toBeGreaterThan(0);
    }

    // The summary counts what is there; a member trained in phases 1 and 2 is one trainee.
    const trained = new Set(enrollments.filter((row) => ['ATTENDED', 'COMPLETED'].includes(row.status)).map((row) => row.member_id));
    expect(first).toEqual({
      campaigns: 1,
      phases: 4,
      topics: 5,
      trainerTeams: 7,
      trainers: 280,
      camps: camps.length,
      enrollments: enrollments.length,
      trainees: trained.size,
      alreadySeeded: false,
    });
    expect(first.trainees).toBeLessThan(byStatus('COMPLETED') + byStatus('ATTENDED'));

    const before = await tableCounts();
    const again = await seedTraining(dataSource);
    expect(again).toEqual({ ...first, alreadySeeded: true });
    expect(await tableCounts()).toEqual(before);
  });
});
