import { startConsoleHarness, type ConsoleHarness } from './browser';
import { pickAutocomplete, pickSelect, waitFor, whenLoaded } from './ui';

/**
 * The membership service's main resource through the console, against the real gateway, services
 * and database: create, search, edit, delete and undo, a field error, a stale edit, CSV export.
 */
describe('console: members', () => {
  let h: ConsoleHarness;
  const memberRow = async (membershipNumber: string) =>
    (
      await h.system.membership.dataSource.query(
        `SELECT id, full_name, phone, status, deleted_at, version FROM member WHERE membership_number = $1`,
        [membershipNumber],
      )
    )[0];

  beforeAll(async () => {
    h = await startConsoleHarness('members');
  }, 180000);
  afterAll(async () => {
    await h?.stop();
  });

  test('creates a member, picking the home unit by typing its Latin name', async () => {
    const { page } = h;
    await h.open('#/members/create');
    await pickSelect(page, 'Organization', 'Lok Sewa Party');
    await page.getByLabel('Full name *').fill('संजय राय');
    await pickAutocomplete(page, 'Unit', 'Agra', 'आगरा');
    await page.getByLabel('Phone').fill('98123 45678');
    await page.getByLabel('Membership number').fill('BT-0001');
    await h.shot('create-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('BT-0001').first().waitFor();
    await h.shot('created-show');
    const row = await memberRow('BT-0001');
    expect(row).toMatchObject({ full_name: 'संजय राय', phone: '+919812345678', status: 'ACTIVE', deleted_at: null });
  });

  test('a bad phone number is reported on the phone field and nothing is saved', async () => {
    const { page } = h;
    await h.open('#/members/create');
    await pickSelect(page, 'Organization', 'Lok Sewa Party');
    await page.getByLabel('Full name *').fill('गलत फ़ोन');
    await pickAutocomplete(page, 'Unit', 'Agra', 'आगरा');
    await page.getByLabel('Phone').fill('12ab');
    await page.getByLabel('Membership number').fill('BT-0002');
    await page.getByRole('button', { name: 'Save' }).click();
    // The server's message lands under the phone input (MUI links it by aria-describedby).
    const phone = page.getByLabel('Phone');
    await waitFor(async () => (await phone.getAttribute('aria-invalid')) === 'true', 'phone marked invalid');
    const helperId = await phone.getAttribute('aria-describedby');
    const message = await page.locator(`[id="${helperId}"]`).innerText();
    expect(message.length).toBeGreaterThan(3);
    await h.shot('phone-field-error');
    expect(await memberRow('BT-0002')).toBeUndefined();
  });

  test('search finds a Devanagari name by its Latin form', async () => {
    const { page } = h;
    await h.open('#/members');
    // The record says "संजय राय" (Latin form derived as "Sanjay Ray"); the search is typed in Latin.
    await page.getByPlaceholder(/Search/).fill('Sanjay Rai');
    await page.getByText('BT-0001').first().waitFor();
    await h.shot('search-latin');
    const rows = await page.locator('tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(1);
  });

  test('edits a member and the database has the change', async () => {
    const { page } = h;
    const before = await memberRow('BT-0001');
    await h.open(`#/members/${before.id}`);
    await whenLoaded(page.getByLabel('Phone'), before.phone);
    await page.getByLabel('Phone').fill('+919800000001');
    await h.shot('edit-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await memberRow('BT-0001')).phone === '+919800000001', 'phone saved');
    expect((await memberRow('BT-0001')).version).toBe(before.version + 1);
  });

  test('a stale edit says someone else changed the record, shows theirs and overwrites nothing', async () => {
    const { page } = h;
    const row = await memberRow('BT-0001');
    await h.open(`#/members/${row.id}`);
    await whenLoaded(page.getByLabel('Phone'), row.phone);
    // Someone else saves first…
    await h.data(`mutation ($id: ID!) { updateMember(id: $id, input: { email: "other@example.org" }) { id } }`, { id: row.id });
    // …then this user saves the form they loaded before.
    await page.getByLabel('Email').fill('mine@example.org');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Someone else changed this record/).waitFor();
    await waitFor(async () => (await page.getByLabel('Email').inputValue()) === 'other@example.org', 'fresh record shown');
    await h.shot('conflict');
    const [{ email }] = await h.system.membership.dataSource.query(`SELECT email FROM member WHERE id = $1`, [row.id]);
    expect(email).toBe('other@example.org');
  });

  test('deletes a member from its page and undoes it', async () => {
    const { page } = h;
    const row = await memberRow('BT-0001');
    await h.open(`#/members/${row.id}/show`);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await waitFor(async () => (await memberRow('BT-0001')).deleted_at !== null, 'soft-deleted');
    await h.shot('deleted-undo-offered');
    await page.getByTestId('undo-delete').click();
    await waitFor(async () => (await memberRow('BT-0001')).deleted_at === null, 'restored');
  });

  test('exports every member matching the filter, past 1,000 rows, in pages', async () => {
    const { page } = h;
    const { members } = await h.data<{ members: { total: number } }>(`{ members { total } }`);
    expect(members.total).toBeGreaterThan(1000);
    // An explicit empty filter: the list would otherwise remember the earlier search.
    await h.open(`#/members?filter=${encodeURIComponent('{}')}`);
    await page.locator('tbody tr').nth(10).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const file = await download;
    const csv = await (await file.createReadStream()).toArray();
    const lines = Buffer.concat(csv).toString('utf8').trim().split('\n');
    expect(lines.length - 1).toBe(members.total);
  });
});
