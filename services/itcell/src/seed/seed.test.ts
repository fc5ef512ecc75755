import { createTestDatabase, type TestDatabase } from '@sangathan/common';
import { buildDemoOrganizations } from '@sangathan/membership';
import type { DataSource } from 'typeorm';
import { createItcellDataSource } from '../service';
import type { SocialPlatform } from '../modules/social-account/social-account.entity';
import { normalizeHandle } from '../modules/social-account/social-account.service';
import { seedItcell } from './seed';

let database: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  database = await createTestDatabase('itcell_seed');
  dataSource = createItcellDataSource(database.url);
  await dataSource.initialize();
  await dataSource.runMigrations();
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

describe('itcell demo data', () => {
  it('places teams on the membership demo units and people, keeps the team rules, and is idempotent', async () => {
    const first = await seedItcell(dataSource);
    expect(first.alreadySeeded).toBe(false);
    expect(first.teams).toBeGreaterThan(500);

    const { upParty } = buildDemoOrganizations();
    const units = new Map(upParty.units.map((unit) => [unit.id, unit]));
    const members = new Map(upParty.members.map((member) => [member.id, member]));
    const teams: { id: string; unit_id: string; unit_path: string[]; unit_level: string }[] = await dataSource.query(
      'SELECT id, unit_id, unit_path, unit_level FROM social_team',
    );
    for (const team of teams) {
      const unit = units.get(team.unit_id)!;
      expect({ path: team.unit_path, level: team.unit_level }).toEqual({ path: unit.path, level: unit.level });
    }
    const roles: { team_id: string; member_id: string; role: string; until: string | null }[] = await dataSource.query(
      'SELECT team_id, member_id, role, until FROM team_member',
    );
    const teamUnit = new Map(teams.map((team) => [team.id, units.get(team.unit_id)!]));
    for (const role of roles) {
      const member = members.get(role.member_id)!;
      // Everyone in a team lives in its unit's subtree.
      expect(units.get(member.unitId)!.path).toContain(teamUnit.get(role.team_id)!.id);
    }
    const convenors = roles.filter((role) => role.role === 'CONVENOR' && role.until === null);
    expect(new Set(convenors.map((role) => role.team_id)).size).toBe(convenors.length);
    const pairs = roles.filter((role) => role.until === null).map((role) => `${role.team_id}:${role.member_id}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    // Case 2: the state IT department's convenor is the party's IT convenor in membership.
    const itConvenor = upParty.positions.find((position) => position.label === 'IT department convenor')!;
    const [stateTeam] = teams.filter((team) => team.unit_level === 'state');
    expect(convenors.find((role) => role.team_id === stateTeam.id)?.member_id).toBe(itConvenor.memberId);
    expect(roles.filter((role) => role.role === 'CYBER_WARRIOR').length).toBeGreaterThan(300);

    // The two 2018 planning meetings at the state office, with sessions and an attendance list that matches the count.
    const planning: { title: string; sessions: unknown[]; attendee_count: number; attendees: number }[] = await dataSource.query(
      `SELECT title, sessions, attendee_count, (SELECT count(*)::int FROM meeting_attendee a WHERE a.meeting_id = m.id) AS attendees
         FROM meeting m WHERE kind = 'PLANNING_MEETING' ORDER BY starts_at`,
    );
    expect(planning).toHaveLength(2);
    for (const meeting of planning) {
      expect(meeting.sessions.length).toBeGreaterThanOrEqual(2);
      expect(meeting.attendee_count).toBe(meeting.attendees);
      expect(meeting.attendees).toBeGreaterThan(5);
    }
    // Every account handle is one the API itself would accept, written the platform's way.
    const accounts: { platform: SocialPlatform; handle: string }[] = await dataSource.query('SELECT platform, handle FROM social_account');
    expect(accounts.length).toBeGreaterThan(100);
    for (const account of accounts) expect(normalizeHandle(account.platform, account.handle)).toEqual({ handle: account.handle });
    // The app drive: a target for all 75 districts, reports inside the drive's dates by its app in-charges.
    const [drive] = await dataSource.query(`SELECT id, starts_on, ends_on FROM outreach_drive WHERE kind = 'APP_ONBOARDING'`);
    const [{ targets }] = await dataSource.query(`SELECT count(*)::int AS targets FROM drive_target WHERE drive_id = $1`, [drive.id]);
    expect(targets).toBe(75);
    const [{ outside }] = await dataSource.query(
      `SELECT count(*)::int AS outside FROM drive_report WHERE drive_id = $1 AND (reported_on < $2 OR reported_on > $3)`,
      [drive.id, drive.starts_on, drive.ends_on],
    );
    expect(outside).toBe(0);
    expect(first.driveReports).toBeGreaterThan(100);

    const again = await seedItcell(dataSource);
    expect(again).toEqual({ ...first, alreadySeeded: true });
  });
});
