import { startConsoleHarness, TEST_PASSWORD, type ConsoleHarness } from './browser';
import { waitFor, whenLoaded } from './ui';

/**
 * The audit history through the console: an admin edits a member and reads the change in the member's
 * History tab (who, the name old → new, the phone masked) and in the audit log page, filtered and exported;
 * an editor and a viewer are offered neither.
 */
describe('console: audit history', () => {
  let h: ConsoleHarness;
  let lucknow: { id: string; name: string };
  let adminId: string;
  const admin = { email: 'lucknow.admin@test.example', password: TEST_PASSWORD };
  const ADMIN_NAME = 'Lucknow Admin';
  let member: { id: string; fullName: string; phone: string | null };
  const NEW_NAME = 'परीक्षण नाम बदला';
  const NEW_PHONE = '+919800011122';
  /** How the audit log masks a phone: the first three and the last two characters kept. */
  const masked = (phone: string) => `${phone.slice(0, 3)}${'•'.repeat(phone.length - 5)}${phone.slice(-2)}`;

  beforeAll(async () => {
    h = await startConsoleHarness('audit', { signIn: false });
    const { orgUnits } = await h.data<{ orgUnits: { items: { id: string; name: string }[] } }>(
      `{ orgUnits(filter: { q: "Lucknow", levels: ["district"] }, page: { limit: 1 }) { items { id name } } }`,
    );
    lucknow = orgUnits.items[0];
    const { members } = await h.data<{ members: { items: { id: string; fullName: string; phone: string | null }[] } }>(
      `query ($unit: ID!) { members(filter: { withinUnit: $unit }, page: { limit: 1 }) { items { id fullName phone } } }`,
      { unit: lucknow.id },
    );
    member = members.items[0];
    ({ id: adminId } = await h.createAccount({ ...admin, role: 'ADMIN', scopeUnitId: lucknow.id, displayName: ADMIN_NAME }));
    await h.signIn(admin);
  }, 180000);
  afterAll(async () => {
    await h?.stop();
  });

  test("an admin edits a member and reads the change in the member's History tab, the phone masked", async () => {
    const { page } = h;
    await h.open(`#/members/${member.id}`);
    await whenLoaded(page.getByLabel('Full name *'), member.fullName);
    await page.getByLabel('Full name *').fill(NEW_NAME);
    await page.getByLabel('Phone').fill(NEW_PHONE);
    await page.getByRole('button', { name: 'Save' }).click();
    // Saved, the console shows the member's page; its last tab is the history.
    await waitFor(async () => /#\/members\/[^/]+\/show$/.test(page.url()), "the member's page");
    await page.getByRole('tab', { name: 'History' }).click();
    const latest = page.getByTestId('history-entry').first();
    await latest.waitFor();
    await h.shot('member-history');

    expect(await latest.getByTestId('audit-actor').innerText()).toBe(ADMIN_NAME);
    expect(await latest.getByTestId('audit-action').innerText()).toBe('updated');
    expect(await latest.getByText('updateMember').count()).toBe(1);
    // When, in the reader's format (en-IN: "12 Mar 2026, 4:05:06 pm"), not the raw ISO time.
    const when = await latest.getByTestId('audit-at').innerText();
    expect(when).toMatch(/\d{4}/);
    expect(when).not.toContain('T');

    const name = latest.locator('[data-testid="audit-change"][data-field="fullName"]');
    expect(await name.innerText()).toBe(`Full name: ${member.fullName} → ${NEW_NAME}`);
    const phone = latest.locator('[data-testid="audit-change"][data-field="phone"]');
    expect(await phone.innerText()).toBe(`Phone: ${member.phone ? masked(member.phone) : '—'} → ${masked(NEW_PHONE)}`);
    expect(await latest.innerText()).not.toContain(NEW_PHONE);
    // The derived Latin form and the version are bookkeeping, not recorded.
    expect(await latest.getByTestId('audit-change').count()).toBe(2);
    // Older entries follow: the demo data's creation of the member, by the seed job.
    const oldest = page.getByTestId('history-entry').last();
    expect(await oldest.getByTestId('audit-actor').innerText()).toBe('system: seed');
    expect(await oldest.getByTestId('audit-action').innerText()).toBe('created');

    // In Hindi: the tab, the action, the field's label and the month's name follow the reader's language.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'हिन्दी' }).click();
    try {
      await page.getByRole('tab', { name: 'इतिहास' }).click();
      const hindi = page.getByTestId('history-entry').first();
      await waitFor(async () => (await hindi.getByTestId('audit-action').innerText()) === 'बदला', 'the action in Hindi');
      expect(await hindi.locator('[data-field="fullName"]').innerText()).toBe(`पूरा नाम: ${member.fullName} → ${NEW_NAME}`);
      expect(await hindi.getByTestId('audit-at').innerText()).not.toBe(when);
      await h.shot('member-history-hi');
    } finally {
      await page.getByRole('button', { name: 'हिन्दी' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('tab', { name: 'History' }).waitFor();
    }
  });

  test('a record page of one section gets a Details and a History tab for an admin', async () => {
    const { page } = h;
    const { positions } = await h.data<{ positions: { items: { id: string }[] } }>(
      `query ($unit: ID!) { positions(filter: { withinUnit: $unit }, page: { limit: 1 }) { items { id } } }`,
      { unit: lucknow.id },
    );
    await h.open(`#/positions/${positions.items[0].id}/show`);
    await page.getByRole('tab', { name: 'Details' }).waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    const entry = page.getByTestId('history-entry').first();
    await entry.waitFor();
    expect(await entry.getByTestId('audit-actor').innerText()).toBe('system: seed');
  });

  test('the audit log lists the change under a filter, opens it, exports it, and says when nothing matches', async () => {
    const { page } = h;
    await h.open('#/');
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.getByRole('combobox', { name: 'Record types' }).click();
    await page.getByRole('option', { name: 'Member', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Actor id').fill(adminId);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const rows = page.getByTestId('audit-row');
    await waitFor(async () => (await rows.count()) === 1 && (await rows.first().innerText()).includes(ADMIN_NAME), 'the one entry');
    await rows.first().click();
    const details = page.getByTestId('audit-entry-details');
    await details.waitFor();
    expect(await details.locator('[data-field="fullName"]').innerText()).toBe(`Full name: ${member.fullName} → ${NEW_NAME}`);
    expect(await details.innerText()).toContain(member.id);
    await h.shot('audit-log-entry');

    // The export: every entry the filter matches, one row per changed field, the phone as masked as on screen.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    const csv = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toContain('field,oldValue,newValue');
    expect(lines).toHaveLength(3);
    expect(csv).toContain(`fullName,${member.fullName},${NEW_NAME}`);
    expect(csv).toContain(masked(NEW_PHONE));
    expect(csv).not.toContain(NEW_PHONE);
    expect(csv).toContain(ADMIN_NAME);

    await page.getByLabel('Request id').fill('no-such-request');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByTestId('audit-log-empty').waitFor();
    expect(await rows.count()).toBe(0);
  });

  test.each([
    ['EDITOR', 'lucknow.editor@test.example'],
    ['VIEWER', 'lucknow.viewer@test.example'],
  ])('an account of role %s sees no History tab and no Audit log', async (role, email) => {
    const { page } = h;
    await h.createAccount({ email, role, scopeUnitId: lucknow.id });
    await h.signIn({ email, password: TEST_PASSWORD });
    await h.open(`#/members/${member.id}/show`);
    await page.getByRole('tab', { name: 'Profile' }).waitFor();
    await page.getByText(NEW_NAME).first().waitFor();
    expect(await page.getByRole('tab', { name: 'History' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Audit log' }).count()).toBe(0);
    // The page itself, opened by its address, says it is for admins (the API would refuse anyway).
    await h.open('#/audit-log');
    await page.getByText('Only admins read the audit log').waitFor();
    expect(await page.getByTestId('audit-row').count()).toBe(0);
    await h.shot(`no-history-${role.toLowerCase()}`);
  });
});
