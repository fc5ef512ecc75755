import { startConsoleHarness, type ConsoleHarness } from './browser';
import { pickAutocomplete, pickSelect, waitFor, whenLoaded } from './ui';

/**
 * The itcell and training services' main resources through the console: each form picks units and
 * members (owned by membership) through autocompletes, and each change lands in that service's database.
 */
describe('console: teams and camps', () => {
  let h: ConsoleHarness;
  let booth: { id: string; code: string; name: string };

  const teamRow = async (name: string) =>
    (await h.system.itcell.dataSource.query(`SELECT id, name, status, unit_id, deleted_at FROM social_team WHERE name = $1`, [name]))[0];

  beforeAll(async () => {
    h = await startConsoleHarness('services');
    // A booth of the demo party without a team yet, so a new team may be formed there.
    const { orgUnits } = await h.data<{ orgUnits: { items: { id: string; code: string; name: string; socialTeam: unknown }[] } }>(
      `{ orgUnits(filter: { levels: ["booth"], q: "बूथ" }, page: { limit: 200 }) { items { id code name socialTeam { id } } } }`,
    );
    booth = orgUnits.items.find((unit) => !unit.socialTeam)!;
    expect(booth).toBeDefined();
  }, 180000);
  afterAll(async () => {
    await h?.stop();
  });

  test('creates a team on a booth picked by its code, edits, finds and deletes it', async () => {
    const { page } = h;
    await h.open('#/socialTeams/create');
    await pickAutocomplete(page, 'Unit', booth.code, booth.code);
    await page.getByLabel('Team name *').fill('बूथ आईटी टीम परीक्षण');
    await h.shot('team-create');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await teamRow('बूथ आईटी टीम परीक्षण'))?.unit_id === booth.id, 'team saved on the booth');
    const team = await teamRow('बूथ आईटी टीम परीक्षण');
    expect(team).toMatchObject({ status: 'ACTIVE', deleted_at: null });

    await h.open(`#/socialTeams/${team.id}`);
    await whenLoaded(page.getByLabel('Team name *'), 'बूथ आईटी टीम परीक्षण');
    await page.getByLabel('Team name *').fill('बूथ आईटी टीम (संशोधित)');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await teamRow('बूथ आईटी टीम (संशोधित)'))?.id === team.id, 'rename saved');

    await h.open(`#/socialTeams?filter=${encodeURIComponent('{}')}`);
    await page.getByPlaceholder(/Search/).fill('संशोधित');
    await page.getByText('बूथ आईटी टीम (संशोधित)').first().waitFor();
    await h.shot('team-search');

    await h.open(`#/socialTeams/${team.id}/show`);
    await page.getByRole('button', { name: 'Delete' }).first().click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await waitFor(async () => (await teamRow('बूथ आईटी टीम (संशोधित)')).deleted_at !== null, 'team soft-deleted');
  });

  test('adds a member to a team by typing the Latin form of a Hindi name', async () => {
    const { page } = h;
    const { members } = await h.data<{ members: { items: { id: string; fullName: string; fullNameLatin: string }[] } }>(
      `{ members(filter: { q: "Priyanka" }, page: { limit: 1 }) { items { id fullName fullNameLatin } } }`,
    );
    const member = members.items[0];
    const { socialTeams } = await h.data<{ socialTeams: { items: { id: string; name: string }[] } }>(
      `{ socialTeams(page: { limit: 1 }) { items { id name } } }`,
    );
    const team = socialTeams.items[0];
    await h.open('#/teamMembers/create');
    await pickAutocomplete(page, 'Team', team.name.slice(0, 6), team.name);
    await pickAutocomplete(page, 'Member', member.fullNameLatin, member.fullName);
    await pickSelect(page, 'Role', 'Cyber warrior');
    await h.shot('team-member-autocomplete');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitFor(
      async () =>
        (
          await h.system.itcell.dataSource.query(
            `SELECT 1 FROM team_member WHERE team_id = $1 AND member_id = $2 AND role = 'CYBER_WARRIOR' AND deleted_at IS NULL`,
            [team.id, member.id],
          )
        ).length === 1,
      'team member saved',
    );
  });

  test('creates a camp at a mandal picked by typing its Hindi name, edits, finds and deletes it', async () => {
    const { page } = h;
    const campRow = async (venue: string) =>
      (await h.system.training.dataSource.query(`SELECT id, unit_id, capacity, deleted_at FROM camp WHERE venue = $1`, [venue]))[0];
    const { trainingCampaigns } = await h.data<{
      trainingCampaigns: { items: { name: string; phases: { number: number; startsOn: string; campLevel: string }[] }[] };
    }>(`{ trainingCampaigns { items { name phases { number startsOn campLevel } } } }`);
    const campaign = trainingCampaigns.items[0];
    const phase = campaign.phases.find((candidate) => candidate.campLevel === 'mandal')!;
    const { orgUnits } = await h.data<{ orgUnits: { items: { id: string; name: string }[] } }>(
      `{ orgUnits(filter: { levels: ["mandal"], q: "आलमबाग" }, page: { limit: 1 }) { items { id name } } }`,
    );
    const mandal = orgUnits.items[0];

    await h.open('#/camps/create');
    await pickAutocomplete(page, 'Campaign', campaign.name.slice(0, 5), campaign.name);
    await pickSelect(page, 'Phase', `^${phase.number}\\.`);
    await pickAutocomplete(page, 'Unit', mandal.name.slice(0, 4), mandal.name);
    await page.getByLabel('Venue *').fill('परीक्षण शिविर स्थल');
    await page.getByLabel('Starts on *').fill(phase.startsOn);
    await page.getByLabel('Ends on *').fill(phase.startsOn);
    await page.getByLabel('Places *').fill('60');
    await h.shot('camp-create');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await campRow('परीक्षण शिविर स्थल'))?.unit_id === mandal.id, 'camp saved at the mandal');
    const camp = await campRow('परीक्षण शिविर स्थल');
    expect(camp).toMatchObject({ capacity: 60, deleted_at: null });

    await h.open(`#/camps/${camp.id}`);
    await whenLoaded(page.getByLabel('Places *'), '60');
    await page.getByLabel('Places *').fill('80');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await campRow('परीक्षण शिविर स्थल')).capacity === 80, 'capacity saved');

    await h.open(`#/camps?filter=${encodeURIComponent('{}')}`);
    await page.getByPlaceholder(/Search/).fill('परीक्षण शिविर');
    await page.getByText('परीक्षण शिविर स्थल').first().waitFor();
    await h.shot('camp-search');

    await h.open(`#/camps/${camp.id}/show`);
    await page.getByRole('button', { name: 'Delete' }).first().click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await waitFor(async () => (await campRow('परीक्षण शिविर स्थल')).deleted_at !== null, 'camp soft-deleted');
  });

  test("marks a camp's selected enrolments as attended in one call", async () => {
    const { page } = h;
    const [first] = await h.system.training.dataSource.query(
      `SELECT e.id, e.camp_id FROM enrollment e WHERE e.status = 'REGISTERED' AND e.deleted_at IS NULL ORDER BY e.created_at, e.id LIMIT 1`,
    );
    await h.open(`#/camps/${first.camp_id}/show/enrollments`);
    await page.locator('tbody input[type="checkbox"]').first().waitFor();
    const registered = async () =>
      Number(
        (
          await h.system.training.dataSource.query(
            `SELECT count(*) FROM enrollment WHERE camp_id = $1 AND status = 'REGISTERED' AND deleted_at IS NULL`,
            [first.camp_id],
          )
        )[0].count,
      );
    const before = await registered();
    await page.locator('tbody input[type="checkbox"]').first().check();
    await page.getByRole('button', { name: 'Mark: Attended' }).click();
    await waitFor(async () => (await registered()) === before - 1, 'one enrolment marked attended');
    await h.shot('camp-attendance');
  });
});
